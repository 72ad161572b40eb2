#include "store/org_sql.hpp"

#include <random>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "core/error.hpp"
#include "org/wire.hpp"

namespace kwm::store::detail {
namespace {

void append_json_string(std::string& out, std::string_view value) {
  out.push_back('"');
  // Runs of plain characters are copied whole: audit snapshots of an import are built by the hundred thousand.
  std::size_t run = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20) continue;
    out.append(value.substr(run, i - run));
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: out += fmt::format("\\u{:04x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
    }
  }
  out.append(value.substr(run));
  out.push_back('"');
}

// Stored enum text is written only by this store; an unknown spelling means a newer version wrote it.
template <typename Enum, typename Parse>
Enum stored_enum(const std::string& text, Parse parse, std::string_view column) {
  if (std::optional<Enum> value = parse(text)) return *value;
  fail(ErrorKind::internal, "stored_value_unknown", fmt::format("Onbekende waarde '{}' in kolom {} van de database", text, column));
}

template <typename Enum, typename Parse>
std::optional<Enum> stored_optional_enum(const std::string& text, soci::indicator indicator, Parse parse, std::string_view column) {
  if (indicator == soci::i_null || text.empty()) return std::nullopt;
  return stored_enum<Enum>(text, parse, column);
}

std::vector<org::Pillar> stored_pillars(const std::string& text) {
  std::vector<org::Pillar> pillars;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('|', start);
    if (end == std::string::npos) end = text.size();
    pillars.push_back(stored_enum<org::Pillar>(text.substr(start, end - start), org::pillar_from_string, "units.pillars"));
    start = end + 1;
  }
  return pillars;
}

}  // namespace

void JsonObject::key(std::string_view name) {
  if (text_.size() > 1) text_.push_back(',');
  append_json_string(text_, name);
  text_.push_back(':');
}
JsonObject& JsonObject::string(std::string_view name, std::string_view value) {
  key(name);
  append_json_string(text_, value);
  return *this;
}
JsonObject& JsonObject::integer(std::string_view name, long long value) {
  key(name);
  text_ += std::to_string(value);
  return *this;
}
JsonObject& JsonObject::number(std::string_view name, std::string_view literal) {
  key(name);
  text_ += literal;
  return *this;
}
JsonObject& JsonObject::optional_string(std::string_view name, std::string_view value) {
  if (!value.empty()) return string(name, value);
  key(name);
  text_ += "null";
  return *this;
}

std::optional<Date> stored_date(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return Date::parse(text);
}

std::vector<org::Unit> select_units(soci::session& sql, long long municipality_id) {
  long long m = municipality_id, id = 0, parent_id = 0;
  std::string code, name, kind, pillars, direction, contractor, location;
  soci::indicator parent_ind = soci::i_ok, direction_ind = soci::i_ok, contractor_ind = soci::i_ok, location_ind = soci::i_ok;
  Statement st(sql);
  st.into(id).into(code).into(name).into(parent_id, parent_ind).into(kind).into(pillars).into(direction, direction_ind)
      .into(contractor, contractor_ind).into(location, location_ind).use(m)
      .prepare("SELECT u.id, u.code, u.name, u.parent_id, u.kind, u.pillars, u.direction, u.contractor, u.location "
               "FROM units u WHERE u.municipality_id = :m ORDER BY u.code");
  std::vector<org::Unit> units;
  st.start();
  while (st.fetch()) {
    org::Unit unit;
    unit.id = id;
    unit.code = code;
    unit.name = name;
    if (parent_ind == soci::i_ok) unit.parent_id = parent_id;
    unit.kind = stored_enum<org::UnitKind>(kind, org::unit_kind_from_string, "units.kind");
    unit.pillars = stored_pillars(pillars);
    unit.direction = stored_optional_enum<org::Direction>(direction, direction_ind, org::direction_from_string, "units.direction");
    if (contractor_ind == soci::i_ok) unit.contractor = contractor;
    unit.location = stored_optional_enum<org::Location>(location, location_ind, org::location_from_string, "units.location");
    units.push_back(std::move(unit));
  }
  std::unordered_map<std::int64_t, std::string> codes;
  for (const org::Unit& unit : units) codes[unit.id] = unit.code;
  for (org::Unit& unit : units)
    if (unit.parent_id) unit.parent_code = codes[*unit.parent_id];
  return units;
}

