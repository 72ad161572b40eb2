#include "store/backup.hpp"

#include <fcntl.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

extern char** environ;

namespace kwm::store {
namespace {

namespace fs = std::filesystem;
// soci-sqlite3.h includes sqlite3.h inside this namespace.
using namespace sqlite_api;

// ---- SQLite -------------------------------------------------------------------------------------------------

using SqliteHandle = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;

SqliteHandle open_sqlite(const std::string& path, int flags, const char* code, const char* field) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  SqliteHandle handle(raw, &sqlite3_close);
  if (rc != SQLITE_OK) {
    fail(ErrorKind::invalid, code, "Kan '" + path + "' niet openen: " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)), field);
  }
  sqlite3_busy_timeout(raw, 30000);
  return handle;
}

// Runs statements that return no rows; throws Failure with the database's message.
void exec_sqlite(sqlite3* db, const char* sql, const char* code, const char* field) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message ? message : sqlite3_errmsg(db);
    sqlite3_free(message);
    fail(ErrorKind::invalid, code, "SQLite meldt: " + text, field);
  }
}

// The first column of the first row of a query, or nothing when there is no row (or the query fails).
std::optional<std::string> query_sqlite_text(sqlite3* db, const char* sql) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) return std::nullopt;
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(raw, &sqlite3_finalize);
  if (sqlite3_step(raw) != SQLITE_ROW) return std::nullopt;
  const unsigned char* text = sqlite3_column_text(raw, 0);
  return text ? std::string(reinterpret_cast<const char*>(text)) : std::string();
}

// Copies every page of source over target in ONE step: one read transaction on the source, so the copy is a
// single consistent snapshot. In WAL mode (how Database opens SQLite) that read does not block the server's
// writers; a copy in several steps would instead start over whenever another connection writes between two
// steps, and under steady writes never finish. On the target it is one write transaction: if the copy fails,
// SQLite rolls the target back.
void copy_sqlite(sqlite3* source, sqlite3* target, const char* code, const char* field) {
  sqlite3_backup* job = sqlite3_backup_init(target, "main", source, "main");
  if (!job) fail(ErrorKind::invalid, code, std::string("Kopiëren mislukt: ") + sqlite3_errmsg(target), field);
  int rc = SQLITE_OK;
  for (int attempt = 0; attempt < 1500; ++attempt) {
    rc = sqlite3_backup_step(job, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    sqlite3_sleep(20);
  }
  sqlite3_backup_finish(job);
  if (rc != SQLITE_DONE) fail(ErrorKind::invalid, code, std::string("Kopiëren mislukt: ") + sqlite3_errstr(rc), field);
}

bool sqlite_has_table(sqlite3* db, const std::string& table) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", -1, &raw, nullptr) != SQLITE_OK)
    return false;
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(raw, &sqlite3_finalize);
  sqlite3_bind_text(raw, 1, table.c_str(), -1, SQLITE_TRANSIENT);
  return sqlite3_step(raw) == SQLITE_ROW;
}

// Login sessions never leave the server in a copy: their rows go, and secure_delete overwrites the freed pages,
// so not even the token hashes stay in the file.
void drop_sqlite_sessions(sqlite3* db, const char* code, const char* field) {
  if (!sqlite_has_table(db, "sessions")) return;
  exec_sqlite(db, "PRAGMA secure_delete = ON; DELETE FROM sessions;", code, field);
}

// A file written beside its destination and moved over it only when complete, so a failed backup or restore
// never leaves half a file behind; removed if it is never moved.
class StagingFile {
 public:
  StagingFile(const std::string& destination, const char* field) {
    const fs::path folder = fs::absolute(fs::path(destination)).parent_path();
    std::string name = fs::path(destination).filename().string();
    name.insert(name.begin(), '.');
    name += ".part-XXXXXX";
    std::string pattern = (folder / name).string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) fail_invalid(field, "Kan in de map " + folder.string() + " niet schrijven: " + std::strerror(errno));
    ::close(fd);
    path_ = pattern;
  }
  ~StagingFile() {
    std::error_code ignored;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(path_ + suffix, ignored);
  }
  StagingFile(const StagingFile&) = delete;
  StagingFile& operator=(const StagingFile&) = delete;

  const std::string& path() const { return path_; }
  void move_to(const std::string& destination, const char* field) {
    std::error_code error;
    fs::rename(path_, destination, error);
    if (error) fail_invalid(field, "Kan '" + destination + "' niet schrijven: " + error.message());
  }

 private:
  std::string path_;
};

