#include "org/csv_import.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

namespace kwm::org {
namespace {

constexpr std::array<ColumnSpec, 8> kUnitColumns{{
    {"code", true},
    {"name", true},
    {"parent_code", false},
    {"kind", true},
    {"pillars", false},
    {"direction", false},
    {"contractor", false},
    {"location", false},
}};
constexpr std::array<ColumnSpec, 6> kFunctionColumns{{
    {"code", true},
    {"name", true},
    {"level", true},
    {"education_level", true},
    {"scale", true},
    {"status", true},
}};
constexpr std::array<ColumnSpec, 6> kPositionColumns{{
    {"unit_code", true},
    {"function_code", true},
    {"level", true},
    {"fte", true},
    {"kind", true},
    {"end_date", false},
}};
constexpr std::array<ColumnSpec, 12> kPersonColumns{{
    {"personnel_number", true},
    {"name", true},
    {"unit_code", true},
    {"function_code", false},
    {"level", false},
    {"fte", true},
    {"contract", true},
    {"contract_end", false},
    {"hire_date", false},
    {"education_level", false},
    {"engagement", true},
    {"organisation", false},
}};

std::string column_list(std::span<const ColumnSpec> specs) {
  std::string text;
  for (const ColumnSpec& spec : specs) {
    if (!text.empty()) text += ", ";
    text += spec.name;
  }
  return text;
}

// Checks the header line; true when every required column is there, so the rows can be read.
bool check_header(const csv::Table& table, ImportKind kind, std::vector<RowError>& errors) {
  const auto specs = columns(kind);
  bool complete = true;
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    const std::string& name = table.header[i];
    if (name.empty()) {
      errors.push_back({1, "", fmt::format("Kolom {} heeft geen naam in de kopregel", i + 1)});
      continue;
    }
    const bool known = std::any_of(specs.begin(), specs.end(), [&](const ColumnSpec& spec) { return spec.name == name; });
    if (!known) {
      errors.push_back({1, name, fmt::format("Onbekende kolom '{}'; een bestand met {} kent alleen de kolommen {}", name,
                                             to_string(kind), column_list(specs))});
    } else if (std::find(table.header.begin(), table.header.begin() + static_cast<std::ptrdiff_t>(i), name) !=
               table.header.begin() + static_cast<std::ptrdiff_t>(i)) {
      errors.push_back({1, name, fmt::format("Kolom '{}' staat twee keer in de kopregel", name)});
      complete = false;
    }
  }
  for (const ColumnSpec& spec : specs) {
    if (spec.required && !table.column(spec.name)) {
      errors.push_back({1, std::string(spec.name), fmt::format("Verplichte kolom '{}' ontbreekt in de kopregel", spec.name)});
      complete = false;
    }
  }
  return complete;
}

// Reads the cells of one record and collects its errors, at most one per column: the first problem of a
// cell is the one to fix, and a cell that could not be read is not judged again by the record rules.
class RowReader {
 public:
  RowReader(const csv::Table& table, const csv::Record& record, std::vector<RowError>& errors)
      : table_(table), record_(record), errors_(errors) {}

  std::int64_t row() const { return record_.row; }
  bool has_errors() const { return !failed_columns_.empty(); }

  std::string_view cell(std::string_view column) const {
    const auto index = table_.column(column);
    if (!index || *index >= record_.fields.size()) return {};
    return record_.fields[*index];
  }

  void error(std::string_view column, std::string message) {
    if (failed(column)) return;
    failed_columns_.emplace_back(column);
    errors_.push_back({record_.row, std::string(column), std::move(message)});
  }
  bool failed(std::string_view column) const {
    return std::find(failed_columns_.begin(), failed_columns_.end(), column) != failed_columns_.end();
  }
  void add(const std::vector<FieldProblem>& problems) {
    for (const FieldProblem& problem : problems) error(problem.field, problem.message);
  }

  template <typename Enum, typename Parse>
  std::optional<Enum> enumeration(std::string_view column, std::string_view label, Parse parse, bool required) {
    const std::string_view text = cell(column);
    if (text.empty()) {
      if (required) error(column, fmt::format("Vul een {} in; toegestaan: {}", label, allowed_values(Enum{})));
      return std::nullopt;
    }
    std::optional<Enum> value = parse(text);
    if (!value) error(column, fmt::format("Onbekende waarde '{}' voor {}; toegestaan: {}", text, label, allowed_values(Enum{})));
    return value;
  }

