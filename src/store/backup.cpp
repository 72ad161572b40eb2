#include "store/backup.hpp"

#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <memory>
#include <vector>

#include "core/error.hpp"
#include "store/database.hpp"

extern char** environ;

namespace kwm::store {
namespace {

using SqliteHandle = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;

SqliteHandle open_sqlite(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  SqliteHandle handle(raw, &sqlite3_close);
  if (rc != SQLITE_OK) {
    fail(ErrorKind::invalid, "backup_failed",
         "Kan '" + path + "' niet openen: " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)), "db");
  }
  return handle;
}

void backup_sqlite(const std::string& source_path, const std::string& target_file) {
  SqliteHandle source = open_sqlite(source_path, SQLITE_OPEN_READONLY);
  SqliteHandle target = open_sqlite(target_file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sqlite3_backup* job = sqlite3_backup_init(target.get(), "main", source.get(), "main");
  if (!job) fail(ErrorKind::invalid, "backup_failed", std::string("Back-up mislukt: ") + sqlite3_errmsg(target.get()), "to");
  int rc;
  // Small steps with pauses let a running server keep writing during the copy.
  while ((rc = sqlite3_backup_step(job, 256)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
    sqlite3_sleep(5);
  }
  sqlite3_backup_finish(job);
  if (rc != SQLITE_DONE) fail(ErrorKind::invalid, "backup_failed", std::string("Back-up mislukt: ") + sqlite3_errstr(rc), "to");
}

void backup_postgresql(const std::string& url, const std::string& target_file) {
  std::vector<std::string> args{"pg_dump", "--no-owner", "--dbname=" + url, "--file=" + target_file};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, "pg_dump", nullptr, nullptr, argv.data(), environ) != 0) {
    fail(ErrorKind::invalid, "backup_failed", "pg_dump is niet gevonden: installeer postgresql-client", "db");
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    fail(ErrorKind::invalid, "backup_failed", "pg_dump is mislukt (zie de melding hierboven)", "db");
  }
}

}  // namespace

void backup(const std::string& database_url, const std::string& target_file) {
  if (target_file.empty()) fail_invalid("to", "Geef een doelbestand voor de back-up met --to");
  const DatabaseUrl url = DatabaseUrl::parse(database_url);
  if (url.dialect == Dialect::sqlite) {
    backup_sqlite(url.connect_string, target_file);
  } else {
    backup_postgresql(url.connect_string, target_file);
  }
}

}  // namespace kwm::store
