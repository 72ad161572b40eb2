// Municipalities, and reading and editing units, functions, positions and people one at a time.
// Import and export live in org_import.cpp.
#include "store/org_store.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <variant>

#include <fmt/format.h>

#include "core/error.hpp"
#include "store/audit.hpp"
#include "store/database.hpp"
#include "store/org_sql.hpp"

namespace kwm::store {
namespace {

using detail::Statement;

// A WHERE clause assembled from parts, each with its parameters, bound in the order they were added.
class Conditions {
 public:
  template <typename... Values>
  void add(std::string sql, Values... values) {
    text_ += sql;
    (values_.emplace_back(std::move(values)), ...);
  }
  const std::string& text() const { return text_; }
  void bind(Statement& st) {
    for (auto& value : values_) std::visit([&](auto& v) { st.use(v); }, value);
  }

 private:
  std::string text_;
  std::deque<std::variant<std::string, long long>> values_;  // a deque keeps bound references valid
};

std::string like_pattern(std::string_view q) {
  std::string pattern = "%";
  for (char c : q) {
    if (c == '%' || c == '_' || c == '\\') pattern.push_back('\\');
    pattern.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  pattern.push_back('%');
  return pattern;
}

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

[[noreturn]] void fail_problem(const org::FieldProblem& problem) { fail_invalid(problem.field, problem.message); }

void require_no_problems(const std::vector<org::FieldProblem>& problems) {
  if (!problems.empty()) fail_problem(problems.front());
}

// --- Who sees what -------------------------------------------------------------------------------------

bool sees_all_units(const Principal& actor) { return actor.sees_whole_municipality() || actor.role == Role::works_council; }

void require_unit_reader(const Principal& actor) {
  if (sees_all_units(actor) || actor.role == Role::manager) return;
  fail(ErrorKind::forbidden, "forbidden", "Uw rol geeft geen toegang tot de organisatie-eenheden en de formatie");
}

bool unit_visible(const Principal& actor, std::int64_t unit_id) {
  return sees_all_units(actor) || (actor.role == Role::manager && actor.manages_unit(unit_id));
}

// Adds the actor's view of people to the conditions; false when the actor sees no one at all.
bool scope_people(const Principal& actor, Conditions& conditions) {
  switch (actor.role) {
    case Role::admin:
    case Role::hr:
      return true;
    case Role::manager:
      if (actor.unit_ids.empty()) return false;
      conditions.add(" AND p.unit_id IN (" + detail::id_list(actor.unit_ids) + ")");
      return true;
    case Role::employee:
      if (!actor.person_id) return false;
      conditions.add(" AND p.id = :self", static_cast<long long>(*actor.person_id));
      return true;
    case Role::external:
      if (actor.organisation.empty()) return false;
      conditions.add(" AND p.engagement <> 'employee' AND p.organisation = :organisation", actor.organisation);
      return true;
    case Role::works_council:
      fail(ErrorKind::forbidden, "forbidden", "De ondernemingsraad ziet alleen totalen, geen gegevens van afzonderlijke personen");
    case Role::assessor:
      break;
  }
  // An external assessor sees the people of their assessment rounds there, not the organisation's records.
  fail(ErrorKind::forbidden, "forbidden", "Uw rol geeft geen toegang tot de personen van de gemeente");
}

// Positions carry no personal data: whoever reads units reads the positions of those units.
bool scope_positions(const Principal& actor, Conditions& conditions) {
  require_unit_reader(actor);
  if (sees_all_units(actor)) return true;
  if (actor.unit_ids.empty()) return false;
  conditions.add(" AND p.unit_id IN (" + detail::id_list(actor.unit_ids) + ")");
  return true;
}

void require_function_reader(const Principal& actor) {
  if (actor.role != Role::external && actor.role != Role::assessor) return;
  fail(ErrorKind::forbidden, "forbidden", "Uw rol geeft geen toegang tot de functies van de gemeente");
}

std::vector<org::UnitNode> nodes_of(const std::vector<org::Unit>& units) {
  std::vector<org::UnitNode> nodes;
  nodes.reserve(units.size());
  for (const org::Unit& unit : units) nodes.push_back({unit.id, unit.parent_id});
  return nodes;
}

// --- The organisation at one moment: units with figures ------------------------------------------------

struct Snapshot {
  std::vector<org::Unit> units;
  std::unordered_map<std::int64_t, std::size_t> index;
  org::FormationTree figures;
  std::unordered_map<std::int64_t, org::TeamComposition> teams;
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> children;

  const org::Unit* find(std::int64_t id) const {
    const auto it = index.find(id);
    return it == index.end() ? nullptr : &units[it->second];
  }

  UnitView view(const org::Unit& unit) const {
    UnitView view;
    view.unit = unit;
    if (const auto it = figures.find(unit.id); it != figures.end()) {
      view.own = it->second.own;
      view.total = it->second.total;
    }
    const auto team = teams.find(unit.id);
    view.team_type = org::derive_team_type(unit, team == teams.end() ? org::TeamComposition{} : team->second);
    if (const auto it = children.find(unit.id); it != children.end()) view.children_ids = it->second;
    return view;
  }
};

Snapshot load_snapshot(soci::session& sql, long long municipality_id) {
  Snapshot snapshot;
  snapshot.units = detail::select_units(sql, municipality_id);
  for (std::size_t i = 0; i < snapshot.units.size(); ++i) {
    const org::Unit& unit = snapshot.units[i];
    snapshot.index[unit.id] = i;
    if (unit.parent_id) snapshot.children[*unit.parent_id].push_back(unit.id);
  }

  long long m = municipality_id, unit_id = 0, function_id = 0, fte = 0, count = 0;
  std::string kind;
  soci::indicator function_ind = soci::i_ok;
  std::vector<org::PositionLine> position_lines;
  {
    Statement st(sql);
    st.into(unit_id).into(function_id).into(kind).into(fte).use(m)
        .prepare("SELECT unit_id, function_id, kind, CAST(SUM(fte_milli) AS BIGINT) FROM positions "
                 "WHERE municipality_id = :m GROUP BY unit_id, function_id, kind");
    st.start();
    while (st.fetch()) {
      position_lines.push_back({unit_id, function_id, org::position_kind_from_string(kind).value_or(org::PositionKind::Structural),
                                Fte::from_milli(fte)});
    }
  }
  std::vector<org::StaffLine> staff_lines;
  {
    Statement st(sql);
    st.into(unit_id).into(function_id, function_ind).into(kind).into(fte).into(count).use(m)
        .prepare("SELECT unit_id, function_id, engagement, CAST(SUM(fte_milli) AS BIGINT), COUNT(*) FROM people "
                 "WHERE municipality_id = :m GROUP BY unit_id, function_id, engagement");
    st.start();
    while (st.fetch()) {
      org::StaffLine line{unit_id, std::nullopt, org::engagement_from_string(kind).value_or(org::Engagement::Employee),
                          Fte::from_milli(fte), count};
      if (function_ind == soci::i_ok) line.function_id = function_id;
      staff_lines.push_back(line);
    }
  }
  snapshot.figures = org::roll_up(nodes_of(snapshot.units), position_lines, staff_lines);

  // Team types need to know which members lead rather than consult, which the function names tell.
  const bool has_directed_teams = std::any_of(snapshot.units.begin(), snapshot.units.end(),
                                              [](const org::Unit& unit) { return org::is_directed_team(unit.kind); });
  if (has_directed_teams) {
    std::unordered_map<std::int64_t, std::pair<std::string, std::string>> function_names;
    for (const org::Function& function : detail::select_functions(sql, municipality_id, "", "", detail::bind_nothing)) {
      function_names[function.id] = {function.code, function.name};
    }
    for (const org::StaffLine& line : staff_lines) {
      const org::Unit* unit = snapshot.find(line.unit_id);
      if (!unit || !org::is_directed_team(unit->kind)) continue;
      std::string_view code, name;
      if (line.function_id) {
        const auto& names = function_names[*line.function_id];
        code = names.first;
        name = names.second;
      }
      org::count_member(snapshot.teams[line.unit_id], line.engagement, code, name, line.count);
    }
  }
  return snapshot;
}

// --- Snapshots kept between requests --------------------------------------------------------------------
// Computing a snapshot reads the whole organisation of a municipality; reading its version stamp is one
// primary-key lookup. So each process keeps the last snapshot per municipality with the stamp it was read at
// and hands it out while that stamp is still the stored one. Writers change the stamp in the same
// transaction as their write (detail::organisation_write), so a committed write, by this process or any
// other, shows on the next read. Kept per database (its connection string), since one process may open
// several.
class SnapshotCache {
 public:
  std::shared_ptr<const Snapshot> find(const std::string& database, long long municipality_id, long long version) {
    const std::lock_guard lock(mutex_);
    const auto per_database = entries_.find(database);
    if (per_database == entries_.end()) return nullptr;
    const auto it = per_database->second.find(municipality_id);
    if (it == per_database->second.end() || it->second.version != version) return nullptr;
    return it->second.snapshot;
  }

  void keep(const std::string& database, long long municipality_id, long long version, std::shared_ptr<const Snapshot> snapshot) {
    const std::lock_guard lock(mutex_);
    auto& per_database = entries_[database];
    // A bound on memory for installations with very many municipalities: any one may go, it is reloaded.
    if (per_database.size() >= kMaxMunicipalities && !per_database.contains(municipality_id)) per_database.erase(per_database.begin());
    per_database[municipality_id] = Entry{version, std::move(snapshot)};
  }

 private:
  static constexpr std::size_t kMaxMunicipalities = 512;
  struct Entry {
    long long version = 0;
    std::shared_ptr<const Snapshot> snapshot;
  };
  std::mutex mutex_;
  std::map<std::string, std::unordered_map<long long, Entry>, std::less<>> entries_;
};

// The snapshot and the stamp it belongs to, read in one transaction that sees a single moment (SQLite's
// read transactions do; PostgreSQL's need REPEATABLE READ), so the stamp cannot be older than the data.
std::pair<std::optional<long long>, std::shared_ptr<const Snapshot>> load_stamped_snapshot(Dialect dialect, soci::session& sql,
                                                                                           long long municipality_id) {
  soci::transaction read(sql);
  if (dialect == Dialect::postgresql) sql << "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";
  const std::optional<long long> version = detail::organisation_version(sql, municipality_id);
  auto snapshot = std::make_shared<const Snapshot>(load_snapshot(sql, municipality_id));
  read.commit();
  return {version, std::move(snapshot)};
}

std::shared_ptr<const Snapshot> current_snapshot(Database& db, soci::session& sql, long long municipality_id) {
  static SnapshotCache cache;
  const std::string& database = db.url().connect_string;
  if (const std::optional<long long> version = detail::organisation_version(sql, municipality_id)) {
    if (auto kept = cache.find(database, municipality_id, *version)) return kept;
  }
  auto [version, snapshot] = load_stamped_snapshot(db.dialect(), sql, municipality_id);
  if (version) cache.keep(database, municipality_id, *version, snapshot);
  return snapshot;
}

// The ids of a unit and its subtree, as an SQL IN list; empty when the unit is not in the municipality.
std::string subtree_list(const Snapshot& snapshot, std::int64_t root) {
  return detail::id_list(org::subtree(nodes_of(snapshot.units), root));
}

const org::Unit& visible_unit(const Snapshot& snapshot, const Principal& actor, std::int64_t id) {
  const org::Unit* unit = snapshot.find(id);
  if (!unit || !unit_visible(actor, id)) fail_not_found("Eenheid");
  return *unit;
}

// --- Municipalities ------------------------------------------------------------------------------------

std::string join_codes(const std::vector<std::string>& codes) {
  std::string text;
  for (const std::string& code : codes) {
    if (!text.empty()) text.push_back('|');
    text += code;
  }
  return text;
}

std::vector<std::string> split_codes(const std::string& text) {
  std::vector<std::string> codes;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('|', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) codes.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return codes;
}

void check_municipality(const org::Municipality& municipality) {
  if (!org::is_valid_municipality_code(municipality.code)) {
    fail_invalid("code", fmt::format("'{}' is geen geldige CBS-gemeentecode: schrijf GM en vier cijfers, bijvoorbeeld GM0363",
                                     municipality.code));
  }
  if (municipality.name.empty()) fail_invalid("name", "De naam van de gemeente is verplicht");
  if (municipality.inhabitants < 0) fail_invalid("inhabitants", "Het aantal inwoners kan niet negatief zijn");
  for (const org::Cooperation& cooperation : municipality.cooperations) {
    if (cooperation.kind.empty() || cooperation.name.empty()) {
      fail_invalid("cooperations", "Een samenwerkingsverband heeft een soort en een naam nodig");
    }
    for (const std::string& partner : cooperation.partner_codes) {
      if (!org::is_valid_municipality_code(partner)) {
        fail_invalid("cooperations", fmt::format("Partnergemeente '{}' in samenwerkingsverband '{}' is geen geldige CBS-code "
                                                 "(GM en vier cijfers)",
                                                 partner, cooperation.name));
      }
    }
  }
}

std::string municipality_json(const org::Municipality& municipality) {
  detail::JsonObject json;
  json.string("code", municipality.code)
      .string("name", municipality.name)
      .integer("inhabitants", municipality.inhabitants)
      .optional_string("region", municipality.region);
  std::string cooperations;
  for (const org::Cooperation& cooperation : municipality.cooperations) {
    if (!cooperations.empty()) cooperations += "; ";
    cooperations += cooperation.kind + ": " + cooperation.name + " (" + join_codes(cooperation.partner_codes) + ")";
  }
  json.optional_string("cooperations", cooperations);
  return json.str();
}

std::vector<org::Municipality> select_municipalities(soci::session& sql, const std::string& code_filter) {
  long long id = 0, inhabitants = 0;
  std::string code, name, region, filter = code_filter;
  std::vector<org::Municipality> municipalities;
  {
    Statement st(sql);
    st.into(id).into(code).into(name).into(inhabitants).into(region).use(filter).use(filter)
        .prepare("SELECT id, code, name, inhabitants, region FROM municipalities WHERE (:f = '' OR code = :f2) ORDER BY code");
    st.start();
    while (st.fetch()) municipalities.push_back(org::Municipality{id, code, name, inhabitants, region, {}});
  }
  if (municipalities.empty()) return municipalities;
  std::unordered_map<std::int64_t, std::size_t> index;
  for (std::size_t i = 0; i < municipalities.size(); ++i) index[municipalities[i].id] = i;
  long long municipality_id = 0;
  std::string kind, partners;
  Statement st(sql);
  st.into(municipality_id).into(kind).into(name).into(partners).use(filter).use(filter)
      .prepare("SELECT c.municipality_id, c.kind, c.name, c.partner_codes FROM cooperations c JOIN municipalities m ON "
               "m.id = c.municipality_id WHERE (:f = '' OR m.code = :f2) ORDER BY c.id");
  st.start();
  while (st.fetch()) {
    if (const auto it = index.find(municipality_id); it != index.end()) {
      municipalities[it->second].cooperations.push_back(org::Cooperation{kind, name, split_codes(partners)});
    }
  }
  return municipalities;
}

// --- Unit, function, position and person writes: shared checks -----------------------------------------

org::Unit resolved_unit(const std::vector<org::Unit>& units, const org::Unit& input, std::int64_t self_id) {
  org::Unit unit = input;
  unit.parent_code.clear();
  require_no_problems(org::check_unit(unit));
  if (unit.parent_id) {
    const auto parent = std::find_if(units.begin(), units.end(), [&](const org::Unit& u) { return u.id == *unit.parent_id; });
    if (parent == units.end()) fail_invalid("parent_id", "De bovenliggende eenheid bestaat niet in deze gemeente");
    if (self_id != 0 && org::would_create_cycle(nodes_of(units), self_id, unit.parent_id)) {
      fail_invalid("parent_id", "De eenheid kan niet onder zichzelf of onder een van haar eigen onderdelen vallen");
    }
    unit.parent_code = parent->code;
  }
  const bool taken = std::any_of(units.begin(), units.end(), [&](const org::Unit& u) { return u.code == unit.code && u.id != self_id; });
  if (taken) fail(ErrorKind::conflict, "unit_exists", fmt::format("Er is al een eenheid met code '{}'", unit.code), "code");
  return unit;
}

org::Unit existing_unit(soci::session& sql, long long municipality_id, std::int64_t id, std::vector<org::Unit>& units) {
  units = detail::select_units(sql, municipality_id);
  const auto it = std::find_if(units.begin(), units.end(), [&](const org::Unit& unit) { return unit.id == id; });
  if (it == units.end()) fail_not_found("Eenheid");
  return *it;
}

std::optional<org::Function> function_by_id(soci::session& sql, long long municipality_id, std::int64_t id) {
  long long key = id;
  auto functions = detail::select_functions(sql, municipality_id, " AND f.id = :id", "", [&](Statement& st) { st.use(key); });
  if (functions.empty()) return std::nullopt;
  return functions.front();
}

void require_unique_function(soci::session& sql, long long municipality_id, const org::Function& function, std::int64_t self_id) {
  std::string code = function.code, level = function.level;
  long long self = self_id;
  const long long count = detail::count_rows(sql, "functions f", municipality_id, " AND f.code = :c AND f.level = :l AND f.id <> :id",
                                             [&](Statement& st) { st.use(code).use(level).use(self); });
  if (count > 0) {
    fail(ErrorKind::conflict, "function_exists",
         fmt::format("Functie '{}' heeft al een niveau '{}'", function.code, function.level), "level");
  }
}

// Fills in the codes and names the record's ids stand for, failing on ids outside the municipality.
org::Position resolved_position(soci::session& sql, long long municipality_id, const org::Position& input, std::int64_t self_id) {
  org::Position position = input;
  const auto units_all = detail::select_units(sql, municipality_id);
  const auto unit = std::find_if(units_all.begin(), units_all.end(), [&](const org::Unit& u) { return u.id == position.unit_id; });
  if (unit == units_all.end()) fail_invalid("unit_id", "De eenheid bestaat niet in deze gemeente");
  const auto function = function_by_id(sql, municipality_id, position.function_id);
  if (!function) fail_invalid("function_id", "De functie bestaat niet in deze gemeente");
  position.unit_code = unit->code;
  position.function_code = function->code;
  position.function_name = function->name;
  position.level = function->level;
  require_no_problems(org::check_position(position));

  long long unit_id = position.unit_id, function_id = position.function_id, self = self_id;
  std::string kind(org::to_string(position.kind)), end_date = detail::date_text(position.end_date);
  const long long count = detail::count_rows(
      sql, "positions p", municipality_id, " AND p.unit_id = :u AND p.function_id = :f AND p.kind = :k AND p.end_date = :e AND p.id <> :id",
      [&](Statement& st) { st.use(unit_id).use(function_id).use(kind).use(end_date).use(self); });
  if (count > 0) {
    fail(ErrorKind::conflict, "position_exists",
         "Deze eenheid heeft al een formatieregel voor deze functie, soort en einddatum; pas die regel aan", "function_id");
  }
  return position;
}

org::Person resolved_person(soci::session& sql, long long municipality_id, const org::Person& input, std::int64_t self_id) {
  org::Person person = input;
  const auto units = detail::select_units(sql, municipality_id);
  const auto unit = std::find_if(units.begin(), units.end(), [&](const org::Unit& u) { return u.id == person.unit_id; });
  if (unit == units.end()) fail_invalid("unit_id", "De eenheid bestaat niet in deze gemeente");
  person.unit_code = unit->code;
  person.unit_name = unit->name;
  person.function_code.clear();
  person.function_name.clear();
  person.level.clear();
  if (person.function_id) {
    const auto function = function_by_id(sql, municipality_id, *person.function_id);
    if (!function) fail_invalid("function_id", "De functie bestaat niet in deze gemeente");
    person.function_code = function->code;
    person.function_name = function->name;
    person.level = function->level;
  }
  for (org::FieldProblem problem : org::check_person(person)) {
    // The API names a function level by its id.
    if (problem.field == "function_code" || problem.field == "level") problem.field = "function_id";
    fail_problem(problem);
  }
  std::string number = person.personnel_number;
  long long self = self_id;
  const long long count = detail::count_rows(sql, "people p", municipality_id, " AND p.personnel_number = :n AND p.id <> :id",
                                             [&](Statement& st) { st.use(number).use(self); });
  if (count > 0) {
    fail(ErrorKind::conflict, "person_exists", fmt::format("Personeelsnummer '{}' is al in gebruik", person.personnel_number),
         "personnel_number");
  }
  return person;
}

org::Position existing_position(soci::session& sql, long long municipality_id, std::int64_t id) {
  long long key = id;
  auto positions = detail::select_positions(sql, municipality_id, " AND p.id = :id", "", [&](Statement& st) { st.use(key); });
  if (positions.empty()) fail_not_found("Formatieplaats");
  return positions.front();
}

org::Person existing_person(soci::session& sql, long long municipality_id, std::int64_t id) {
  long long key = id;
  auto people = detail::select_people(sql, municipality_id, " AND p.id = :id", "", [&](Statement& st) { st.use(key); });
  if (people.empty()) fail_not_found("Persoon");
  return people.front();
}

void delete_row(soci::session& sql, std::string_view table, long long municipality_id, std::int64_t id) {
  long long m = municipality_id, key = id;
  Statement st(sql);
  st.use(key).use(m).prepare(fmt::format("DELETE FROM {} WHERE id = :id AND municipality_id = :m", table));
  st.run();
}

}  // namespace

// --- Municipalities ------------------------------------------------------------------------------------

std::int64_t create_municipality(Database& db, const Principal& actor, const org::Municipality& municipality) {
  check_municipality(municipality);
  return db.transaction([&](soci::session& sql) {
    if (!select_municipalities(sql, municipality.code).empty()) {
      fail(ErrorKind::conflict, "municipality_exists", fmt::format("Gemeente {} bestaat al", municipality.code), "code");
    }
    long long id = 0, inhabitants = municipality.inhabitants;
    std::string code = municipality.code, name = municipality.name, region = municipality.region;
    Statement insert(sql);
    insert.use(code).use(name).use(inhabitants).use(region).into(id)
        .prepare("INSERT INTO municipalities (code, name, inhabitants, region) VALUES (:c, :n, :i, :r) RETURNING id");
    insert.run();
    std::string kind, cooperation_name, partners;
    Statement cooperation(sql);
    cooperation.use(id).use(kind).use(cooperation_name).use(partners)
        .prepare("INSERT INTO cooperations (municipality_id, kind, name, partner_codes) VALUES (:m, :k, :n, :p)");
    for (const org::Cooperation& item : municipality.cooperations) {
      kind = item.kind;
      cooperation_name = item.name;
      partners = join_codes(item.partner_codes);
      cooperation.run();
    }
    Principal in_new_municipality = actor;
    in_new_municipality.municipality_id = id;
    in_new_municipality.municipality_code = municipality.code;
    record_audit(sql, in_new_municipality, "create", "municipality", municipality.code, "", municipality_json(municipality));
    return static_cast<std::int64_t>(id);
  });
}

std::optional<org::Municipality> find_municipality(Database& db, std::string_view code) {
  if (code.empty()) return std::nullopt;
  auto sql = db.lease();
  auto found = select_municipalities(*sql, std::string(code));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<org::Municipality> list_municipalities(Database& db) {
  auto sql = db.lease();
  return select_municipalities(*sql, "");
}

// --- Units ---------------------------------------------------------------------------------------------

Page<UnitView> list_units(Database& db, const Principal& actor, std::string_view q, std::int64_t offset, std::int64_t limit) {
  require_unit_reader(actor);
  auto sql = db.lease();
  const std::shared_ptr<const Snapshot> snapshot = current_snapshot(db, *sql, actor.municipality_id);
  const std::string needle = ascii_lower(q);
  Page<UnitView> page;
  for (const org::Unit& unit : snapshot->units) {
    if (!unit_visible(actor, unit.id)) continue;
    if (!needle.empty() && ascii_lower(unit.code).find(needle) == std::string::npos &&
        ascii_lower(unit.name).find(needle) == std::string::npos) {
      continue;
    }
    if (page.total >= offset && page.total < offset + limit) page.items.push_back(snapshot->view(unit));
    ++page.total;
  }
  return page;
}

std::vector<UnitView> unit_tree(Database& db, const Principal& actor) {
  require_unit_reader(actor);
  auto sql = db.lease();
  const std::shared_ptr<const Snapshot> snapshot = current_snapshot(db, *sql, actor.municipality_id);
  std::vector<UnitView> views;
  for (const org::Unit& unit : snapshot->units)
    if (unit_visible(actor, unit.id)) views.push_back(snapshot->view(unit));
  return views;
}

UnitDetail get_unit(Database& db, const Principal& actor, std::int64_t id) {
  require_unit_reader(actor);
  auto sql = db.lease();
  const std::shared_ptr<const Snapshot> snapshot = current_snapshot(db, *sql, actor.municipality_id);
  const org::Unit& unit = visible_unit(*snapshot, actor, id);
  UnitDetail detail{snapshot->view(unit), {}};
  for (std::int64_t child : detail.view.children_ids)
    if (const org::Unit* found = snapshot->find(child)) detail.children.push_back(snapshot->view(*found));
  return detail;
}

Team team_of(Database& db, const Principal& actor, std::int64_t unit_id, Date today) {
  require_unit_reader(actor);
  auto sql = db.lease();
  const std::shared_ptr<const Snapshot> snapshot = current_snapshot(db, *sql, actor.municipality_id);
  const org::Unit& unit = visible_unit(*snapshot, actor, unit_id);
  Team team;
  team.unit = snapshot->view(unit);
  long long key = unit_id;
  const detail::Binder bind_unit = [&](Statement& st) { st.use(key); };
  if (actor.role != Role::works_council) {
    team.members = detail::select_people(*sql, actor.municipality_id, " AND p.unit_id = :u", "ORDER BY p.name, p.id", bind_unit);
  }
  team.positions = detail::select_positions(*sql, actor.municipality_id, " AND p.unit_id = :u",
                                            "ORDER BY f.code, f.level, p.kind, p.end_date", bind_unit);
  team.expiring_positions = org::expiring_positions(team.positions, today);
  team.expiring_contracts = org::expiring_contracts(team.members, today);
  return team;
}

std::int64_t create_unit(Database& db, const Principal& actor, const org::Unit& input) {
  detail::require_writer(actor);
  return detail::organisation_write(db, actor.municipality_id, [&](soci::session& sql) {
    const auto units = detail::select_units(sql, actor.municipality_id);
    const org::Unit unit = resolved_unit(units, input, 0);
    detail::UnitWriter writer(sql, actor.municipality_id);
    const std::int64_t id = writer.insert(unit);
    record_audit(sql, actor, "create", "unit", unit.code, "", detail::audit_json(unit));
    return id;
  });
}

void update_unit(Database& db, const Principal& actor, std::int64_t id, const org::Unit& input) {
  detail::require_writer(actor);
  detail::organisation_write(db, actor.municipality_id, [&](soci::session& sql) {
    std::vector<org::Unit> units;
    const org::Unit before = existing_unit(sql, actor.municipality_id, id, units);
    org::Unit unit = resolved_unit(units, input, id);
    unit.id = id;
    detail::UnitWriter(sql, actor.municipality_id).update(id, unit);
    record_audit(sql, actor, "update", "unit", unit.code, detail::audit_json(before), detail::audit_json(unit));
  });
}

void delete_unit(Database& db, const Principal& actor, std::int64_t id) {
  detail::require_writer(actor);
  detail::organisation_write(db, actor.municipality_id, [&](soci::session& sql) {
    std::vector<org::Unit> units;
    const org::Unit unit = existing_unit(sql, actor.municipality_id, id, units);
    const auto children = std::count_if(units.begin(), units.end(), [&](const org::Unit& u) { return u.parent_id == id; });
    long long key = id;
    const detail::Binder bind_unit = [&](Statement& st) { st.use(key); };
    const long long positions = detail::count_rows(sql, "positions p", actor.municipality_id, " AND p.unit_id = :u", bind_unit);
    const long long people = detail::count_rows(sql, "people p", actor.municipality_id, " AND p.unit_id = :u", bind_unit);
    if (children > 0 || positions > 0 || people > 0) {
      fail(ErrorKind::conflict, "unit_in_use",
           fmt::format("Eenheid '{}' kan niet worden verwijderd: er hangen nog {} onderliggende eenheden, {} formatieregels en {} "
                       "personen aan",
                       unit.code, children, positions, people));
    }
    delete_row(sql, "units", actor.municipality_id, id);
    record_audit(sql, actor, "delete", "unit", unit.code, detail::audit_json(unit), "");
  });
}

// --- Functions -----------------------------------------------------------------------------------------

Page<org::Function> list_functions(Database& db, const Principal& actor, std::string_view q, std::int64_t offset,
                                   std::int64_t limit) {
  require_function_reader(actor);
  auto sql = db.lease();
  Conditions conditions;
  if (!q.empty()) {
    conditions.add(" AND (LOWER(f.code) LIKE :q ESCAPE '\\' OR LOWER(f.name) LIKE :q2 ESCAPE '\\')", like_pattern(q), like_pattern(q));
  }
  Page<org::Function> page;
  page.total = detail::count_rows(*sql, "functions f", actor.municipality_id, conditions.text(),
                                  [&](Statement& st) { conditions.bind(st); });
  long long lim = limit, off = offset;
  page.items = detail::select_functions(*sql, actor.municipality_id, conditions.text(), "ORDER BY f.code, f.level LIMIT :l OFFSET :o",
                                        [&](Statement& st) { conditions.bind(st); st.use(lim).use(off); });
  return page;
}

org::Function get_function(Database& db, const Principal& actor, std::int64_t id) {
  require_function_reader(actor);
  auto sql = db.lease();
  auto function = function_by_id(*sql, actor.municipality_id, id);
  if (!function) fail_not_found("Functie");
  return *function;
}

std::int64_t create_function(Database& db, const Principal& actor, const org::Function& function) {
  detail::require_writer(actor);
  require_no_problems(org::check_function(function));
  return detail::organisation_write(db, actor.municipality_id, [&](soci::session& sql) {
    require_unique_function(sql, actor.municipality_id, function, 0);
    const std::int64_t id = detail::FunctionWriter(sql, actor.municipality_id).insert(function);
    record_audit(sql, actor, "create", "function", detail::audit_key(function), "", detail::audit_json(function));
    return id;
  });
}

void update_function(Database& db, const Principal& actor, std::int64_t id, const org::Function& function) {
  detail::require_writer(actor);
  detail::organisation_write(db, actor.municipality_id, [&](soci::session& sql) {
    const auto before = function_by_id(sql, actor.municipality_id, id);
    if (!before) fail_not_found("Functie");
    require_no_problems(org::check_function(function));
    require_unique_function(sql, actor.municipality_id, function, id);
    detail::FunctionWriter(sql, actor.municipality_id).update(id, function);
    record_audit(sql, actor, "update", "function", detail::audit_key(function), detail::audit_json(*before),
                 detail::audit_json(function));
  });
}

void delete_function(Database& db, const Principal& actor, std::int64_t id) {
  detail::require_writer(actor);
  detail::organisation_write(db, actor.municipality_id, [&](soci::session& sql) {
    const auto function = function_by_id(sql, actor.municipality_id, id);
    if (!function) fail_not_found("Functie");
    long long key = id;
    const detail::Binder bind_function = [&](Statement& st) { st.use(key); };
    const long long positions = detail::count_rows(sql, "positions p", actor.municipality_id, " AND p.function_id = :f", bind_function);
    const long long people = detail::count_rows(sql, "people p", actor.municipality_id, " AND p.function_id = :f", bind_function);
    if (positions > 0 || people > 0) {
      fail(ErrorKind::conflict, "function_in_use",
           fmt::format("Functie '{}' niveau '{}' kan niet worden verwijderd: {} formatieregels en {} personen verwijzen ernaar",
                       function->code, function->level, positions, people));
    }
    delete_row(sql, "functions", actor.municipality_id, id);
    record_audit(sql, actor, "delete", "function", detail::audit_key(*function), detail::audit_json(*function), "");
  });
}

// --- Positions -----------------------------------------------------------------------------------------

Page<org::Position> list_positions(Database& db, const Principal& actor, const PositionFilter& filter, std::int64_t offset,
                                   std::int64_t limit) {
  auto sql = db.lease();
  Conditions conditions;
  Page<org::Position> page;
  if (!scope_positions(actor, conditions)) return page;
  if (filter.unit_id) {
    const std::string ids = subtree_list(*current_snapshot(db, *sql, actor.municipality_id), *filter.unit_id);
    if (ids.empty()) return page;
    conditions.add(" AND p.unit_id IN (" + ids + ")");
  }
  page.total = detail::count_rows(*sql, "positions p", actor.municipality_id, conditions.text(),
                                  [&](Statement& st) { conditions.bind(st); });
  long long lim = limit, off = offset;
  page.items = detail::select_positions(*sql, actor.municipality_id, conditions.text(),
                                        "ORDER BY u.code, f.code, f.level, p.kind, p.end_date LIMIT :l OFFSET :o",
                                        [&](Statement& st) { conditions.bind(st); st.use(lim).use(off); });
  return page;
}

org::Position get_position(Database& db, const Principal& actor, std::int64_t id) {
  auto sql = db.lease();
  Conditions conditions;
  if (!scope_positions(actor, conditions)) fail_not_found("Formatieplaats");
  conditions.add(" AND p.id = :id", static_cast<long long>(id));
  auto positions = detail::select_positions(*sql, actor.municipality_id, conditions.text(), "",
                                            [&](Statement& st) { conditions.bind(st); });
  if (positions.empty()) fail_not_found("Formatieplaats");
  return positions.front();
}

std::int64_t create_position(Database& db, const Principal& actor, const org::Position& input) {
  detail::require_writer(actor);
  return detail::organisation_write(db, actor.municipality_id, [&](soci::session& sql) {
    const org::Position position = resolved_position(sql, actor.municipality_id, input, 0);
    const std::int64_t id = detail::PositionWriter(sql, actor.municipality_id).insert(position);
    record_audit(sql, actor, "create", "position", detail::audit_key(position), "", detail::audit_json(position));
    return id;
  });
}

void update_position(Database& db, const Principal& actor, std::int64_t id, const org::Position& input) {
  detail::require_writer(actor);
  detail::organisation_write(db, actor.municipality_id, [&](soci::session& sql) {
    const org::Position before = existing_position(sql, actor.municipality_id, id);
    const org::Position position = resolved_position(sql, actor.municipality_id, input, id);
    detail::PositionWriter(sql, actor.municipality_id).update(id, position);
    record_audit(sql, actor, "update", "position", detail::audit_key(position), detail::audit_json(before),
                 detail::audit_json(position));
  });
}

void delete_position(Database& db, const Principal& actor, std::int64_t id) {
  detail::require_writer(actor);
  detail::organisation_write(db, actor.municipality_id, [&](soci::session& sql) {
    const org::Position position = existing_position(sql, actor.municipality_id, id);
    delete_row(sql, "positions", actor.municipality_id, id);
    record_audit(sql, actor, "delete", "position", detail::audit_key(position), detail::audit_json(position), "");
  });
}

// --- People --------------------------------------------------------------------------------------------

Page<org::Person> list_people(Database& db, const Principal& actor, const PeopleFilter& filter, std::int64_t offset,
                              std::int64_t limit) {
  auto sql = db.lease();
  Conditions conditions;
  Page<org::Person> page;
  if (!scope_people(actor, conditions)) return page;
  if (!filter.q.empty()) {
    conditions.add(" AND (LOWER(p.name) LIKE :q ESCAPE '\\' OR LOWER(p.personnel_number) LIKE :q2 ESCAPE '\\')",
                   like_pattern(filter.q), like_pattern(filter.q));
  }
  if (filter.unit_id) {
    const std::string ids = subtree_list(*current_snapshot(db, *sql, actor.municipality_id), *filter.unit_id);
    if (ids.empty()) return page;
    conditions.add(" AND p.unit_id IN (" + ids + ")");
  }
  if (filter.engagement) conditions.add(" AND p.engagement = :e", std::string(org::to_string(*filter.engagement)));
  if (filter.contract) conditions.add(" AND p.contract = :c", std::string(org::to_string(*filter.contract)));
  if (filter.contract_end_before) {
    conditions.add(" AND p.contract = 'temporary' AND p.contract_end <> '' AND p.contract_end <= :d", filter.contract_end_before->iso());
  }
  page.total = detail::count_rows(*sql, "people p", actor.municipality_id, conditions.text(),
                                  [&](Statement& st) { conditions.bind(st); });
  long long lim = limit, off = offset;
  page.items = detail::select_people(*sql, actor.municipality_id, conditions.text(), "ORDER BY p.name, p.id LIMIT :l OFFSET :o",
                                     [&](Statement& st) { conditions.bind(st); st.use(lim).use(off); });
  return page;
}

org::Person get_person(Database& db, const Principal& actor, std::int64_t id) {
  auto sql = db.lease();
  Conditions conditions;
  if (!scope_people(actor, conditions)) fail_not_found("Persoon");
  conditions.add(" AND p.id = :id", static_cast<long long>(id));
  auto people = detail::select_people(*sql, actor.municipality_id, conditions.text(), "", [&](Statement& st) { conditions.bind(st); });
  if (people.empty()) fail_not_found("Persoon");
  return people.front();
}

std::int64_t create_person(Database& db, const Principal& actor, const org::Person& input) {
  detail::require_writer(actor);
  return detail::organisation_write(db, actor.municipality_id, [&](soci::session& sql) {
    const org::Person person = resolved_person(sql, actor.municipality_id, input, 0);
    const std::int64_t id = detail::PersonWriter(sql, actor.municipality_id).insert(person);
    record_audit(sql, actor, "create", "person", person.personnel_number, "", detail::audit_json(person));
    return id;
  });
}

void update_person(Database& db, const Principal& actor, std::int64_t id, const org::Person& input) {
  detail::require_writer(actor);
  detail::organisation_write(db, actor.municipality_id, [&](soci::session& sql) {
    const org::Person before = existing_person(sql, actor.municipality_id, id);
    const org::Person person = resolved_person(sql, actor.municipality_id, input, id);
    detail::PersonWriter(sql, actor.municipality_id).update(id, person);
    record_audit(sql, actor, "update", "person", person.personnel_number, detail::audit_json(before), detail::audit_json(person));
  });
}

void delete_person(Database& db, const Principal& actor, std::int64_t id) {
  detail::require_writer(actor);
  detail::organisation_write(db, actor.municipality_id, [&](soci::session& sql) {
    const org::Person person = existing_person(sql, actor.municipality_id, id);
    delete_row(sql, "people", actor.municipality_id, id);
    record_audit(sql, actor, "delete", "person", person.personnel_number, detail::audit_json(person), "");
  });
}

}  // namespace kwm::store
