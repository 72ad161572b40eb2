#pragma once
#include <string>
#include <vector>

namespace kwm::store {

class Database;

struct SchemaStatus {
  int current = 0;  // highest applied version; 0: no schema yet
  int latest = 0;   // highest version this binary knows
  int pending = 0;  // versions this binary knows that are not applied
};

SchemaStatus schema_status(Database& db);
// The highest schema version this binary knows, without a database: restore checks a backup against it.
int latest_schema_version();
// Applies every pending migration, each in its own transaction; returns the names of those applied.
std::vector<std::string> migrate(Database& db);
// Throws Failure (code "schema_outdated" or "schema_too_new") unless every known migration is applied and
// none unknown to this binary is.
void require_current_schema(Database& db);

}  // namespace kwm::store