  std::optional<Date> date(std::string_view column) {
    const std::string_view text = cell(column);
    if (text.empty()) return std::nullopt;
    std::optional<Date> value = Date::parse(text);
    if (!value) error(column, fmt::format("'{}' is geen geldige datum; schrijf JJJJ-MM-DD of DD-MM-JJJJ, bijvoorbeeld 2025-12-31", text));
    return value;
  }

  Fte fte(std::string_view column) {
    const std::string_view text = cell(column);
    if (text.empty()) {
      error(column, "Vul het aantal fte in, bijvoorbeeld 0.8");
      return Fte{};
    }
    if (text.front() == '-') {
      error(column, fmt::format("Het aantal fte ({}) mag niet negatief zijn", text));
      return Fte{};
    }
    // A semicolon file comes from Dutch Excel and writes 0,8; a point is accepted there too.
    std::optional<Fte> value = Fte::parse(text, table_.decimal_comma);
    if (!value && table_.decimal_comma) value = Fte::parse(text, false);
    if (!value) {
      error(column, fmt::format("'{}' is geen geldig aantal fte; schrijf bijvoorbeeld {} (hooguit drie decimalen)", text,
                                table_.decimal_comma ? "0,8" : "0.8"));
      return Fte{};
    }
    return *value;
  }

  std::string text(std::string_view column) const { return std::string(cell(column)); }

 private:
  const csv::Table& table_;
  const csv::Record& record_;
  std::vector<RowError>& errors_;
  std::vector<std::string> failed_columns_;
};

// Keys seen earlier in the file, so a repeat can name the row that has it first.
class KeyRegister {
 public:
  // The row that had this key before, or none (and the key is remembered).
  std::optional<std::int64_t> seen(std::string key, std::int64_t row) {
    const auto [it, inserted] = rows_.emplace(std::move(key), row);
    if (inserted) return std::nullopt;
    return it->second;
  }

 private:
  std::unordered_map<std::string, std::int64_t> rows_;
};

// True when the record's number of cells matches the header; records that do not are reported whole.
bool check_width(const csv::Table& table, const csv::Record& record, std::vector<RowError>& errors) {
  if (record.fields.size() == table.header.size()) return true;
  errors.push_back({record.row, "",
                    fmt::format("Deze rij heeft {} velden, de kopregel {}; controleer scheidingstekens en aanhalingstekens",
                                record.fields.size(), table.header.size())});
  return false;
}

template <typename Record, typename ReadRow>
Validated<Record> validate_rows(const csv::Table& table, ImportKind kind, ReadRow read_row) {
  Validated<Record> result;
  if (!check_header(table, kind, result.errors)) return result;
  result.records.reserve(table.records.size());
  for (const csv::Record& record : table.records) {
    if (!check_width(table, record, result.errors)) continue;
    RowReader reader(table, record, result.errors);
    std::optional<Record> value = read_row(reader);
    if (value && !reader.has_errors()) result.records.push_back(std::move(*value));
  }
  return result;
}

std::vector<Pillar> read_pillars(RowReader& reader) {
  std::vector<Pillar> pillars;
  std::string_view text = reader.cell("pillars");
  while (!text.empty()) {
    const auto bar = text.find('|');
    std::string_view part = text.substr(0, bar);
    text = bar == std::string_view::npos ? std::string_view{} : text.substr(bar + 1);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (part.empty()) continue;
    const std::optional<Pillar> pillar = pillar_from_string(part);
    if (!pillar) {
      reader.error("pillars", fmt::format("Onbekende pijler '{}'; toegestaan: {}, gescheiden door |", part,
                                          allowed_values(Pillar{})));
      return {};
    }
    if (std::find(pillars.begin(), pillars.end(), *pillar) == pillars.end()) pillars.push_back(*pillar);
  }
  return pillars;
}

// Checks that the function level a row names exists; the row's function code and level are both given.
void check_function_reference(RowReader& reader, const References& existing, std::string_view code, std::string_view level) {
  if (code.empty() || reader.failed("function_code")) return;
  if (!existing.function_codes.contains(std::string(code))) {
    reader.error("function_code", fmt::format("Functie '{}' bestaat niet in deze gemeente; importeer eerst de functies", code));
  } else if (!level.empty() && !existing.function_levels.contains(function_level_key(code, level))) {
    reader.error("level", fmt::format("Functie '{}' heeft geen niveau '{}'", code, level));
  }
}

void check_unit_reference(RowReader& reader, const References& existing, std::string_view code) {
  if (code.empty() || reader.failed("unit_code")) return;
  if (!existing.unit_parents.contains(std::string(code))) {
    reader.error("unit_code", fmt::format("Eenheid '{}' bestaat niet in deze gemeente; importeer eerst de eenheden", code));
  }
}

std::string optional_date(const std::optional<Date>& date) { return date ? date->iso() : std::string(); }

template <typename Enum>
std::string optional_enum(const std::optional<Enum>& value) {
  return value ? std::string(to_string(*value)) : std::string();
}

}  // namespace

