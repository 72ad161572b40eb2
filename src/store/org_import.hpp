#pragma once
// Internal to the store: writing validated import records of the organisation inside a transaction, matched
// on their keys (units on code, functions on code and level, positions on unit, function level, kind and
// end date, people on personnel number). New records are inserted, changed ones updated, equal ones left
// alone; every created or changed record gets an audit entry.
#include <cstdint>
#include <vector>

#include <soci/soci.h>

#include "core/principal.hpp"
#include "org/repository.hpp"
#include "store/database.hpp"

namespace kwm::store::detail {

// SQLite settings for a bulk write's duration, made before its first write (see org_import.cpp).
class BulkWriteSettings {
 public:
  BulkWriteSettings(soci::session& sql, Dialect dialect, org::Volume volume);
  ~BulkWriteSettings();
  BulkWriteSettings(const BulkWriteSettings&) = delete;
  BulkWriteSettings& operator=(const BulkWriteSettings&) = delete;

 private:
  soci::session& sql_;
  bool active_;
  long long previous_cache_ = -2000;
  long long previous_temp_store_ = 0;
};

// The units and function levels an import file may refer to.
org::References references_of(soci::session& sql, long long municipality_id);

org::ImportCounts import_units(soci::session& sql, const Principal& actor, const std::vector<org::Unit>& records);
org::ImportCounts import_functions(soci::session& sql, const Principal& actor, const std::vector<org::Function>& records);
org::ImportCounts import_positions(soci::session& sql, const Principal& actor, const std::vector<org::Position>& records);
org::ImportCounts import_people(soci::session& sql, const Principal& actor, const std::vector<org::Person>& records);
void record_import(soci::session& sql, const Principal& actor, org::ImportKind kind, std::int64_t rows,
                   const org::ImportCounts& counts);

}  // namespace kwm::store::detail