std::vector<org::Function> select_functions(soci::session& sql, long long municipality_id, std::string_view condition,
                                            std::string_view tail, const Binder& bind) {
  long long m = municipality_id, id = 0, scale = 0;
  std::string code, name, level, education, status;
  Statement st(sql);
  st.into(id).into(code).into(name).into(level).into(education).into(scale).into(status).use(m);
  bind(st);
  st.prepare(fmt::format("SELECT f.id, f.code, f.name, f.level, f.education_level, f.scale, f.status FROM functions f "
                         "WHERE f.municipality_id = :m{} {}",
                         condition, tail));
  std::vector<org::Function> functions;
  st.start();
  while (st.fetch()) {
    functions.push_back(org::Function{
        id, code, name, level,
        stored_enum<org::EducationLevel>(education, org::education_level_from_string, "functions.education_level"), scale,
        stored_enum<org::FunctionStatus>(status, org::function_status_from_string, "functions.status")});
  }
  return functions;
}

std::vector<org::Position> select_positions(soci::session& sql, long long municipality_id, std::string_view condition,
                                            std::string_view tail, const Binder& bind) {
  long long m = municipality_id, id = 0, unit_id = 0, function_id = 0, fte = 0;
  std::string unit_code, function_code, function_name, level, kind, end_date;
  Statement st(sql);
  st.into(id).into(unit_id).into(unit_code).into(function_id).into(function_code).into(function_name).into(level).into(fte)
      .into(kind).into(end_date).use(m);
  bind(st);
  st.prepare(fmt::format("SELECT p.id, p.unit_id, u.code, p.function_id, f.code, f.name, f.level, p.fte_milli, p.kind, p.end_date "
                         "FROM positions p JOIN units u ON u.id = p.unit_id JOIN functions f ON f.id = p.function_id "
                         "WHERE p.municipality_id = :m{} {}",
                         condition, tail));
  std::vector<org::Position> positions;
  st.start();
  while (st.fetch()) {
    positions.push_back(org::Position{id, unit_id, unit_code, function_id, function_code, function_name, level,
                                      Fte::from_milli(fte),
                                      stored_enum<org::PositionKind>(kind, org::position_kind_from_string, "positions.kind"),
                                      stored_date(end_date)});
  }
  return positions;
}

std::vector<org::Person> select_people(soci::session& sql, long long municipality_id, std::string_view condition,
                                       std::string_view tail, const Binder& bind) {
  long long m = municipality_id, id = 0, unit_id = 0, function_id = 0, fte = 0;
  std::string number, name, unit_code, unit_name, function_code, function_name, level, contract, contract_end, hire_date,
      education, engagement, organisation;
  soci::indicator function_ind = soci::i_ok, code_ind = soci::i_ok, name_ind = soci::i_ok, level_ind = soci::i_ok;
  Statement st(sql);
  st.into(id).into(number).into(name).into(unit_id).into(unit_code).into(unit_name).into(function_id, function_ind)
      .into(function_code, code_ind).into(function_name, name_ind).into(level, level_ind).into(fte).into(contract)
      .into(contract_end).into(hire_date).into(education).into(engagement).into(organisation).use(m);
  bind(st);
  st.prepare(fmt::format("SELECT p.id, p.personnel_number, p.name, p.unit_id, u.code, u.name, p.function_id, f.code, f.name, "
                         "f.level, p.fte_milli, p.contract, p.contract_end, p.hire_date, p.education_level, p.engagement, "
                         "p.organisation FROM people p JOIN units u ON u.id = p.unit_id LEFT JOIN functions f ON f.id = "
                         "p.function_id WHERE p.municipality_id = :m{} {}",
                         condition, tail));
  std::vector<org::Person> people;
  st.start();
  while (st.fetch()) {
    org::Person person;
    person.id = id;
    person.personnel_number = number;
    person.name = name;
    person.unit_id = unit_id;
    person.unit_code = unit_code;
    person.unit_name = unit_name;
    if (function_ind == soci::i_ok) {
      person.function_id = function_id;
      person.function_code = function_code;
      person.function_name = function_name;
      person.level = level;
    }
    person.fte = Fte::from_milli(fte);
    person.contract = stored_enum<org::Contract>(contract, org::contract_from_string, "people.contract");
    person.contract_end = stored_date(contract_end);
    person.hire_date = stored_date(hire_date);
    person.education_level =
        stored_optional_enum<org::EducationLevel>(education, soci::i_ok, org::education_level_from_string, "people.education_level");
    person.engagement = stored_enum<org::Engagement>(engagement, org::engagement_from_string, "people.engagement");
    person.organisation = organisation;
    people.push_back(std::move(person));
  }
  return people;
}