void backup_sqlite(const std::string& source_path, const std::string& target_file) {
  StagingFile staging(target_file, "to");
  {
    SqliteHandle source = open_sqlite(source_path, SQLITE_OPEN_READONLY, "backup_failed", "db");
    SqliteHandle copy = open_sqlite(staging.path(), SQLITE_OPEN_READWRITE, "backup_failed", "to");
    copy_sqlite(source.get(), copy.get(), "backup_failed", "to");
    // The copy takes over the source's WAL mode; a backup is one self-contained file.
    exec_sqlite(copy.get(), "PRAGMA journal_mode = DELETE", "backup_failed", "to");
    drop_sqlite_sessions(copy.get(), "backup_failed", "to");
  }
  staging.move_to(target_file, "to");
}

// ---- PostgreSQL client programs -----------------------------------------------------------------------------

// Runs pg_dump or psql with its standard output discarded; on failure throws Failure: `failed` followed by
// what the program wrote to standard error.
void run_client(std::vector<std::string> args, const std::string& failed, const char* code, const char* field) {
  const std::string program = args.front();
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);

  std::array<int, 2> errors{};
  if (::pipe2(errors.data(), O_CLOEXEC) != 0) fail(ErrorKind::internal, code, std::string("pipe: ") + std::strerror(errno), field);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, errors[1], STDERR_FILENO);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(errors[1]);
  if (spawned != 0) {
    ::close(errors[0]);
    fail(ErrorKind::invalid, code, program + " is niet gevonden: installeer postgresql-client", field);
  }
  std::string messages;
  std::array<char, 4096> buffer{};
  for (ssize_t n; (n = ::read(errors[0], buffer.data(), buffer.size())) != 0;) {
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    messages.append(buffer.data(), static_cast<std::size_t>(n));
  }
  ::close(errors[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return;
  while (!messages.empty() && (messages.back() == '\n' || messages.back() == '\r')) messages.pop_back();
  if (messages.size() > 2000) messages = messages.substr(0, 2000) + " …";
  fail(ErrorKind::invalid, code, failed + (messages.empty() ? std::string() : ": " + messages), field);
}

void backup_postgresql(const std::string& url, const std::string& target_file) {
  StagingFile staging(target_file, "to");
  run_client({"pg_dump", "--no-owner", "--exclude-table-data=public.sessions", "--dbname=" + url, "--file=" + staging.path()},
             "pg_dump is mislukt", "backup_failed", "db");
  staging.move_to(target_file, "to");
}

// ---- checking a backup file before anything is written --------------------------------------------------------

enum class BackupKind { sqlite, pg_dump };

constexpr std::string_view kSqliteHeader{"SQLite format 3\0", 16};
constexpr std::string_view kDumpHeader = "-- PostgreSQL database dump";
constexpr std::string_view kDumpFooter = "-- PostgreSQL database dump complete";

[[noreturn]] void fail_file(const std::string& file, const std::string& why) {
  fail_invalid("from", "'" + file + "' " + why, "restore_bad_backup");
}

BackupKind backup_kind(const std::string& file) {
  std::error_code error;
  if (!fs::exists(file, error)) fail_file(file, "bestaat niet");
  if (!fs::is_regular_file(file, error)) fail_file(file, "is geen bestand");
  std::ifstream in(file, std::ios::binary);
  if (!in) fail_file(file, "is niet te lezen");
  std::string head(512, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (head.starts_with(kSqliteHeader)) return BackupKind::sqlite;
  // pg_dump opens with a comment block; the first lines are at most a few dozen bytes.
  if (head.find(kDumpHeader) != std::string::npos && head.find(kDumpHeader) < 16) return BackupKind::pg_dump;
  fail_file(file, "is geen back-up van Kwartiermaker (geen SQLite-database en geen pg_dump-bestand)");
}

void require_known_version(const std::string& file, int version) {
  if (version == 0) fail_file(file, "is geen back-up van Kwartiermaker: de tabel schema_migrations ontbreekt of is leeg");
  if (version > latest_schema_version()) {
    fail(ErrorKind::conflict, "schema_too_new",
         "'" + file + "' heeft schemaversie " + std::to_string(version) + ", nieuwer dan deze versie van Kwartiermaker kent (" +
             std::to_string(latest_schema_version()) + "): herstel met een nieuwere kwartiermaker",
         "from");
  }
}

void check_sqlite_backup(const std::string& file) {
  SqliteHandle backup = open_sqlite(file, SQLITE_OPEN_READONLY, "restore_bad_backup", "from");
  const auto check = query_sqlite_text(backup.get(), "PRAGMA quick_check");
  if (!check || *check != "ok") fail_file(file, "is beschadigd (SQLite: " + check.value_or("geen database") + ")");
  if (!sqlite_has_table(backup.get(), "schema_migrations")) require_known_version(file, 0);
  require_known_version(file, std::stoi(query_sqlite_text(backup.get(), "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").value_or("0")));
}

// A plain pg_dump of a Kwartiermaker database: complete (pg_dump ends with its footer; a cut-off file would
// otherwise restore part of the data and commit it) and with the schema versions in its data.
void check_pg_dump(const std::string& file) {
  std::ifstream in(file);
  std::string line;
  bool in_versions = false;
  bool has_versions_table = false;
  bool complete = false;
  int version = 0;
  while (std::getline(in, line)) {
    if (in_versions) {
      if (line == "\\.") {
        in_versions = false;
      } else {
        version = std::max(version, std::atoi(line.c_str()));
      }
      continue;
    }
    if (line.starts_with("CREATE TABLE public.schema_migrations ")) has_versions_table = true;
    if (line.starts_with("COPY public.schema_migrations (version,")) in_versions = true;
    complete = line.starts_with(kDumpFooter);
    if (complete) break;
  }
  if (!complete) fail_file(file, "is onvolledig: het einde van de pg_dump-uitvoer ontbreekt");
  if (!has_versions_table) require_known_version(file, 0);
  require_known_version(file, version);
}

// ---- the target database -------------------------------------------------------------------------------------

std::string quote_identifier(const std::string& name) {
  std::string quoted = "\"";
  for (char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// Every table of the database (SQLite's own aside; PostgreSQL: schema public, where Kwartiermaker lives), with
// its number of rows.
std::vector<TableRows> count_rows(soci::session& sql, Dialect dialect) {
  std::vector<TableRows> tables;
  {
    const std::string list = dialect == Dialect::sqlite
                                 ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
                                 : "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = 'public' ORDER BY tablename";
    soci::rowset<std::string> names = (sql.prepare << list);
    for (const std::string& name : names) tables.push_back({name, 0});
  }
  for (TableRows& table : tables) {
    sql << "SELECT COUNT(*) FROM " + quote_identifier(table.table), soci::into(table.rows);
  }
  return tables;
}

// Refuses a target with data in it unless the caller asked to replace it. Tables without rows (a database
// that was only migrated) hold nothing to lose. The target is only read: SQLite opens it read-only, and a
// file that does not exist yet is simply empty.
void refuse_unless_empty(const DatabaseUrl& url, const std::string& database_url, const std::string& backup_file,
                         const RestoreOptions& options) {
  if (options.replace_existing) return;
  if (url.dialect == Dialect::sqlite && !fs::exists(url.connect_string)) return;
  soci::session sql;
  std::vector<TableRows> tables;
  try {
    if (url.dialect == Dialect::sqlite) {
      sql.open(*soci::factory_sqlite3(), "db=" + url.connect_string + " readonly=true timeout=30");
    } else {
      sql.open(*soci::factory_postgresql(), url.connect_string);
    }
    tables = count_rows(sql, url.dialect);
  } catch (const soci::soci_error& e) {
    fail(ErrorKind::invalid, "db_unreachable", "De database " + database_url + " is niet te lezen: " + e.what(), "db");
  }
  std::string filled;
  long long filled_tables = 0;
  for (const TableRows& table : tables) {
    if (table.rows == 0 || table.table == "schema_migrations") continue;
    if (++filled_tables <= 3)
      filled += (filled.empty() ? "" : ", ") + table.table + ": " + std::to_string(table.rows) + (table.rows == 1 ? " rij" : " rijen");
  }
  if (filled_tables == 0) return;
  if (filled_tables > 3) filled += ", …";
  fail(ErrorKind::conflict, "restore_target_not_empty",
       "De database " + database_url + " is niet leeg (" + filled + "): herstellen van '" + backup_file +
           "' zou die gegevens vervangen. Gebruik --force om de inhoud te vervangen, of kies een lege database",
       "db");
}

void restore_sqlite(const std::string& backup_file, const std::string& target_path) {
  // The backup file stays as it is: sessions are dropped from a staged copy, which then goes into the target
  // in one transaction.
  StagingFile staging(target_path, "db");
  {
    SqliteHandle backup = open_sqlite(backup_file, SQLITE_OPEN_READONLY, "restore_failed", "from");
    SqliteHandle copy = open_sqlite(staging.path(), SQLITE_OPEN_READWRITE, "restore_failed", "db");
    copy_sqlite(backup.get(), copy.get(), "restore_failed", "from");
    drop_sqlite_sessions(copy.get(), "restore_failed", "db");
  }
  SqliteHandle staged = open_sqlite(staging.path(), SQLITE_OPEN_READONLY, "restore_failed", "db");
  SqliteHandle target = open_sqlite(target_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "restore_failed", "db");
  copy_sqlite(staged.get(), target.get(), "restore_failed", "db");
}

// Clears schema public of the tables, views and sequences a previous installation (or a bare migrate) left, so
// the dump's CREATE statements meet nothing. Objects an extension owns stay with their extension.
constexpr const char* kClearPublicSchema = R"SQL(SET client_min_messages = warning;
DO $kwm$
DECLARE
  relation record;
BEGIN
  FOR relation IN
    SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                          WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind,
           pg_catalog.format('%I.%I', n.nspname, c.relname) AS name
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
  LOOP
    EXECUTE pg_catalog.format('DROP %s IF EXISTS %s CASCADE', relation.kind, relation.name);
  END LOOP;
END
$kwm$;)SQL";

// A dump made before backups left sessions out may still carry some.
constexpr const char* kDropSessions = R"SQL(DO $kwm$
BEGIN
  IF pg_catalog.to_regclass('public.sessions') IS NOT NULL THEN
    DELETE FROM public.sessions;
  END IF;
END
$kwm$;)SQL";

void restore_postgresql(const std::string& backup_file, const std::string& url) {
  // One transaction for clearing, replaying and dropping sessions: any error rolls all of it back.
  run_client({"psql", "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--single-transaction", "--dbname=" + url,
              std::string("--command=") + kClearPublicSchema, "--file=" + backup_file,
              std::string("--command=") + kDropSessions},
             "Herstellen van '" + backup_file + "' is mislukt en de database is niet gewijzigd; psql meldt", "restore_failed",
             "from");
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

RestoreSummary restore(const std::string& backup_file, const std::string& database_url, const RestoreOptions& options) {
  if (backup_file.empty()) fail_invalid("from", "Geef het back-upbestand met --from");
  const DatabaseUrl url = DatabaseUrl::parse(database_url);
  const BackupKind kind = backup_kind(backup_file);
  if (kind == BackupKind::sqlite && url.dialect != Dialect::sqlite) {
    fail_invalid("db", "'" + backup_file + "' is een SQLite-back-up: herstel die in een sqlite:-database", "restore_wrong_kind");
  }
  if (kind == BackupKind::pg_dump && url.dialect != Dialect::postgresql) {
    fail_invalid("db", "'" + backup_file + "' is een PostgreSQL-back-up (pg_dump): herstel die in een postgresql://-database",
                 "restore_wrong_kind");
  }
  if (kind == BackupKind::sqlite) {
    check_sqlite_backup(backup_file);
  } else {
    check_pg_dump(backup_file);
  }
  refuse_unless_empty(url, database_url, backup_file, options);

  if (kind == BackupKind::sqlite) {
    restore_sqlite(backup_file, url.connect_string);
  } else {
    restore_postgresql(backup_file, url.connect_string);
  }

  Database restored(database_url, 1);
  const SchemaStatus status = schema_status(restored);
  RestoreSummary summary{status.current, status.pending, {}};
  summary.tables = count_rows(*restored.lease(), restored.dialect());
  return summary;
}

}  // namespace kwm::store
