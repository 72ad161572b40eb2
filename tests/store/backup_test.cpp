// Backup and restore on both backends: a backup taken while people are being written restores into a fresh
// database as one consistent snapshot of every table; sessions never travel; a target with data is refused
// without replace_existing; a damaged or foreign file fails before anything is written.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <thread>

#include "core/date.hpp"
#include "core/error.hpp"
#include "demo/generator.hpp"
#include "store/backup.hpp"
#include "competence/service.hpp"
#include "store/competence_repository.hpp"
#include "store/migrations.hpp"
#include "org/service.hpp"
#include "store/org_repository.hpp"
#include "store/user_store.hpp"
#include "store_test_support.hpp"

namespace kwm::store::testing {
namespace {

using Table = std::vector<std::string>;  // one text per row, sorted
using Snapshot = std::map<std::string, Table>;

std::string cell(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return "NULL";
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_string: return "'" + row.get<std::string>(column) + "'";
    case soci::dt_double: {
      std::ostringstream text;
      text.precision(17);
      text << row.get<double>(column);
      return text.str();
    }
    case soci::dt_date: {
      std::tm moment = row.get<std::tm>(column);
      char text[32];
      std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &moment);
      return text;
    }
    case soci::dt_integer:
    case soci::dt_long_long:
    case soci::dt_unsigned_long_long: return std::to_string(row_integer(row, column));
    default: return "'" + row.get<std::string>(column) + "'";
  }
}

// Every table of the database from its catalogue.
std::vector<std::string> table_names(soci::session& sql, Dialect dialect) {
  const std::string query = dialect == Dialect::sqlite
                                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                                  "AND table_type = 'BASE TABLE' ORDER BY table_name";
  std::vector<std::string> names;
  soci::rowset<std::string> rows = (sql.prepare << query);
  std::copy(rows.begin(), rows.end(), std::back_inserter(names));
  return names;
}

// Every row of every table, as text; `skip` leaves columns out (table name to column name).
Snapshot snapshot(Database& db, const std::multimap<std::string, std::string>& skip = {}) {
  auto sql = db.lease();
  Snapshot tables;
  for (const std::string& name : table_names(*sql, db.dialect())) {
    Table& table = tables[name];
    soci::rowset<soci::row> rows = (sql->prepare << "SELECT * FROM " + name);
    for (const soci::row& row : rows) {
      std::string text;
      for (std::size_t column = 0; column < row.size(); ++column) {
        const std::string& column_name = row.get_properties(column).get_name();
        const auto [from, to] = skip.equal_range(name);
        if (std::any_of(from, to, [&](const auto& entry) { return entry.second == column_name; })) continue;
        text += column_name + "=" + cell(row, column) + "|";
      }
      table.push_back(text);
    }
    std::sort(table.begin(), table.end());
  }
  return tables;
}

