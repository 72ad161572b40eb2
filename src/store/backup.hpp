#pragma once
#include <string>
#include <vector>

namespace kwm::store {

// Copies a live database to a file: SQLite through its online backup API (one consistent snapshot while the
// server keeps writing), PostgreSQL through pg_dump (plain SQL). Login sessions are left out: a backup
// never carries a live session. Throws Failure naming what went wrong.
void backup(const std::string& database_url, const std::string& target_file);

struct RestoreOptions {
  // Replace whatever the target database holds. Without it, restore refuses a target with data in it.
  bool replace_existing = false;
};

struct TableRows {
  std::string table;
  long long rows = 0;
};

struct RestoreSummary {
  int schema_version = 0;      // highest migration in the restored database
  int pending_migrations = 0;  // known to this binary but not in the backup: run `kwartiermaker migrate`
  std::vector<TableRows> tables;  // every table of the restored database, by name
};

// Puts a backup made by `backup` into the database at database_url: a SQLite backup file into a SQLite
// database (through the backup API, in one transaction), a pg_dump file into PostgreSQL (psql, in one
// transaction with ON_ERROR_STOP). The file is checked (kind, completeness, schema version) before the target
// is touched; a failure leaves the target as it was. Session rows in the backup are not restored. Throws
// Failure (field "from" for the file, "db" for the target; code "restore_target_not_empty" when the target
// holds data and options.replace_existing is false).
RestoreSummary restore(const std::string& backup_file, const std::string& database_url, const RestoreOptions& options = {});

}  // namespace kwm::store
