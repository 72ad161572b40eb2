// The CSV reader (core/csv.hpp) and the organisation's import rules over what it reads (org/csv_import.hpp),
// with no database: bytes as a file from Excel, then each kind's validation. Properties checked besides
// the sanitizers: spreadsheet row numbers only grow, and every record read writes back with format_line
// (formula guard included) and reads again unchanged, which is what makes an export import unchanged.
#include <cstdint>
#include <string>
#include <vector>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "fuzz_support.hpp"
#include "org/csv_import.hpp"

namespace {

using namespace kwm;

// What the store would hold: two units and a function at two levels, so references resolve both ways.
const org::References& existing() {
  static const org::References references = [] {
    org::References r;
    r.unit_parents = {{"SD", ""}, {"WT1", "SD"}};
    r.function_codes = {"CONS"};
    r.function_levels = {org::function_level_key("CONS", "junior"), org::function_level_key("CONS", "senior")};
    return r;
  }();
  return references;
}

bool is_blank(const std::vector<std::string>& fields) {
  for (const std::string& f : fields)
    if (f.find_first_not_of(" \t") != std::string::npos) return false;
  return true;
}

void check_round_trip(const csv::Record& record) {
  std::vector<std::string> header;
  for (std::size_t i = 0; i < record.fields.size(); ++i) header.push_back("h" + std::to_string(i));
  const std::string text = csv::format_line(header) + csv::format_line(record.fields);
  const csv::Table again = csv::parse(text);
  fuzz::require(again.records.size() == 1, "a written record reads back as one record");
  fuzz::require(again.records[0].fields == record.fields, "a written record reads back unchanged");
}

void check_rules(const csv::Table& table) {
  const auto units = org::validate_units(table, existing());
  const auto functions = org::validate_functions(table);
  const auto positions = org::validate_positions(table, existing());
  const auto people = org::validate_people(table, existing());
  // A row either is accepted or has an error; never more records than rows.
  fuzz::require(units.records.size() <= table.records.size(), "no more units than rows");
  fuzz::require(functions.records.size() <= table.records.size(), "no more functions than rows");
  fuzz::require(positions.records.size() <= table.records.size(), "no more positions than rows");
  fuzz::require(people.records.size() <= table.records.size(), "no more people than rows");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::text_of(data, size);
  // The guard on its own, on the whole input as one cell.
  fuzz::require(csv::without_formula_guard(csv::with_formula_guard(text)) == text, "the formula guard comes off again");

  csv::Table table;
  try {
    table = csv::parse(text);
  } catch (const Failure&) {
    return 0;
  }
  std::int64_t previous_row = 1;
  for (const csv::Record& record : table.records) {
    fuzz::require(record.row > previous_row, "row numbers grow");
    previous_row = record.row;
    if (!is_blank(record.fields)) check_round_trip(record);
  }
  check_rules(table);
  return 0;
}