long long count_rows(soci::session& sql, std::string_view table_and_alias, long long municipality_id,
                     std::string_view condition, const Binder& bind) {
  const std::string_view alias = table_and_alias.substr(table_and_alias.rfind(' ') + 1);
  long long m = municipality_id, count = 0;
  Statement st(sql);
  st.into(count).use(m);
  bind(st);
  st.prepare(fmt::format("SELECT COUNT(*) FROM {} WHERE {}.municipality_id = :m{}", table_and_alias, alias, condition));
  st.run();
  return count;
}

std::string audit_json(const org::Unit& unit) { return boost::json::serialize(wire::to_json(unit)); }
std::string audit_json(const org::Function& function) { return boost::json::serialize(wire::to_json(function)); }
std::string audit_json(const org::Position& position) { return boost::json::serialize(wire::to_json(position)); }
std::string audit_json(const org::Person& person) { return boost::json::serialize(wire::to_json(person)); }
std::string audit_json(const org::Municipality& municipality) { return boost::json::serialize(wire::to_json(municipality)); }

std::optional<org::Function> function_by_id(soci::session& sql, long long municipality_id, std::int64_t id) {
  long long key = id;
  auto functions = select_functions(sql, municipality_id, " AND f.id = :id", "", [&](Statement& st) { st.use(key); });
  if (functions.empty()) return std::nullopt;
  return functions.front();
}

namespace {
auto stored_fields(const org::Unit& u) {
  return std::tie(u.code, u.name, u.parent_code, u.kind, u.pillars, u.direction, u.contractor, u.location);
}
auto stored_fields(const org::Function& f) { return std::tie(f.code, f.name, f.level, f.education_level, f.scale, f.status); }
auto stored_fields(const org::Position& p) { return std::tie(p.unit_code, p.function_code, p.level, p.fte, p.kind, p.end_date); }
auto stored_fields(const org::Person& p) {
  return std::tie(p.personnel_number, p.name, p.unit_code, p.function_code, p.level, p.fte, p.contract, p.contract_end,
                  p.hire_date, p.education_level, p.engagement, p.organisation);
}
}  // namespace

bool same_stored(const org::Unit& a, const org::Unit& b) { return stored_fields(a) == stored_fields(b); }
bool same_stored(const org::Function& a, const org::Function& b) { return stored_fields(a) == stored_fields(b); }
bool same_stored(const org::Position& a, const org::Position& b) { return stored_fields(a) == stored_fields(b); }
bool same_stored(const org::Person& a, const org::Person& b) { return stored_fields(a) == stored_fields(b); }

std::string audit_key(const org::Function& function) { return function.code + "/" + function.level; }

std::string audit_key(const org::Position& position) {
  std::string key = fmt::format("{}/{}/{}/{}", position.unit_code, position.function_code, position.level, org::to_string(position.kind));
  if (position.end_date) key += "/" + position.end_date->iso();
  return key;
}

void stamp_organisation_change(soci::session& sql, long long municipality_id) {
  // Odd, so never the 0 of a municipality that was never written to; 62 random bits otherwise.
  thread_local std::mt19937_64 random(std::random_device{}());
  long long stamp = static_cast<long long>(random() >> 2) | 1, m = municipality_id;
  Statement st(sql);
  st.use(stamp).use(m).prepare("UPDATE municipalities SET org_version = :stamp WHERE id = :m");
  st.run();
}

std::optional<long long> organisation_version(soci::session& sql, long long municipality_id) {
  long long m = municipality_id, version = 0;
  Statement st(sql);
  st.into(version).use(m).prepare("SELECT org_version FROM municipalities WHERE id = :m");
  if (!st.run()) return std::nullopt;
  return version;
}

