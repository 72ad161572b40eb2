#pragma once
// Places a test may write to without meeting another test. ctest runs every test in its own process and
// several processes at once (and `--repeat` runs the same test again while an earlier copy may still be
// cleaning up), so a name derived from the clock, the gtest seed or a fixed string collides. Folders come
// from mkdtemp; database names carry the pid, a per-process counter and random bits.
#include <filesystem>
#include <string>

namespace kwm::testing {

// A fresh folder under the system's temp folder, removed with everything in it when the object goes.
// Only what this object created is removed.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& prefix = "kwm-test");
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// A name no other test process uses at the same time: prefix_pid_counter_random, lower case, [a-z0-9_]
// only, so it can name a PostgreSQL database without quoting.
std::string unique_name(const std::string& prefix);

}  // namespace kwm::testing
