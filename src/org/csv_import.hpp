#pragma once
// The CSV formats of units, functions, positions and people (docs/csv.md): the columns of each kind, the
// validation of a parsed file into records or a list of row errors, and the export and template tables
// in the same format. No I/O: the store passes in the parsed file and what already exists.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/csv.hpp"
#include "core/table.hpp"
#include "core/error.hpp"
#include "org/model.hpp"

namespace kwm::org {

struct ColumnSpec {
  std::string_view name;
  bool required;  // must be in the header; whether a cell may be empty is a rule of its own
};
// The columns of a kind in their export order.
std::span<const ColumnSpec> columns(ImportKind kind);

// What is already stored, for the references a file makes.
struct References {
  std::unordered_map<std::string, std::string> unit_parents;  // unit code -> parent code ("" for a root)
  std::unordered_set<std::string> function_codes;
  std::unordered_set<std::string> function_levels;  // function_level_key(code, level)
};
std::string function_level_key(std::string_view code, std::string_view level);

template <typename Record>
struct Validated {
  std::vector<Record> records;   // complete only when errors is empty
  std::vector<RowError> errors;  // in file order: header problems (row 1) first
  bool ok() const { return errors.empty(); }
};

// Each checks the header (unknown and missing columns), every cell, keys repeated within the file, and
// references to units and function levels in the file or in `existing`. Records carry codes, not ids:
// Unit::parent_code, Position::unit_code/function_code/level, Person::unit_code/function_code/level.
Validated<Unit> validate_units(const csv::Table& table, const References& existing);
Validated<Function> validate_functions(const csv::Table& table);
Validated<Position> validate_positions(const csv::Table& table, const References& existing);
Validated<Person> validate_people(const csv::Table& table, const References& existing);

// A file to hand out: the header of a kind, named after the kind, and rows in import format (FTE and pay
// scale as numbers). table/file.hpp writes it as CSV or XLSX.
Table empty_table(ImportKind kind);
// The header and one example row, as downloaded from the web app.
Table template_table(ImportKind kind);
std::vector<Cell> export_row(const Unit& unit);
std::vector<Cell> export_row(const Function& function);
std::vector<Cell> export_row(const Position& position);
std::vector<Cell> export_row(const Person& person);

}  // namespace kwm::org
