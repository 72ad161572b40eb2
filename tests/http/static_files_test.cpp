#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/scratch.hpp"

namespace kwm::http {
namespace {

class StaticFilesTest : public ::testing::Test {
 protected:
  // The web root is a folder inside the scratch folder, so a file beside it is one step outside the root.
  void SetUp() override {
    root_ = scratch_ / "web";
    std::filesystem::create_directories(root_ / "assets");
    std::ofstream(root_ / "index.html") << "<!doctype html><title>app</title>";
    std::ofstream(root_ / "assets" / "app-1234.js") << "console.log(1)";
    std::ofstream(scratch_ / "kwm-secret.txt") << "secret";
  }
  kwm::testing::ScratchDir scratch_{"kwm-static"};
  std::filesystem::path root_;
};

TEST_F(StaticFilesTest, ServesFilesWithTypesAndCaching) {
  StaticFiles files(root_.string());
  const auto script = files.serve("/assets/app-1234.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(script->headers.at(0).second, "public, max-age=31536000, immutable");
  const auto index = files.serve("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(index->headers.at(0).second, "no-cache");
}

TEST_F(StaticFilesTest, DeepLinksGetTheAppAndMissingAssetsDoNot) {
  StaticFiles files(root_.string());
  const auto deep = files.serve("/units/12");
  ASSERT_TRUE(deep);
  EXPECT_NE(deep->body.find("<title>app</title>"), std::string::npos);
  EXPECT_FALSE(files.serve("/assets/missing.js"));
}

TEST_F(StaticFilesTest, NeverLeavesTheWebRoot) {
  StaticFiles files(root_.string());
  const auto attempt = files.serve("/../kwm-secret.txt");
  ASSERT_TRUE(attempt);
  EXPECT_EQ(attempt->body.find("secret"), std::string::npos);
}

TEST(StaticFilesWithoutRoot, ServesNothing) { EXPECT_FALSE(StaticFiles("").serve("/")); }

}  // namespace
}  // namespace kwm::http
