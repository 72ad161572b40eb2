#include "org/service.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/error.hpp"
#include "org/access.hpp"

namespace kwm::org {
namespace {

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

void require_no_problems(const std::vector<FieldProblem>& problems) {
  if (!problems.empty()) fail_invalid(problems.front().field, problems.front().message);
}

bool within_reach(const Reach& reach, std::int64_t unit_id) {
  if (reach.scope != Scope::own_units) return true;
  return std::find(reach.unit_ids.begin(), reach.unit_ids.end(), unit_id) != reach.unit_ids.end();
}

UnitView view_of(const Snapshot& snapshot, const Unit& unit) {
  UnitView view;
  view.unit = unit;
  if (const auto it = snapshot.figures.find(unit.id); it != snapshot.figures.end()) {
    view.own = it->second.own;
    view.total = it->second.total;
  }
  const auto team = snapshot.teams.find(unit.id);
  view.team_type = derive_team_type(unit, team == snapshot.teams.end() ? TeamComposition{} : team->second);
  if (const auto it = snapshot.children.find(unit.id); it != snapshot.children.end()) view.children_ids = it->second;
  return view;
}

const Unit& reachable_unit(const Snapshot& snapshot, const Reach& reach, std::int64_t id) {
  const Unit* unit = snapshot.find(id);
  if (!unit || !within_reach(reach, id)) fail_not_found("Eenheid");
  return *unit;
}

// The units a query may cover: the subtree of `root` when given, narrowed to the caller's units.
std::optional<std::vector<std::int64_t>> units_in_reach(const Snapshot& snapshot, const Reach& reach,
                                                        std::optional<std::int64_t> root) {
  std::optional<std::vector<std::int64_t>> ids;
  if (reach.scope == Scope::own_units) ids = reach.unit_ids;
  if (root) {
    std::vector<std::int64_t> below = subtree(snapshot.nodes(), *root);
    if (ids) std::erase_if(below, [&](std::int64_t id) { return !within_reach(reach, id); });
    ids = std::move(below);
  }
  return ids;
}

void check_municipality(const Municipality& municipality) {
  if (!is_valid_municipality_code(municipality.code)) {
    fail_invalid("code", fmt::format("'{}' is geen geldige CBS-gemeentecode: schrijf GM en vier cijfers, bijvoorbeeld GM0363",
                                     municipality.code));
  }
  if (municipality.name.empty()) fail_invalid("name", "De naam van de gemeente is verplicht");
  if (municipality.inhabitants < 0) fail_invalid("inhabitants", "Het aantal inwoners kan niet negatief zijn");
  for (const Cooperation& cooperation : municipality.cooperations) {
    if (cooperation.kind.empty() || cooperation.name.empty()) {
      fail_invalid("cooperations", "Een samenwerkingsverband heeft een soort en een naam nodig");
    }
    for (const std::string& partner : cooperation.partner_codes) {
      if (!is_valid_municipality_code(partner)) {
        fail_invalid("cooperations", fmt::format("Partnergemeente '{}' in samenwerkingsverband '{}' is geen geldige CBS-code "
                                                 "(GM en vier cijfers)",
                                                 partner, cooperation.name));
      }
    }
  }
}

// --- Write rules: the record as it will be stored, or a Failure naming the field -----------------------

std::vector<UnitNode> nodes_of(const std::vector<Unit>& units) {
  std::vector<UnitNode> nodes;
  nodes.reserve(units.size());
  for (const Unit& unit : units) nodes.push_back({unit.id, unit.parent_id});
  return nodes;
}

Unit checked_unit(const std::vector<Unit>& units, const Unit& input, std::int64_t self_id) {
  Unit unit = input;
  unit.id = self_id;
  unit.parent_code.clear();
  // A pillar named twice is one pillar; the order given is kept.
  std::vector<Pillar> pillars;
  for (Pillar pillar : unit.pillars)
    if (std::find(pillars.begin(), pillars.end(), pillar) == pillars.end()) pillars.push_back(pillar);
  unit.pillars = std::move(pillars);
  require_no_problems(check_unit(unit));
  if (unit.parent_id) {
    const auto parent = std::find_if(units.begin(), units.end(), [&](const Unit& u) { return u.id == *unit.parent_id; });
    if (parent == units.end()) fail_invalid("parent_id", "De bovenliggende eenheid bestaat niet in deze gemeente");
    if (self_id != 0 && would_create_cycle(nodes_of(units), self_id, unit.parent_id)) {
      fail_invalid("parent_id", "De eenheid kan niet onder zichzelf of onder een van haar eigen onderdelen vallen");
    }
    unit.parent_code = parent->code;
  }
  const bool taken = std::any_of(units.begin(), units.end(), [&](const Unit& u) { return u.code == unit.code && u.id != self_id; });
  if (taken) fail(ErrorKind::conflict, "unit_exists", fmt::format("Er is al een eenheid met code '{}'", unit.code), "code");
  return unit;
}

Unit existing_unit(const std::vector<Unit>& units, std::int64_t id) {
  const auto it = std::find_if(units.begin(), units.end(), [&](const Unit& unit) { return unit.id == id; });
  if (it == units.end()) fail_not_found("Eenheid");
  return *it;
}

Function checked_function(Transaction& tx, const Function& input, std::int64_t self_id) {
  Function function = input;
  function.id = self_id;
  require_no_problems(check_function(function));
  if (tx.function_key_taken(function, self_id)) {
    fail(ErrorKind::conflict, "function_exists",
         fmt::format("Functie '{}' heeft al een niveau '{}'", function.code, function.level), "level");
  }
  return function;
}

// Fills in the codes and names the record's ids stand for, failing on ids outside the municipality.
Position checked_position(Transaction& tx, const Position& input, std::int64_t self_id) {
  Position position = input;
  position.id = self_id;
  const auto units = tx.units();
  const auto unit = std::find_if(units.begin(), units.end(), [&](const Unit& u) { return u.id == position.unit_id; });
  if (unit == units.end()) fail_invalid("unit_id", "De eenheid bestaat niet in deze gemeente");
  const auto function = tx.function(position.function_id);
  if (!function) fail_invalid("function_id", "De functie bestaat niet in deze gemeente");
  position.unit_code = unit->code;
  position.function_code = function->code;
  position.function_name = function->name;
  position.level = function->level;
  require_no_problems(check_position(position));
  if (tx.position_key_taken(position, self_id)) {
    fail(ErrorKind::conflict, "position_exists",
         "Deze eenheid heeft al een formatieregel voor deze functie, soort en einddatum; pas die regel aan", "function_id");
  }
  return position;
}

Person checked_person(Transaction& tx, const Person& input, std::int64_t self_id) {
  Person person = input;
  person.id = self_id;
  const auto units = tx.units();
  const auto unit = std::find_if(units.begin(), units.end(), [&](const Unit& u) { return u.id == person.unit_id; });
  if (unit == units.end()) fail_invalid("unit_id", "De eenheid bestaat niet in deze gemeente");
  person.unit_code = unit->code;
  person.unit_name = unit->name;
  person.function_code.clear();
  person.function_name.clear();
  person.level.clear();
  if (person.function_id) {
    const auto function = tx.function(*person.function_id);
    if (!function) fail_invalid("function_id", "De functie bestaat niet in deze gemeente");
    person.function_code = function->code;
    person.function_name = function->name;
    person.level = function->level;
  }
  for (FieldProblem problem : check_person(person)) {
    // The API names a function level by its id.
    if (problem.field == "function_code" || problem.field == "level") problem.field = "function_id";
    fail_invalid(problem.field, problem.message);
  }
  if (tx.personnel_number_taken(person.personnel_number, self_id)) {
    fail(ErrorKind::conflict, "person_exists", fmt::format("Personeelsnummer '{}' is al in gebruik", person.personnel_number),
         "personnel_number");
  }
  return person;
}

[[noreturn]] void fail_import(std::vector<RowError> errors) {
  const std::size_t count = errors.size();
  throw Failure(Error{ErrorKind::invalid, "import_failed",
                      fmt::format("Het bestand is niet ingelezen: {} {} gevonden. Er is niets opgeslagen.", count,
                                  count == 1 ? "fout" : "fouten"),
                      {}, std::move(errors)});
}

template <typename Record>
const std::vector<Record>& accepted(const Validated<Record>& validated) {
  if (!validated.ok()) fail_import(validated.errors);
  return validated.records;
}

}  // namespace

const Unit* Snapshot::find(std::int64_t id) const {
  const auto it = index.find(id);
  return it == index.end() ? nullptr : &units[it->second];
}

std::vector<UnitNode> Snapshot::nodes() const { return nodes_of(units); }

Service::Service(std::shared_ptr<Repository> repository) : repository_(std::move(repository)) {}

// --- Municipalities ------------------------------------------------------------------------------------

std::int64_t Service::create_municipality(const Principal& actor, const Municipality& municipality) const {
  check_municipality(municipality);
  return repository_->create_municipality(actor, municipality);
}

std::optional<Municipality> Service::find_municipality(std::string_view code) const {
  if (code.empty()) return std::nullopt;
  return repository_->find_municipality(code);
}

std::vector<Municipality> Service::municipalities() const { return repository_->municipalities(); }

// --- Units ---------------------------------------------------------------------------------------------

Page<UnitView> Service::list_units(const Principal& caller, std::string_view q, Slice slice) const {
  const Reach reach = reach_of(caller, access::read_units.require(caller));
  const auto snapshot = repository_->snapshot(caller.municipality_id);
  const std::string needle = ascii_lower(q);
  Page<UnitView> page;
  for (const Unit& unit : snapshot->units) {
    if (!within_reach(reach, unit.id)) continue;
    if (!needle.empty() && ascii_lower(unit.code).find(needle) == std::string::npos &&
        ascii_lower(unit.name).find(needle) == std::string::npos) {
      continue;
    }
    if (page.total >= slice.offset && page.total < slice.offset + slice.limit) page.items.push_back(view_of(*snapshot, unit));
    ++page.total;
  }
  return page;
}

UnitTree Service::unit_tree(const Principal& caller) const {
  const Reach reach = reach_of(caller, access::read_units.require(caller));
  const auto snapshot = repository_->snapshot(caller.municipality_id);
  UnitTree tree;
  for (const Unit& unit : snapshot->units)
    if (within_reach(reach, unit.id)) tree.units.push_back(view_of(*snapshot, unit));
  return tree;
}

UnitDetail Service::get_unit(const Principal& caller, std::int64_t id) const {
  const Reach reach = reach_of(caller, access::read_units.require(caller));
  const auto snapshot = repository_->snapshot(caller.municipality_id);
  UnitDetail detail{view_of(*snapshot, reachable_unit(*snapshot, reach, id)), {}};
  for (std::int64_t child : detail.view.children_ids)
    if (const Unit* found = snapshot->find(child)) detail.children.push_back(view_of(*snapshot, *found));
  return detail;
}

Team Service::team_of(const Principal& caller, std::int64_t unit_id, Date today) const {
  const Reach reach = reach_of(caller, access::read_units.require(caller));
  const auto snapshot = repository_->snapshot(caller.municipality_id);
  Team team;
  team.unit = view_of(*snapshot, reachable_unit(*snapshot, reach, unit_id));
  // Members are personal records: only for whoever may read people, within that reach (a manager sees the
  // members of a unit they lead; the works council sees the figures only).
  if (const auto people_scope = access::read_people.scope_for(caller.role)) {
    PeopleQuery query;
    query.reach = reach_of(caller, *people_scope);
    query.unit_ids = std::vector<std::int64_t>{unit_id};
    if (!query.reach.reaches_nothing()) team.members = repository_->people(caller.municipality_id, query, Slice::all()).items;
  }
  PositionQuery positions;
  positions.unit_ids = std::vector<std::int64_t>{unit_id};
  team.positions = repository_->positions(caller.municipality_id, positions, Slice::all()).items;
  team.expiring_positions = expiring_positions(team.positions, today);
  team.expiring_contracts = expiring_contracts(team.members, today);
  return team;
}

std::int64_t Service::create_unit(const Principal& caller, const Unit& input) const {
  access::write_units.require(caller);
  std::int64_t id = 0;
  repository_->write(caller, [&](Transaction& tx) { id = tx.insert(checked_unit(tx.units(), input, 0)); });
  return id;
}

void Service::update_unit(const Principal& caller, std::int64_t id, const Unit& input) const {
  access::write_units.require(caller);
  repository_->write(caller, [&](Transaction& tx) {
    const auto units = tx.units();
    const Unit before = existing_unit(units, id);
    tx.update(before, checked_unit(units, input, id));
  });
}

void Service::delete_unit(const Principal& caller, std::int64_t id) const {
  access::write_units.require(caller);
  repository_->write(caller, [&](Transaction& tx) {
    const auto units = tx.units();
    const Unit unit = existing_unit(units, id);
    const auto children = std::count_if(units.begin(), units.end(), [&](const Unit& u) { return u.parent_id == id; });
    const Usage usage = tx.unit_usage(id);
    if (children > 0 || usage.positions > 0 || usage.people > 0) {
      fail(ErrorKind::conflict, "unit_in_use",
           fmt::format("Eenheid '{}' kan niet worden verwijderd: er hangen nog {} onderliggende eenheden, {} formatieregels en {} "
                       "personen aan",
                       unit.code, children, usage.positions, usage.people));
    }
    tx.remove(unit);
  });
}

// --- Functions -----------------------------------------------------------------------------------------

Page<Function> Service::list_functions(const Principal& caller, std::string_view q, Slice slice) const {
  access::read_functions.require(caller);
  return repository_->functions(caller.municipality_id, q, slice);
}

Function Service::get_function(const Principal& caller, std::int64_t id) const {
  access::read_functions.require(caller);
  auto function = repository_->function(caller.municipality_id, id);
  if (!function) fail_not_found("Functie");
  return *function;
}

std::int64_t Service::create_function(const Principal& caller, const Function& input) const {
  access::write_functions.require(caller);
  std::int64_t id = 0;
  repository_->write(caller, [&](Transaction& tx) { id = tx.insert(checked_function(tx, input, 0)); });
  return id;
}

void Service::update_function(const Principal& caller, std::int64_t id, const Function& input) const {
  access::write_functions.require(caller);
  repository_->write(caller, [&](Transaction& tx) {
    const auto before = tx.function(id);
    if (!before) fail_not_found("Functie");
    tx.update(*before, checked_function(tx, input, id));
  });
}

void Service::delete_function(const Principal& caller, std::int64_t id) const {
  access::write_functions.require(caller);
  repository_->write(caller, [&](Transaction& tx) {
    const auto function = tx.function(id);
    if (!function) fail_not_found("Functie");
    const Usage usage = tx.function_usage(id);
    if (usage.positions > 0 || usage.people > 0) {
      fail(ErrorKind::conflict, "function_in_use",
           fmt::format("Functie '{}' niveau '{}' kan niet worden verwijderd: {} formatieregels en {} personen verwijzen ernaar",
                       function->code, function->level, usage.positions, usage.people));
    }
    tx.remove(*function);
  });
}

// --- Positions -----------------------------------------------------------------------------------------

Page<Position> Service::list_positions(const Principal& caller, std::optional<std::int64_t> unit_id, Slice slice) const {
  const Reach reach = reach_of(caller, access::read_units.require(caller));
  if (reach.reaches_nothing()) return {};
  PositionQuery query;
  if (reach.scope == Scope::own_units || unit_id) {
    query.unit_ids = units_in_reach(*repository_->snapshot(caller.municipality_id), reach, unit_id);
    if (query.unit_ids->empty()) return {};
  }
  return repository_->positions(caller.municipality_id, query, slice);
}

Position Service::get_position(const Principal& caller, std::int64_t id) const {
  const Reach reach = reach_of(caller, access::read_units.require(caller));
  if (reach.reaches_nothing()) fail_not_found("Formatieplaats");
  PositionQuery query;
  query.id = id;
  if (reach.scope == Scope::own_units) query.unit_ids = reach.unit_ids;
  auto found = repository_->positions(caller.municipality_id, query, Slice{0, 1}).items;
  if (found.empty()) fail_not_found("Formatieplaats");
  return found.front();
}

std::int64_t Service::create_position(const Principal& caller, const Position& input) const {
  access::write_units.require(caller);
  std::int64_t id = 0;
  repository_->write(caller, [&](Transaction& tx) { id = tx.insert(checked_position(tx, input, 0)); });
  return id;
}

void Service::update_position(const Principal& caller, std::int64_t id, const Position& input) const {
  access::write_units.require(caller);
  repository_->write(caller, [&](Transaction& tx) {
    const auto before = tx.position(id);
    if (!before) fail_not_found("Formatieplaats");
    tx.update(*before, checked_position(tx, input, id));
  });
}

void Service::delete_position(const Principal& caller, std::int64_t id) const {
  access::write_units.require(caller);
  repository_->write(caller, [&](Transaction& tx) {
    const auto position = tx.position(id);
    if (!position) fail_not_found("Formatieplaats");
    tx.remove(*position);
  });
}

// --- People --------------------------------------------------------------------------------------------

Page<Person> Service::list_people(const Principal& caller, const PeopleFilter& filter, Slice slice) const {
  PeopleQuery query;
  query.reach = reach_of(caller, access::read_people.require(caller));
  if (query.reach.reaches_nothing()) return {};
  if (filter.unit_id) {
    query.unit_ids = subtree(repository_->snapshot(caller.municipality_id)->nodes(), *filter.unit_id);
    if (query.unit_ids->empty()) return {};
  }
  query.q = filter.q;
  query.engagement = filter.engagement;
  query.contract = filter.contract;
  query.contract_end_before = filter.contract_end_before;
  return repository_->people(caller.municipality_id, query, slice);
}

Person Service::get_person(const Principal& caller, std::int64_t id) const {
  PeopleQuery query;
  query.reach = reach_of(caller, access::read_people.require(caller));
  if (query.reach.reaches_nothing()) fail_not_found("Persoon");
  query.id = id;
  auto found = repository_->people(caller.municipality_id, query, Slice{0, 1}).items;
  if (found.empty()) fail_not_found("Persoon");
  return found.front();
}

std::int64_t Service::create_person(const Principal& caller, const Person& input) const {
  access::write_people.require(caller);
  std::int64_t id = 0;
  repository_->write(caller, [&](Transaction& tx) { id = tx.insert(checked_person(tx, input, 0)); });
  return id;
}

void Service::update_person(const Principal& caller, std::int64_t id, const Person& input) const {
  access::write_people.require(caller);
  repository_->write(caller, [&](Transaction& tx) {
    const auto before = tx.person(id);
    if (!before) fail_not_found("Persoon");
    tx.update(*before, checked_person(tx, input, id));
  });
}

void Service::delete_person(const Principal& caller, std::int64_t id) const {
  access::write_people.require(caller);
  repository_->write(caller, [&](Transaction& tx) {
    const auto person = tx.person(id);
    if (!person) fail_not_found("Persoon");
    tx.remove(*person);
  });
}

// --- Import and export ---------------------------------------------------------------------------------

ImportReport Service::import_file(const Principal& caller, ImportKind kind, std::string_view csv_text) const {
  access::import_files.require(caller);
  if (caller.municipality_id == 0) fail_invalid("municipality", "Kies eerst de gemeente waarvoor het bestand bedoeld is");
  csv::Table table;
  try {
    table = csv::parse(csv_text);
  } catch (const Failure& failure) {
    fail_import(failure.error().rows);
  }
  ImportReport report;
  report.rows = static_cast<std::int64_t>(table.records.size());
  repository_->write(
      caller,
      [&](Transaction& tx) {
        // Validated against what is stored inside the same transaction, so a reference cannot vanish between.
        switch (kind) {
          case ImportKind::Units: report.counts = tx.import_units(accepted(validate_units(table, tx.references()))); break;
          case ImportKind::Functions: report.counts = tx.import_functions(accepted(validate_functions(table))); break;
          case ImportKind::Positions:
            report.counts = tx.import_positions(accepted(validate_positions(table, tx.references())));
            break;
          case ImportKind::People: report.counts = tx.import_people(accepted(validate_people(table, tx.references()))); break;
        }
        tx.record_import(kind, report.rows, report.counts);
      },
      Volume::bulk);
  return report;
}

Table Service::export_table(const Principal& caller, ImportKind kind) const {
  access::export_files.require(caller);
  Table table = empty_table(kind);
  const auto add_rows = [&table](const auto& records) {
    for (const auto& record : records) table.rows.push_back(export_row(record));
  };
  switch (kind) {
    case ImportKind::Units: add_rows(repository_->all_units(caller.municipality_id)); break;
    case ImportKind::Functions: add_rows(repository_->all_functions(caller.municipality_id)); break;
    case ImportKind::Positions: add_rows(repository_->all_positions(caller.municipality_id)); break;
    case ImportKind::People: add_rows(repository_->all_people(caller.municipality_id)); break;
  }
  return table;
}

}  // namespace kwm::org