std::vector<std::string> names_of(const Snapshot& tables) {
  std::vector<std::string> names;
  for (const auto& [name, rows] : tables) names.push_back(name);
  return names;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

class BackupTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped()) return;
    // A medium demo municipality (units, functions, positions, people and their audit trail), a reference
    // competency framework, an account and a live session of it.
    const demo::DemoMunicipality m = demo::generate(demo::Size::medium, 7, *Date::from_ymd(2026, 6, 1)).at(0);
    ASSERT_GT(organisation().import_file(admin, org::ImportKind::Units, m.units_csv).rows, 0);
    ASSERT_GT(organisation().import_file(admin, org::ImportKind::Functions, m.functions_csv).rows, 0);
    ASSERT_GT(organisation().import_file(admin, org::ImportKind::Positions, m.positions_csv).rows, 0);
    ASSERT_GT(organisation().import_file(admin, org::ImportKind::People, m.people_csv).rows, 0);
    competence_service(*db)->copy_reference_framework(admin, "casemanager");
    NewUser user;
    user.municipality_id = admin.municipality_id;
    user.username = "hr-" + kwm::testing::unique_name("adviser");
    user.password = "een lang genoeg wachtwoord";
    user.role = Role::hr;
    create_session(*db, create_user(*db, admin, user));
  }

  void TearDown() override {
    for (const std::string& name : pg_databases_) {
      Database server(std::getenv("KWM_TEST_PG_URL"), 1);
      *server.lease() << "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)";
    }
    StoreTest::TearDown();
  }

  std::string source_url() const {
    return db->dialect() == Dialect::sqlite ? "sqlite:" + db->url().connect_string : db->url().connect_string;
  }

  // A database nobody has touched: a SQLite file that does not exist yet, or a new PostgreSQL database (libpq
  // takes the last dbname of a URI, so the server's URL with dbname= added names it).
  std::string fresh_database() {
    const std::string name = kwm::testing::unique_name("kwm_restore");
    if (db->dialect() == Dialect::sqlite) return "sqlite:" + (scratch_ / (name + ".db")).string();
    const std::string server_url = std::getenv("KWM_TEST_PG_URL");
    Database server(server_url, 1);
    *server.lease() << "CREATE DATABASE " + name;
    pg_databases_.push_back(name);
    return server_url + (server_url.find('?') == std::string::npos ? "?" : "&") + "dbname=" + name;
  }

  std::string file(const std::string& name) const { return (scratch_ / name).string(); }

  // A person for the writer: personnel number W-n, in the first unit, in the first function level.
  org::Person writer_person(int n) {
    if (!writer_template_.unit_id) {
      writer_template_.unit_id = organisation().unit_tree(admin).units.front().unit.id;
      const org::Function function = organisation().list_functions(admin, "", {0, 1}).items.at(0);
      writer_template_.function_id = function.id;
      writer_template_.level = function.level;
      writer_template_.fte = Fte::from_milli(800);
    }
    org::Person person = writer_template_;
    person.personnel_number = "W-" + std::to_string(n);
    person.name = "Schrijver " + std::to_string(n);
    return person;
  }

  long long rows_in(Database& target, const std::string& table) {
    long long rows = 0;
    *target.lease() << "SELECT COUNT(*) FROM " + table, soci::into(rows);
    return rows;
  }

  kwm::testing::ScratchDir scratch_{"kwm-backup"};
  std::vector<std::string> pg_databases_;
  org::Person writer_template_;
};