UnitWriter::UnitWriter(soci::session& sql, long long municipality_id)
    : municipality_id_(municipality_id), insert_(sql), update_(sql) {
  insert_.use(municipality_id_).use(code_).use(name_).use(parent_id_, parent_ind_).use(kind_).use(pillars_)
      .use(direction_, direction_ind_).use(contractor_, contractor_ind_).use(location_, location_ind_).into(id_)
      .prepare("INSERT INTO units (municipality_id, code, name, parent_id, kind, pillars, direction, contractor, location) "
               "VALUES (:m, :code, :name, :parent, :kind, :pillars, :direction, :contractor, :location) RETURNING id");
  update_.use(code_).use(name_).use(parent_id_, parent_ind_).use(kind_).use(pillars_).use(direction_, direction_ind_)
      .use(contractor_, contractor_ind_).use(location_, location_ind_).use(id_).use(municipality_id_)
      .prepare("UPDATE units SET code = :code, name = :name, parent_id = :parent, kind = :kind, pillars = :pillars, "
               "direction = :direction, contractor = :contractor, location = :location WHERE id = :id AND municipality_id = :m");
}

void UnitWriter::set(const org::Unit& unit) {
  code_ = unit.code;
  name_ = unit.name;
  parent_id_ = unit.parent_id.value_or(0);
  parent_ind_ = unit.parent_id ? soci::i_ok : soci::i_null;
  kind_ = org::to_string(unit.kind);
  pillars_ = org::pillars_to_string(unit.pillars);
  direction_ = unit.direction ? org::to_string(*unit.direction) : "";
  direction_ind_ = unit.direction ? soci::i_ok : soci::i_null;
  contractor_ = unit.contractor;
  contractor_ind_ = unit.contractor.empty() ? soci::i_null : soci::i_ok;
  location_ = unit.location ? org::to_string(*unit.location) : "";
  location_ind_ = unit.location ? soci::i_ok : soci::i_null;
}

std::int64_t UnitWriter::insert(const org::Unit& unit) {
  set(unit);
  insert_.run();
  return id_;
}

void UnitWriter::update(std::int64_t id, const org::Unit& unit) {
  set(unit);
  id_ = id;
  update_.run();
}

FunctionWriter::FunctionWriter(soci::session& sql, long long municipality_id)
    : municipality_id_(municipality_id), insert_(sql), update_(sql) {
  insert_.use(municipality_id_).use(code_).use(name_).use(level_).use(education_).use(scale_).use(status_).into(id_)
      .prepare("INSERT INTO functions (municipality_id, code, name, level, education_level, scale, status) "
               "VALUES (:m, :code, :name, :level, :education, :scale, :status) RETURNING id");
  update_.use(code_).use(name_).use(level_).use(education_).use(scale_).use(status_).use(id_).use(municipality_id_)
      .prepare("UPDATE functions SET code = :code, name = :name, level = :level, education_level = :education, "
               "scale = :scale, status = :status WHERE id = :id AND municipality_id = :m");
}

void FunctionWriter::set(const org::Function& function) {
  code_ = function.code;
  name_ = function.name;
  level_ = function.level;
  education_ = org::to_string(function.education_level);
  scale_ = function.scale;
  status_ = org::to_string(function.status);
}

std::int64_t FunctionWriter::insert(const org::Function& function) {
  set(function);
  insert_.run();
  return id_;
}

void FunctionWriter::update(std::int64_t id, const org::Function& function) {
  set(function);
  id_ = id;
  update_.run();
}

namespace {

using Column = BatchInsert::Column;
constexpr auto kInteger = BatchInsert::Type::integer;
constexpr auto kText = BatchInsert::Type::text;
constexpr std::size_t kRowsPerBatch = 200;

const std::vector<Column> kPositionColumns{{"municipality_id", kInteger}, {"unit_id", kInteger}, {"function_id", kInteger},
                                           {"fte_milli", kInteger},       {"kind", kText},       {"end_date", kText}};
const std::vector<Column> kPersonColumns{
    {"municipality_id", kInteger}, {"personnel_number", kText}, {"name", kText},     {"unit_id", kInteger},
    {"function_id", kInteger},     {"fte_milli", kInteger},     {"contract", kText}, {"contract_end", kText},
    {"hire_date", kText},          {"education_level", kText},  {"engagement", kText}, {"organisation", kText}};

std::string insert_returning_id(std::string_view table, const std::vector<Column>& columns) {
  std::string names, values;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    names += fmt::format("{}{}", i == 0 ? "" : ", ", columns[i].name);
    values += fmt::format("{}:v{}", i == 0 ? "" : ", ", i);
  }
  return fmt::format("INSERT INTO {} ({}) VALUES ({}) RETURNING id", table, names, values);
}

}  // namespace

