// Runs the real `kwartiermaker place` binary: exit codes, messages and what lands in --out.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <memory>
#include <string>

#include "support/scratch.hpp"

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

class PlaceCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(KWM_CLI_BINARY)) GTEST_SKIP() << KWM_CLI_BINARY << " is not built";
    scratch_ = std::make_unique<kwm::testing::ScratchDir>("kwm-place");
    directory_ = scratch_->path();
  }

  fs::path file(const std::string& name, const std::string& content) {
    const fs::path path = directory_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  static std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  // Runs the binary with the given arguments; returns the exit code, fills stdout and stderr.
  int run(const std::string& arguments) {
    const fs::path out = directory_ / "stdout.txt", err = directory_ / "stderr.txt";
    const std::string command =
        std::string("'") + KWM_CLI_BINARY + "' " + arguments + " >'" + out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(command.c_str());
    stdout_ = read(out);
    stderr_ = read(err);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  std::unique_ptr<kwm::testing::ScratchDir> scratch_;
  fs::path directory_;
  std::string stdout_, stderr_;
};

const char* const problem = R"({"positions": [{"id": "P", "slots": 1}], "employees": [{"id": "a"}, {"id": "b"}],
  "rounds": [{"name": "r", "candidates": [{"employee": "a", "position": "P", "score": 2},
                                          {"employee": "b", "position": "P", "score": 3}]}]})";

TEST_F(PlaceCommand, WritesTheResultToStandardOutput) {
  const fs::path in = file("problem.json", problem);
  ASSERT_EQ(run("place --problem '" + in.string() + "'"), 0) << stderr_;
  const json::object result = json::parse(stdout_).as_object();
  EXPECT_EQ(json::serialize(result.at("placements")), R"([{"employee":"b","position":"P","round":0,"score":3}])");
  EXPECT_EQ(json::serialize(result.at("unplaced")), R"(["a"])");
  EXPECT_TRUE(result.at("timing").as_object().contains("parse_ms"));
  EXPECT_TRUE(result.at("timing").as_object().contains("solve_ms"));
  EXPECT_FALSE(result.contains("margins"));
}

TEST_F(PlaceCommand, WritesTheResultFileAndMarginsOnRequest) {
  const fs::path in = file("problem.json", problem), out = directory_ / "result.json";
  ASSERT_EQ(run("place --margins --problem '" + in.string() + "' --out '" + out.string() + "'"), 0) << stderr_;
  EXPECT_TRUE(stdout_.empty());
  const json::object result = json::parse(read(out)).as_object();
  EXPECT_EQ(json::serialize(result.at("margins")), R"([{"employee":"a","position":"P","round":0,"margin":1}])");
}

TEST_F(PlaceCommand, BadInputExitsWithTwoNamesThePathAndWritesNothing) {
  const fs::path out = directory_ / "result.json";
  std::string bad = problem;
  bad.replace(bad.find("\"employee\": \"b\""), 15, "\"employee\": \"z\"");
  const fs::path in = file("bad.json", bad);
  EXPECT_EQ(run("place --problem '" + in.string() + "' --out '" + out.string() + "'"), 2);
  EXPECT_NE(stderr_.find("$.rounds[0].candidates[1].employee"), std::string::npos) << stderr_;
  EXPECT_NE(stderr_.find("bad.json"), std::string::npos) << stderr_;
  EXPECT_FALSE(fs::exists(out));
  EXPECT_TRUE(stdout_.empty());

  // An existing result file stays as it was.
  file("result.json", "previous");
  EXPECT_EQ(run("place --problem '" + in.string() + "' --out '" + out.string() + "'"), 2);
  EXPECT_EQ(read(out), "previous");
  EXPECT_FALSE(fs::exists(directory_ / "result.json.partial"));
}

TEST_F(PlaceCommand, MalformedJsonExitsWithTwo) {
  const fs::path in = file("broken.json", "{\"positions\": [}");
  EXPECT_EQ(run("place --problem '" + in.string() + "'"), 2);
  EXPECT_NE(stderr_.find("[$]"), std::string::npos) << stderr_;
  EXPECT_NE(stderr_.find("line 1"), std::string::npos) << stderr_;
  EXPECT_TRUE(stdout_.empty());
}

TEST_F(PlaceCommand, MissingProblemFileExitsWithTwo) {
  EXPECT_EQ(run("place --problem '" + (directory_ / "absent.json").string() + "'"), 2);
  EXPECT_NE(stderr_.find("absent.json"), std::string::npos) << stderr_;
}

TEST_F(PlaceCommand, UnwritableOutputExitsWithTwo) {
  const fs::path in = file("problem.json", problem);
  EXPECT_EQ(run("place --problem '" + in.string() + "' --out '" + (directory_ / "no-such-dir" / "r.json").string() + "'"), 2);
  EXPECT_NE(stderr_.find("r.json"), std::string::npos) << stderr_;
}

TEST_F(PlaceCommand, MissingProblemOptionIsAUsageError) {
  EXPECT_NE(run("place"), 0);
  EXPECT_NE(stderr_.find("--problem"), std::string::npos) << stderr_;
}

}  // namespace