TEST_P(BackupTest, BackupWhileWritingRestoresOneConsistentSnapshotOfEveryTable) {
  const long long people_at_start = count("SELECT COUNT(*) FROM people WHERE municipality_id = :m", admin.municipality_id);
  const long long audit_at_start = count("SELECT COUNT(*) FROM audit_log WHERE municipality_id = :m", admin.municipality_id);
  ASSERT_EQ(count("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.municipality_id = :m",
                  admin.municipality_id),
            1);

  // Writes go on while the backup runs: each new person and its audit row in one transaction.
  writer_person(0);
  std::atomic<int> written{0};
  std::atomic<bool> stop{false};
  std::string writer_error;
  std::thread writer([&] {
    try {
      for (int n = 0; !stop; ++n) {
        organisation().create_person(admin, writer_person(n));
        ++written;
      }
    } catch (const std::exception& e) {
      writer_error = e.what();
    }
  });
  auto wait_for = [&](int at_least) {
    while (written < at_least && writer_error.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  };
  wait_for(5);
  const int written_before = written;
  const std::string backup_file = file("kwartiermaker.backup");
  backup(source_url(), backup_file);
  const int written_after = written;
  RecordProperty("written_during_backup", written_after - written_before);
  wait_for(written_after + 5);
  stop = true;
  writer.join();
  ASSERT_EQ(writer_error, "");

  const std::string target_url = fresh_database();
  const RestoreSummary summary = restore(backup_file, target_url);
  Database restored(target_url, 1);
  EXPECT_NO_THROW(require_current_schema(restored));
  EXPECT_EQ(summary.schema_version, latest_schema_version());
  EXPECT_EQ(summary.pending_migrations, 0);
  if (restored.dialect() == Dialect::sqlite) {
    std::string integrity;
    *restored.lease() << "PRAGMA integrity_check", soci::into(integrity);
    EXPECT_EQ(integrity, "ok");
  }

  // The writer changes the municipality's org_version stamp with every person; the rest of that row must match.
  const std::multimap<std::string, std::string> stamp{{"municipalities", "org_version"}};
  const Snapshot source = snapshot(*db, stamp);
  const Snapshot restored_tables = snapshot(restored, stamp);
  ASSERT_EQ(names_of(restored_tables), names_of(source));
  ASSERT_EQ(summary.tables.size(), source.size());
  for (const TableRows& table : summary.tables) EXPECT_EQ(table.rows, static_cast<long long>(restored_tables.at(table.table).size())) << table.table;

  for (const auto& [name, rows] : source) {
    const Table& restored_rows = restored_tables.at(name);
    if (name == "sessions") {
      EXPECT_EQ(rows.size(), 1u);
      EXPECT_TRUE(restored_rows.empty()) << "a backup carried a live session";
    } else if (name == "people" || name == "audit_log") {
      // Written during the backup: the copy holds a prefix of what the source holds now, row for row.
      EXPECT_TRUE(std::includes(rows.begin(), rows.end(), restored_rows.begin(), restored_rows.end())) << name;
    } else {
      EXPECT_EQ(restored_rows, rows) << name;
    }
  }
  // One snapshot: every person in the copy has its audit row, and the copy holds what was written by the time
  // the backup began and no more than by the time it ended (plus one committed but not yet counted).
  const long long people = rows_in(restored, "people") - people_at_start;
  EXPECT_EQ(rows_in(restored, "audit_log") - audit_at_start, people);
  EXPECT_GE(people, written_before);
  EXPECT_LE(people, written_after + 1);

  // The copy takes new writes: its keys and sequences continue where the source was.
  Principal actor = admin;
  EXPECT_GT(organisation_service(restored)->create_person(actor, writer_person(1000000)), 0);
  EXPECT_EQ(organisation_service(restored)->municipalities().size(), 1u);
}

TEST_P(BackupTest, NoByteOfASessionLeavesTheServer) {
  std::string token_hash;
  *db->lease() << "SELECT token_hash FROM sessions", soci::into(token_hash);
  ASSERT_FALSE(token_hash.empty());
  const std::string backup_file = file("kwartiermaker.backup");
  backup(source_url(), backup_file);
  const std::string bytes = read_file(backup_file);
  EXPECT_GT(bytes.size(), 0u);
  EXPECT_EQ(bytes.find(token_hash), std::string::npos);
  EXPECT_NE(bytes.find("Gemeente GM0001"), std::string::npos) << "the backup holds the data";
}

// A backup made before backups left sessions out, or by hand, may hold sessions: restore drops them.
TEST_P(BackupTest, RestoreDropsSessionsABackupStillCarries) {
  const std::string backup_file = file("with-sessions.backup");
  if (db->dialect() == Dialect::sqlite) {
    backup(source_url(), backup_file);
    Database copy("sqlite:" + backup_file, 1);
    long long user_id = 0;
    *copy.lease() << "SELECT MIN(id) FROM users", soci::into(user_id);
    create_session(copy, user_id);
    create_session(copy, user_id);
    ASSERT_EQ(rows_in(copy, "sessions"), 2);
  } else {
    const std::string command = "pg_dump --no-owner --dbname='" + source_url() + "' --file='" + backup_file + "'";
    ASSERT_EQ(std::system(command.c_str()), 0);
    ASSERT_NE(read_file(backup_file).find("COPY public.sessions"), std::string::npos);
  }
  const std::string target_url = fresh_database();
  restore(backup_file, target_url);
  Database restored(target_url, 1);
  EXPECT_EQ(rows_in(restored, "sessions"), 0);
  EXPECT_GT(rows_in(restored, "users"), 0);
}

TEST_P(BackupTest, RefusesATargetWithDataUnlessToldToReplaceIt) {
  const std::string backup_file = file("kwartiermaker.backup");
  backup(source_url(), backup_file);
  const std::string target_url = fresh_database();

  // Only migrated: empty tables hold nothing to lose.
  {
    Database target(target_url, 1);
    migrate(target);
  }
  restore(backup_file, target_url);

  // Now it holds data, and one more municipality of its own.
  Principal cli;
  cli.username = "test";
  cli.role = Role::admin;
  Snapshot before;
  {
    Database target(target_url, 1);
    org::Municipality extra;
    extra.code = "GM0777";
    extra.name = "Gemeente Elders";
    extra.inhabitants = 1000;
    organisation_service(target)->create_municipality(cli, extra);
    before = snapshot(target);
  }
  const Error refused = failure_of([&] { restore(backup_file, target_url); });
  EXPECT_EQ(refused.code, "restore_target_not_empty");
  EXPECT_EQ(refused.field, "db");
  EXPECT_NE(refused.message.find(backup_file), std::string::npos) << refused.message;
  EXPECT_NE(refused.message.find("--force"), std::string::npos) << refused.message;
  {
    Database target(target_url, 1);
    EXPECT_EQ(snapshot(target), before) << "a refused restore wrote to the target";
  }

  RestoreOptions replace;
  replace.replace_existing = true;
  restore(backup_file, target_url, replace);
  Database target(target_url, 1);
  EXPECT_FALSE(organisation_service(target)->find_municipality("GM0777"));
  ASSERT_TRUE(organisation_service(target)->find_municipality("GM0001"));
  Snapshot expected = snapshot(*db);
  expected["sessions"].clear();
  EXPECT_EQ(snapshot(target), expected);
}

TEST_P(BackupTest, ADamagedOrForeignFileFailsBeforeAnythingIsWritten) {
  const std::string backup_file = file("kwartiermaker.backup");
  backup(source_url(), backup_file);
  const std::string good = read_file(backup_file);
  const bool sqlite = db->dialect() == Dialect::sqlite;

  // A target that is only migrated: a failed restore must leave its (empty) tables, not half a copy.
  const std::string target_url = fresh_database();
  Snapshot before;
  {
    Database target(target_url, 1);
    migrate(target);
    before = snapshot(target);
  }
  auto expect_refused = [&](const std::string& path, const std::string& code) {
    const Error error = failure_of([&] { restore(path, target_url); });
    EXPECT_EQ(error.code, code) << path << ": " << error.message;
    EXPECT_NE(error.message.find(path), std::string::npos) << error.message;
    Database target(target_url, 1);
    EXPECT_EQ(snapshot(target), before) << path;
  };

  const std::string missing = file("missing.backup");
  expect_refused(missing, "restore_bad_backup");

  const std::string text = file("notes.txt");
  write_file(text, "Dit is geen back-up maar een boodschappenlijst.\n");
  expect_refused(text, "restore_bad_backup");

  const std::string cut = file("cut.backup");
  write_file(cut, good.substr(0, good.size() / 2));
  expect_refused(cut, "restore_bad_backup");

  const std::string other_kind = file("other-kind.backup");
  write_file(other_kind, sqlite ? "--\n-- PostgreSQL database dump\n--\n" : std::string("SQLite format 3\0", 16) + std::string(4080, '\0'));
  expect_refused(other_kind, "restore_wrong_kind");

  // Damaged in the middle, with a sound beginning and end: SQLite's check finds the page, psql stops at the
  // statement and rolls back the whole transaction, the clearing of the target included.
  const std::string damaged = file("damaged.backup");
  std::string bytes = good;
  if (sqlite) {
    ASSERT_GT(bytes.size(), 6u * 4096);
    std::fill(bytes.begin() + 4 * 4096, bytes.begin() + 6 * 4096, '\x5a');
  } else {
    const auto footer = bytes.rfind("-- PostgreSQL database dump complete");
    ASSERT_NE(footer, std::string::npos);
    bytes.insert(footer, "INSERT INTO public.municipalities (id) VALUES ('geen getal');\n\n");
  }
  write_file(damaged, bytes);
  expect_refused(damaged, sqlite ? "restore_bad_backup" : "restore_failed");

  // The good file still restores into that same target.
  EXPECT_NO_THROW(restore(backup_file, target_url));
}

INSTANTIATE_TEST_SUITE_P(Backends, BackupTest, kBackends, backend_name);

}  // namespace
}  // namespace kwm::store::testing
