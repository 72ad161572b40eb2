#pragma once
#include <string>

namespace kwm::store {

// Copies a live database to a file: SQLite through its online backup API (consistent while the server
// keeps writing), PostgreSQL through pg_dump (plain SQL). Throws Failure naming what went wrong.
void backup(const std::string& database_url, const std::string& target_file);

}  // namespace kwm::store
