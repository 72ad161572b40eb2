#pragma once
#include <string>
#include <vector>

namespace kwm::store {

class Database;

struct SchemaStatus {
  int current = 0;  // 0: no schema yet
  int latest = 0;   // what this binary knows
};

SchemaStatus schema_status(Database& db);
// Applies every pending migration, each in its own transaction; returns the names of those applied.
std::vector<std::string> migrate(Database& db);
// Throws Failure (code "schema_outdated" or "schema_too_new") unless the schema is exactly the latest.
void require_current_schema(Database& db);

}  // namespace kwm::store