std::span<const ColumnSpec> columns(ImportKind kind) {
  switch (kind) {
    case ImportKind::Units: return kUnitColumns;
    case ImportKind::Functions: return kFunctionColumns;
    case ImportKind::Positions: return kPositionColumns;
    case ImportKind::People: return kPersonColumns;
  }
  return kUnitColumns;
}

std::string function_level_key(std::string_view code, std::string_view level) {
  std::string key;
  key.reserve(code.size() + level.size() + 1);
  key.append(code);
  key.push_back('\x1f');  // cannot occur in a code (control characters are refused)
  key.append(level);
  return key;
}

Validated<Unit> validate_units(const csv::Table& table, const References& existing) {
  KeyRegister codes;
  std::vector<std::int64_t> rows;  // row number of each accepted record, for the tree checks below
  std::unordered_set<std::string> file_codes;  // also of rejected rows: their children get no second error
  Validated<Unit> result = validate_rows<Unit>(table, ImportKind::Units, [&](RowReader& reader) -> std::optional<Unit> {
    Unit unit;
    unit.code = reader.text("code");
    unit.name = reader.text("name");
    unit.parent_code = reader.text("parent_code");
    unit.kind = reader.enumeration<UnitKind>("kind", "soort eenheid", unit_kind_from_string, true).value_or(UnitKind::Team);
    unit.pillars = read_pillars(reader);
    unit.direction = reader.enumeration<Direction>("direction", "regierol", direction_from_string, false);
    unit.contractor = reader.text("contractor");
    unit.location = reader.enumeration<Location>("location", "locatie", location_from_string, false);
    if (reader.failed("kind")) {
      // The team rules depend on the kind; judge only what does not.
      for (const FieldProblem& problem : check_unit(unit))
        if (problem.field == "code" || problem.field == "name" || problem.field == "parent_code") reader.error(problem.field, problem.message);
    } else {
      reader.add(check_unit(unit));
    }
    if (!unit.code.empty()) {
      file_codes.insert(unit.code);
      if (const auto first = codes.seen(unit.code, reader.row())) {
        reader.error("code", fmt::format("Code '{}' staat ook al in rij {}; elke eenheid mag één keer voorkomen", unit.code, *first));
      }
    }
    if (!reader.has_errors()) rows.push_back(reader.row());
    return unit;
  });

  // Parents may be defined anywhere in the file or already exist; the file's rows override what is stored.
  std::unordered_map<std::string, std::string> parents = existing.unit_parents;
  for (const Unit& unit : result.records) parents[unit.code] = unit.parent_code;
  std::vector<bool> keep(result.records.size(), true);
  for (std::size_t i = 0; i < result.records.size(); ++i) {
    const Unit& unit = result.records[i];
    if (unit.parent_code.empty()) continue;
    if (!parents.contains(unit.parent_code)) {
      keep[i] = false;
      if (file_codes.contains(unit.parent_code)) continue;
      result.errors.push_back({rows[i], "parent_code",
                               fmt::format("Bovenliggende eenheid '{}' bestaat niet: niet in dit bestand en niet in de gemeente",
                                           unit.parent_code)});
      continue;
    }
    std::string path = unit.code;
    std::string current = unit.parent_code;
    for (std::size_t steps = 0; !current.empty() && steps <= parents.size(); ++steps) {
      path += " → " + current;
      if (current == unit.code) {
        result.errors.push_back({rows[i], "parent_code",
                                 fmt::format("De eenheid komt zo (indirect) onder zichzelf te vallen: {}", path)});
        keep[i] = false;
        break;
      }
      const auto it = parents.find(current);
      current = it == parents.end() ? std::string() : it->second;
    }
  }
  std::vector<Unit> kept;
  kept.reserve(result.records.size());
  for (std::size_t i = 0; i < result.records.size(); ++i)
    if (keep[i]) kept.push_back(std::move(result.records[i]));
  result.records = std::move(kept);
  std::stable_sort(result.errors.begin(), result.errors.end(), [](const RowError& a, const RowError& b) { return a.row < b.row; });
  return result;
}