// The values of an INSERT in the order of kPositionColumns.
template <typename Sink>
void PositionWriter::insert_values(Sink sink) {
  sink(municipality_id_);
  sink(unit_id_);
  sink(function_id_);
  sink(fte_);
  sink(kind_);
  sink(end_date_);
}

PositionWriter::PositionWriter(soci::session& sql, long long municipality_id)
    : municipality_id_(municipality_id), insert_(sql), update_(sql), batch_(sql, "positions", kPositionColumns, kRowsPerBatch) {
  insert_values([&](auto&... value) { insert_.use(value...); });
  insert_.into(id_).prepare(insert_returning_id("positions", kPositionColumns));
  update_.use(unit_id_).use(function_id_).use(fte_).use(kind_).use(end_date_).use(id_).use(municipality_id_)
      .prepare("UPDATE positions SET unit_id = :unit, function_id = :function, fte_milli = :fte, kind = :kind, "
               "end_date = :end_date WHERE id = :id AND municipality_id = :m");
}

void PositionWriter::set(const org::Position& position) {
  unit_id_ = position.unit_id;
  function_id_ = position.function_id;
  fte_ = position.fte.milli();
  kind_ = org::to_string(position.kind);
  end_date_ = date_text(position.end_date);
}

std::int64_t PositionWriter::insert(const org::Position& position) {
  set(position);
  insert_.run();
  return id_;
}

void PositionWriter::queue(const org::Position& position) {
  set(position);
  insert_values([&](auto&... value) { batch_.add(value...); });
  batch_.end_row();
}

void PositionWriter::update(std::int64_t id, const org::Position& position) {
  set(position);
  id_ = id;
  update_.run();
}

// The values of an INSERT in the order of kPersonColumns.
template <typename Sink>
void PersonWriter::insert_values(Sink sink) {
  sink(municipality_id_);
  sink(number_);
  sink(name_);
  sink(unit_id_);
  sink(function_id_, function_ind_);
  sink(fte_);
  sink(contract_);
  sink(contract_end_);
  sink(hire_date_);
  sink(education_);
  sink(engagement_);
  sink(organisation_);
}

PersonWriter::PersonWriter(soci::session& sql, long long municipality_id)
    : municipality_id_(municipality_id), insert_(sql), update_(sql), batch_(sql, "people", kPersonColumns, kRowsPerBatch) {
  insert_values([&](auto&... value) { insert_.use(value...); });
  insert_.into(id_).prepare(insert_returning_id("people", kPersonColumns));
  update_.use(number_).use(name_).use(unit_id_).use(function_id_, function_ind_).use(fte_).use(contract_).use(contract_end_)
      .use(hire_date_).use(education_).use(engagement_).use(organisation_).use(id_).use(municipality_id_)
      .prepare("UPDATE people SET personnel_number = :number, name = :name, unit_id = :unit, function_id = :function, "
               "fte_milli = :fte, contract = :contract, contract_end = :contract_end, hire_date = :hire_date, "
               "education_level = :education, engagement = :engagement, organisation = :organisation "
               "WHERE id = :id AND municipality_id = :m");
}

void PersonWriter::set(const org::Person& person) {
  number_ = person.personnel_number;
  name_ = person.name;
  unit_id_ = person.unit_id;
  function_id_ = person.function_id.value_or(0);
  function_ind_ = person.function_id ? soci::i_ok : soci::i_null;
  fte_ = person.fte.milli();
  contract_ = org::to_string(person.contract);
  contract_end_ = date_text(person.contract_end);
  hire_date_ = date_text(person.hire_date);
  education_ = person.education_level ? org::to_string(*person.education_level) : "";
  engagement_ = org::to_string(person.engagement);
  organisation_ = person.organisation;
}

std::int64_t PersonWriter::insert(const org::Person& person) {
  set(person);
  insert_.run();
  return id_;
}

void PersonWriter::queue(const org::Person& person) {
  set(person);
  insert_values([&](auto&... value) { batch_.add(value...); });
  batch_.end_row();
}

void PersonWriter::update(std::int64_t id, const org::Person& person) {
  set(person);
  id_ = id;
  update_.run();
}

std::string id_list(const std::vector<std::int64_t>& ids) {
  std::string text;
  for (std::int64_t id : ids) {
    if (!text.empty()) text.push_back(',');
    text += std::to_string(id);
  }
  return text;
}

}  // namespace kwm::store::detail