Validated<Function> validate_functions(const csv::Table& table) {
  KeyRegister keys;
  return validate_rows<Function>(table, ImportKind::Functions, [&](RowReader& reader) -> std::optional<Function> {
    Function function;
    function.code = reader.text("code");
    function.name = reader.text("name");
    function.level = reader.text("level");
    function.education_level =
        reader.enumeration<EducationLevel>("education_level", "opleidingsniveau", education_level_from_string, true)
            .value_or(EducationLevel::Hbo);
    function.status = reader.enumeration<FunctionStatus>("status", "functiestatus", function_status_from_string, true)
                          .value_or(FunctionStatus::Unchanged);
    const std::string_view scale = reader.cell("scale");
    if (scale.empty()) {
      reader.error("scale", "Vul de salarisschaal in, een geheel getal van 1 tot en met 18");
    } else if (!std::all_of(scale.begin(), scale.end(), [](char c) { return c >= '0' && c <= '9'; }) || scale.size() > 6) {
      reader.error("scale", fmt::format("'{}' is geen geldige salarisschaal; schrijf een geheel getal van 1 tot en met 18", scale));
    } else {
      function.scale = std::stoll(std::string(scale));
    }
    reader.add(check_function(function));
    if (!function.code.empty() && !function.level.empty()) {
      if (const auto first = keys.seen(function_level_key(function.code, function.level), reader.row())) {
        reader.error("level", fmt::format("Functie '{}' met niveau '{}' staat ook al in rij {}; elk functieniveau mag één keer "
                                          "voorkomen",
                                          function.code, function.level, *first));
      }
    }
    return function;
  });
}

Validated<Position> validate_positions(const csv::Table& table, const References& existing) {
  KeyRegister keys;
  return validate_rows<Position>(table, ImportKind::Positions, [&](RowReader& reader) -> std::optional<Position> {
    Position position;
    position.unit_code = reader.text("unit_code");
    position.function_code = reader.text("function_code");
    position.level = reader.text("level");
    position.fte = reader.fte("fte");
    position.kind = reader.enumeration<PositionKind>("kind", "soort formatieplaats", position_kind_from_string, true)
                        .value_or(PositionKind::Structural);
    position.end_date = reader.date("end_date");
    if (position.unit_code.empty()) reader.error("unit_code", "Vul de code van de eenheid in");
    if (position.function_code.empty()) reader.error("function_code", "Vul de functiecode in");
    if (position.level.empty()) reader.error("level", "Vul het functieniveau in");
    if (!reader.failed("kind")) reader.add(check_position(position));
    check_unit_reference(reader, existing, position.unit_code);
    check_function_reference(reader, existing, position.function_code, position.level);
    if (!reader.has_errors()) {
      const std::string key = fmt::format("{}\x1f{}\x1f{}\x1f{}", position.unit_code, function_level_key(position.function_code, position.level),
                                          to_string(position.kind), optional_date(position.end_date));
      if (const auto first = keys.seen(key, reader.row())) {
        reader.error("unit_code", fmt::format("Deze formatieregel (eenheid '{}', functie '{}' niveau '{}', {}{}) staat ook al in rij {}; "
                                              "tel de fte op in één regel",
                                              position.unit_code, position.function_code, position.level, to_string(position.kind),
                                              position.end_date ? " tot " + position.end_date->iso() : std::string(), *first));
      }
    }
    return position;
  });
}

Validated<Person> validate_people(const csv::Table& table, const References& existing) {
  KeyRegister numbers;
  return validate_rows<Person>(table, ImportKind::People, [&](RowReader& reader) -> std::optional<Person> {
    Person person;
    person.personnel_number = reader.text("personnel_number");
    person.name = reader.text("name");
    person.unit_code = reader.text("unit_code");
    person.function_code = reader.text("function_code");
    person.level = reader.text("level");
    person.fte = reader.fte("fte");
    const auto contract = reader.enumeration<Contract>("contract", "contractsoort", contract_from_string, true);
    person.contract = contract.value_or(Contract::Permanent);
    person.contract_end = reader.date("contract_end");
    person.hire_date = reader.date("hire_date");
    person.education_level =
        reader.enumeration<EducationLevel>("education_level", "opleidingsniveau", education_level_from_string, false);
    const auto engagement = reader.enumeration<Engagement>("engagement", "soort dienstverband", engagement_from_string, true);
    person.engagement = engagement.value_or(Engagement::Employee);
    person.organisation = reader.text("organisation");
    if (person.unit_code.empty()) reader.error("unit_code", "Vul de code van de eenheid in");
    for (const FieldProblem& problem : check_person(person)) {
      // Rules that depend on a value the row does not have are not judged.
      const bool needs_contract = problem.field == "contract_end";
      const bool needs_engagement = problem.field == "organisation" || problem.field == "function_code";
      if ((needs_contract && !contract) || (needs_engagement && !engagement)) continue;
      reader.error(problem.field, problem.message);
    }
    check_unit_reference(reader, existing, person.unit_code);
    check_function_reference(reader, existing, person.function_code, person.level);
    if (!person.personnel_number.empty()) {
      if (const auto first = numbers.seen(person.personnel_number, reader.row())) {
        reader.error("personnel_number", fmt::format("Personeelsnummer '{}' staat ook al in rij {}; elk personeelsnummer mag één "
                                                     "keer voorkomen",
                                                     person.personnel_number, *first));
      }
    }
    return person;
  });
}

Table empty_table(ImportKind kind) {
  Table table;
  table.name = std::string(to_string(kind));
  for (const ColumnSpec& spec : columns(kind)) table.header.emplace_back(spec.name);
  return table;
}

Table template_table(ImportKind kind) {
  Table table = empty_table(kind);
  switch (kind) {
    case ImportKind::Units:
      table.rows.push_back({"WT-NOORD", "Wijkteam Noord", "SD", "district_team", "care|youth", "municipality", "", "fixed"});
      break;
    case ImportKind::Functions:
      table.rows.push_back({"CONS-SD", "Consulent sociaal domein", "senior", "hbo", 10.0, "changed"});
      break;
    case ImportKind::Positions:
      table.rows.push_back({"WT-NOORD", "CONS-SD", "senior", 0.8, "temporary", "2026-12-31"});
      break;
    case ImportKind::People:
      table.rows.push_back({"100234", "J. de Vries", "WT-NOORD", "CONS-SD", "senior", 0.8, "temporary", "2026-12-31",
                            "2024-03-01", "hbo", "employee", ""});
      break;
  }
  return table;
}

std::vector<Cell> export_row(const Unit& unit) {
  return {unit.code,
          unit.name,
          unit.parent_code,
          std::string(to_string(unit.kind)),
          pillars_to_string(unit.pillars),
          optional_enum(unit.direction),
          unit.contractor,
          optional_enum(unit.location)};
}

std::vector<Cell> export_row(const Function& function) {
  return {function.code,
          function.name,
          function.level,
          std::string(to_string(function.education_level)),
          static_cast<double>(function.scale),
          std::string(to_string(function.status))};
}

std::vector<Cell> export_row(const Position& position) {
  return {position.unit_code,
          position.function_code,
          position.level,
          position.fte.value(),
          std::string(to_string(position.kind)),
          optional_date(position.end_date)};
}

std::vector<Cell> export_row(const Person& person) {
  return {person.personnel_number,
          person.name,
          person.unit_code,
          person.function_code,
          person.level,
          person.fte.value(),
          std::string(to_string(person.contract)),
          optional_date(person.contract_end),
          optional_date(person.hire_date),
          optional_enum(person.education_level),
          std::string(to_string(person.engagement)),
          person.organisation};
}

}  // namespace kwm::org
