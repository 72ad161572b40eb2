// The placement procedure's storage: loading the inputs of src/placement/procedure/, keeping its results,
// and the rules of who may see and change what. See reorganisation_store.hpp.
#include "store/reorganisation_store.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/error.hpp"
#include "org/formation.hpp"
#include "placement/procedure/explanation.hpp"
#include "placement/procedure/json.hpp"
#include "store/audit.hpp"
#include "store/org_repository.hpp"
#include "competence/service.hpp"
#include "store/competence_repository.hpp"
#include "store/competence_store.hpp"
#include "store/database.hpp"
#include "store/org_sql.hpp"

namespace kwm::store {
namespace {

namespace json = boost::json;
namespace reorg = kwm::reorganisation;
using detail::Statement;

constexpr std::size_t kMaxMotivation = 2000;
constexpr std::size_t kMaxText = 5000;

// --- Who may do what -----------------------------------------------------------------------------------

void require_hr(const Principal& actor) {
  if (actor.sees_whole_municipality()) return;
  fail(ErrorKind::forbidden, "forbidden", "Alleen beheerders en HR mogen dit deel van de plaatsingsprocedure zien of wijzigen");
}

void require_aggregate_reader(const Principal& actor) {
  if (actor.sees_whole_municipality() || actor.role == Role::works_council) return;
  fail(ErrorKind::forbidden, "forbidden", "Uw rol geeft geen toegang tot de uitkomsten van de plaatsingsprocedure");
}

void require_open(const Reorganisation& reorganisation) {
  if (!reorganisation.confirmed()) return;
  fail(ErrorKind::conflict, "reorganisation_confirmed",
       fmt::format("De uitkomst van reorganisatie ‘{}’ is al bevestigd; er kan niets meer aan worden gewijzigd", reorganisation.code));
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

json::value parse_stored(const std::string& text) {
  boost::system::error_code ec;
  json::value value = json::parse(text, ec);
  if (ec) fail(ErrorKind::internal, "corrupt_record", "Een opgeslagen document van de plaatsingsprocedure is onleesbaar");
  return value;
}

// --- Reorganisation rows -------------------------------------------------------------------------------

std::vector<Reorganisation> select_reorganisations(soci::session& sql, long long municipality_id, std::optional<std::int64_t> only) {
  long long m = municipality_id, id = 0, old_unit = 0, new_unit = 0, max_preferences = 0, confirmed_run = 0, key = only.value_or(0);
  long long filter = only ? 1 : 0;
  std::string code, name, deadline, effective, round, settings, mapping_by, mapping_at, created_by, created_at;
  soci::indicator confirmed_ind = soci::i_ok;
  Statement st(sql);
  st.into(id).into(code).into(name).into(old_unit).into(new_unit).into(deadline).into(effective).into(max_preferences).into(round)
      .into(settings).into(mapping_by).into(mapping_at).into(confirmed_run, confirmed_ind).into(created_by).into(created_at)
      .use(m).use(filter).use(key)
      .prepare("SELECT id, code, name, old_unit_id, new_unit_id, preference_deadline, effective_date, max_preferences, "
               "assessment_round, settings_json, mapping_confirmed_by, mapping_confirmed_at, confirmed_run_id, created_by, created_at "
               "FROM reorganisations WHERE municipality_id = :m AND (:f = 0 OR id = :id) ORDER BY code");
  std::vector<Reorganisation> rows;
  st.start();
  while (st.fetch()) {
    Reorganisation r;
    r.id = id;
    r.code = code;
    r.name = name;
    r.old_unit.id = old_unit;
    r.new_unit.id = new_unit;
    r.preference_deadline = Date::parse(deadline).value_or(Date());
    r.effective_date = Date::parse(effective).value_or(Date());
    r.max_preferences = static_cast<int>(max_preferences);
    r.assessment_round = round;
    r.settings = reorg::settings_from_json(parse_stored(settings));
    r.mapping_confirmed_by = mapping_by;
    r.mapping_confirmed_at = mapping_at;
    if (confirmed_ind == soci::i_ok) r.confirmed_run_id = confirmed_run;
    r.created_by = created_by;
    r.created_at = created_at;
    rows.push_back(std::move(r));
  }
  return rows;
}

Reorganisation existing(soci::session& sql, const Principal& actor, std::int64_t id) {
  auto rows = select_reorganisations(sql, actor.municipality_id, id);
  if (rows.empty()) fail_not_found("Reorganisatie");
  return std::move(rows.front());
}

// Writing the reorganisation's row first makes a second writer of the same moment wait for this
// transaction (a row lock in PostgreSQL, the write lock in SQLite): two runs never take the same number,
// two confirmations never both succeed, an employee never gets two open objections.
void lock_reorganisation(soci::session& sql, long long municipality_id, std::int64_t id) {
  long long m = municipality_id, r = id;
  Statement lock(sql);
  lock.use(r).use(m).prepare("UPDATE reorganisations SET max_preferences = max_preferences WHERE id = :r AND municipality_id = :m");
  lock.run();
}

// --- The old and the new formation --------------------------------------------------------------------

struct Formation {
  std::map<std::int64_t, org::Unit> units;
  std::vector<org::Person> employees;    // by personnel number
  std::vector<org::Position> positions;  // by unit code, function code, level
  std::map<std::int64_t, org::Function> functions;

  const org::Person* employee(std::int64_t person_id) const {
    for (const org::Person& person : employees)
      if (person.id == person_id) return &person;
    return nullptr;
  }
  const org::Position* position(std::int64_t position_id) const {
    for (const org::Position& position : positions)
      if (position.id == position_id) return &position;
    return nullptr;
  }
  std::set<std::int64_t> new_function_ids() const {
    std::set<std::int64_t> ids;
    for (const org::Position& position : positions) ids.insert(position.function_id);
    return ids;
  }
};

std::vector<std::int64_t> subtree_of(const std::map<std::int64_t, org::Unit>& units, std::int64_t root) {
  std::vector<org::UnitNode> nodes;
  for (const auto& [id, unit] : units) nodes.push_back({id, unit.parent_id});
  return org::subtree(nodes, root);
}

Formation load_formation(soci::session& sql, long long municipality_id, Reorganisation& reorganisation) {
  Formation formation;
  for (org::Unit& unit : detail::select_units(sql, municipality_id)) formation.units.emplace(unit.id, std::move(unit));
  for (UnitRef* ref : {&reorganisation.old_unit, &reorganisation.new_unit}) {
    if (const auto it = formation.units.find(ref->id); it != formation.units.end()) {
      ref->code = it->second.code;
      ref->name = it->second.name;
    }
  }
  for (org::Function& function : detail::select_functions(sql, municipality_id, "", "", detail::bind_nothing)) {
    formation.functions.emplace(function.id, std::move(function));
  }
  const auto old_units = subtree_of(formation.units, reorganisation.old_unit.id);
  const auto new_units = subtree_of(formation.units, reorganisation.new_unit.id);
  if (!old_units.empty()) {
    formation.employees = detail::select_people(sql, municipality_id,
                                                " AND p.engagement = 'employee' AND p.unit_id IN (" + detail::id_list(old_units) + ")", "",
                                                detail::bind_nothing);
  }
  if (!new_units.empty()) {
    formation.positions = detail::select_positions(sql, municipality_id, " AND p.unit_id IN (" + detail::id_list(new_units) + ")", "",
                                                   detail::bind_nothing);
  }
  // Sorted here rather than in SQL: collations differ between databases, the order must not.
  std::sort(formation.employees.begin(), formation.employees.end(),
            [](const org::Person& a, const org::Person& b) { return a.personnel_number < b.personnel_number; });
  std::sort(formation.positions.begin(), formation.positions.end(), [](const org::Position& a, const org::Position& b) {
    return std::tie(a.unit_code, a.function_code, a.level, a.id) < std::tie(b.unit_code, b.function_code, b.level, b.id);
  });
  return formation;
}

reorg::Employee employee_of(const org::Person& person) {
  reorg::Employee employee;
  employee.person_id = person.id;
  employee.personnel_number = person.personnel_number;
  employee.name = person.name;
  employee.unit_id = person.unit_id;
  employee.unit_code = person.unit_code;
  employee.unit_name = person.unit_name;
  employee.function_id = person.function_id;
  employee.function_code = person.function_code;
  employee.function_name = person.function_name;
  employee.level = person.level;
  employee.fte = person.fte;
  employee.contract = person.contract;
  employee.education = person.education_level;
  employee.hire_date = person.hire_date;
  return employee;
}

reorg::NewPosition position_of(const Formation& formation, const org::Position& line, const reorg::Settings& settings) {
  reorg::NewPosition position;
  position.position_id = line.id;
  position.unit_id = line.unit_id;
  position.unit_code = line.unit_code;
  if (const auto unit = formation.units.find(line.unit_id); unit != formation.units.end()) position.unit_name = unit->second.name;
  position.function_id = line.function_id;
  position.function_code = line.function_code;
  position.function_name = line.function_name;
  position.level = line.level;
  if (const auto function = formation.functions.find(line.function_id); function != formation.functions.end()) {
    position.education_required = function->second.education_level;
  }
  position.fte = line.fte;
  position.kind = line.kind;
  position.end_date = line.end_date;
  position.slots = settings.slots_for(line.id).value_or(reorg::default_slots(line.fte));
  return position;
}

std::vector<reorg::NewPosition> new_positions(const Formation& formation, const reorg::Settings& settings) {
  std::vector<reorg::NewPosition> positions;
  for (const org::Position& line : formation.positions) positions.push_back(position_of(formation, line, settings));
  return positions;
}

// Counts shown with the reorganisation itself.
void add_counts(soci::session& sql, long long municipality_id, Reorganisation& reorganisation) {
  const Formation formation = load_formation(sql, municipality_id, reorganisation);
  reorganisation.employees = static_cast<std::int64_t>(formation.employees.size());
  reorganisation.positions = static_cast<std::int64_t>(formation.positions.size());
  long long key = reorganisation.id, m = municipality_id, responded = 0;
  Statement st(sql);
  st.into(responded).use(key).use(m)
      .prepare("SELECT COUNT(*) FROM reorganisation_responses WHERE reorganisation_id = :r AND municipality_id = :m");
  st.run();
  // Only those still in the old formation count: someone who left no longer owes an answer.
  std::set<std::int64_t> in_scope;
  for (const org::Person& person : formation.employees) in_scope.insert(person.id);
  long long person = 0;
  Statement who(sql);
  who.into(person).use(key).use(m).prepare("SELECT person_id FROM reorganisation_responses WHERE reorganisation_id = :r AND municipality_id = :m");
  who.start();
  reorganisation.responded = 0;
  while (who.fetch()) reorganisation.responded += in_scope.contains(person) ? 1 : 0;
}

bool ran_for(soci::session& sql, long long municipality_id, std::int64_t reorganisation_id, std::int64_t person_id) {
  long long m = municipality_id, r = reorganisation_id, p = person_id, count = 0;
  Statement st(sql);
  st.into(count).use(m).use(r).use(p)
      .prepare("SELECT COUNT(*) FROM placement_run_people rp JOIN placement_runs pr ON pr.id = rp.run_id "
               "WHERE rp.municipality_id = :m AND pr.reorganisation_id = :r AND rp.person_id = :p");
  st.run();
  return count > 0;
}

// An employee sees a reorganisation whose old formation holds them, or one whose runs placed them.
bool employee_concerned(soci::session& sql, const Principal& actor, Reorganisation& reorganisation) {
  if (!actor.person_id) return false;
  const Formation formation = load_formation(sql, actor.municipality_id, reorganisation);
  return formation.employee(*actor.person_id) != nullptr || ran_for(sql, actor.municipality_id, reorganisation.id, *actor.person_id);
}

// The reorganisation as the actor may see it; not_found for an employee it does not concern.
Reorganisation visible(soci::session& sql, const Principal& actor, std::int64_t id) {
  if (actor.role == Role::employee) {
    Reorganisation reorganisation = existing(sql, actor, id);
    if (!employee_concerned(sql, actor, reorganisation)) fail_not_found("Reorganisatie");
    return reorganisation;
  }
  require_aggregate_reader(actor);
  return existing(sql, actor, id);
}

std::string reorganisation_json(const Reorganisation& r) {
  return serialize(json::object{{"code", r.code},
                                {"name", r.name},
                                {"old_unit_id", r.old_unit.id},
                                {"new_unit_id", r.new_unit.id},
                                {"preference_deadline", r.preference_deadline.iso()},
                                {"effective_date", r.effective_date.iso()},
                                {"max_preferences", r.max_preferences},
                                {"assessment_round", r.assessment_round},
                                {"settings", reorg::to_json(r.settings)}});
}

// --- Function mapping ----------------------------------------------------------------------------------

struct CompetencyProfiles {
  std::map<std::int64_t, competence::FunctionProfile> by_function;
  std::map<std::string, std::string> names;
};

CompetencyProfiles load_profiles(Database& db, const Principal& actor) {
  CompetencyProfiles profiles;
  for (competence::ProfileSummary& summary : competence_service(db)->list_profiles(actor).items) {
    StoredProfile& stored = summary.stored;
    profiles.names.insert(stored.names.begin(), stored.names.end());
    if (!stored.profile.requirements().empty()) profiles.by_function.emplace(stored.function.id, std::move(stored.profile));
  }
  return profiles;
}

std::vector<reorg::FunctionLevel> function_levels(const Formation& formation, const std::set<std::int64_t>& ids,
                                                  const CompetencyProfiles* profiles) {
  std::vector<reorg::FunctionLevel> levels;
  for (std::int64_t id : ids) {
    const auto function = formation.functions.find(id);
    if (function == formation.functions.end()) continue;
    reorg::FunctionLevel level{id, function->second.code, function->second.name, function->second.level, function->second.status, std::nullopt};
    if (profiles) {
      if (const auto profile = profiles->by_function.find(id); profile != profiles->by_function.end()) level.profile = profile->second;
    }
    levels.push_back(std::move(level));
  }
  std::sort(levels.begin(), levels.end(), [](const reorg::FunctionLevel& a, const reorg::FunctionLevel& b) {
    return std::tie(a.code, a.level) < std::tie(b.code, b.level);
  });
  return levels;
}

std::set<std::int64_t> old_function_ids(const Formation& formation) {
  std::set<std::int64_t> ids;
  for (const org::Person& person : formation.employees)
    if (person.function_id) ids.insert(*person.function_id);
  return ids;
}

std::map<std::pair<std::int64_t, std::int64_t>, reorg::MappingPair> stored_pairs(soci::session& sql, long long municipality_id,
                                                                                 std::int64_t reorganisation_id) {
  long long m = municipality_id, r = reorganisation_id, old_id = 0, new_id = 0;
  double overlap = 0;
  soci::indicator overlap_ind = soci::i_ok;
  std::string proposed, reasons, match;
  Statement st(sql);
  st.into(old_id).into(new_id).into(proposed).into(overlap, overlap_ind).into(reasons).into(match).use(r).use(m)
      .prepare("SELECT old_function_id, new_function_id, proposed, overlap, reasons_json, confirmed_match "
               "FROM reorganisation_function_matches WHERE reorganisation_id = :r AND municipality_id = :m");
  std::map<std::pair<std::int64_t, std::int64_t>, reorg::MappingPair> pairs;
  st.start();
  while (st.fetch()) {
    reorg::MappingPair pair;
    pair.old_function_id = old_id;
    pair.new_function_id = new_id;
    pair.proposed = reorg::function_match_from_string(proposed).value_or(reorg::FunctionMatch::None);
    if (overlap_ind == soci::i_ok) pair.overlap = overlap;
    const json::value stored_reasons = parse_stored(reasons);
    for (const json::value& reason : stored_reasons.as_array()) pair.reasons.emplace_back(reason.as_string());
    pair.match = reorg::function_match_from_string(match).value_or(reorg::FunctionMatch::None);
    pairs[{old_id, new_id}] = std::move(pair);
  }
  return pairs;
}

MappingView mapping_view(soci::session& sql, long long municipality_id, const Reorganisation& reorganisation, const Formation& formation) {
  MappingView view;
  view.confirmed_by = reorganisation.mapping_confirmed_by;
  view.confirmed_at = reorganisation.mapping_confirmed_at;
  const auto stored = stored_pairs(sql, municipality_id, reorganisation.id);
  std::map<std::int64_t, std::int64_t> holders;
  for (const org::Person& person : formation.employees)
    if (person.function_id) ++holders[*person.function_id];
  const auto old_levels = function_levels(formation, old_function_ids(formation), nullptr);
  const auto new_levels = function_levels(formation, formation.new_function_ids(), nullptr);
  for (const reorg::FunctionLevel& level : old_levels) {
    for (const reorg::FunctionLevel& target : new_levels) {
      const auto it = stored.find({level.function_id, target.function_id});
      if (it != stored.end()) {
        view.pairs.push_back(it->second);
        continue;
      }
      view.pairs.push_back(reorg::MappingPair{level.function_id, target.function_id, reorg::FunctionMatch::None, std::nullopt,
                                              {"Nog niet voorgesteld: deze functie kwam er na het laatste voorstel bij. Laat de "
                                               "koppeling opnieuw voorstellen of stel hem zelf vast."},
                                              reorg::FunctionMatch::None});
    }
  }
  const reorg::FunctionMapping mapping(view.pairs);
  for (const reorg::FunctionLevel& level : old_levels) {
    view.old_functions.push_back({level.function_id, level.code, level.name, level.level, holders[level.function_id], false});
  }
  for (const reorg::FunctionLevel& level : new_levels) {
    view.new_functions.push_back({level.function_id, level.code, level.name, level.level, 0, mapping.continues(level.function_id)});
  }
  return view;
}

void write_pairs(soci::session& sql, long long municipality_id, std::int64_t reorganisation_id, const std::vector<reorg::MappingPair>& pairs) {
  long long m = municipality_id, r = reorganisation_id, old_id = 0, new_id = 0;
  {
    Statement clear(sql);
    clear.use(r).use(m).prepare("DELETE FROM reorganisation_function_matches WHERE reorganisation_id = :r AND municipality_id = :m");
    clear.run();
  }
  double overlap = 0;
  soci::indicator overlap_ind = soci::i_ok;
  std::string proposed, reasons, match;
  Statement insert(sql);
  insert.use(r).use(m).use(old_id).use(new_id).use(proposed).use(overlap, overlap_ind).use(reasons).use(match)
      .prepare("INSERT INTO reorganisation_function_matches (reorganisation_id, municipality_id, old_function_id, new_function_id, "
               "proposed, overlap, reasons_json, confirmed_match) VALUES (:r, :m, :o, :n, :p, :ov, :rs, :c)");
  for (const reorg::MappingPair& pair : pairs) {
    old_id = pair.old_function_id;
    new_id = pair.new_function_id;
    proposed = competence::to_string(pair.proposed);
    overlap = pair.overlap.value_or(0.0);
    overlap_ind = pair.overlap ? soci::i_ok : soci::i_null;
    json::array list;
    for (const std::string& reason : pair.reasons) list.push_back(json::value(reason));
    reasons = serialize(list);
    match = competence::to_string(pair.match);
    insert.run();
  }
}

void set_mapping_confirmation(soci::session& sql, long long municipality_id, std::int64_t reorganisation_id, const std::string& by,
                              const std::string& at) {
  long long m = municipality_id, r = reorganisation_id;
  std::string who = by, when = at;
  Statement st(sql);
  st.use(who).use(when).use(r).use(m)
      .prepare("UPDATE reorganisations SET mapping_confirmed_by = :b, mapping_confirmed_at = :a WHERE id = :r AND municipality_id = :m");
  st.run();
}

std::string mapping_audit_json(const std::vector<reorg::MappingPair>& pairs, const std::string& confirmed_by) {
  json::array items;
  for (const reorg::MappingPair& pair : pairs) {
    items.push_back(json::object{{"old_function_id", pair.old_function_id},
                                 {"new_function_id", pair.new_function_id},
                                 {"proposed", competence::to_string(pair.proposed)},
                                 {"match", competence::to_string(pair.match)}});
  }
  return serialize(json::object{{"confirmed_by", confirmed_by}, {"pairs", std::move(items)}});
}

// Proposes afresh from the given profiles (loaded before the transaction: the competence store leases
// its own session) and stores it unconfirmed.
void store_proposal(soci::session& sql, const Principal& actor, Reorganisation& reorganisation, const CompetencyProfiles& profiles,
                    const std::string& action) {
  const Formation formation = load_formation(sql, actor.municipality_id, reorganisation);
  const auto before = mapping_view(sql, actor.municipality_id, reorganisation, formation);
  const auto pairs = reorg::propose_mapping(function_levels(formation, old_function_ids(formation), &profiles),
                                            function_levels(formation, formation.new_function_ids(), &profiles));
  write_pairs(sql, actor.municipality_id, reorganisation.id, pairs);
  set_mapping_confirmation(sql, actor.municipality_id, reorganisation.id, "", "");
  record_audit(sql, actor, action, "function_mapping", reorganisation.code,
               action == "create" ? "" : mapping_audit_json(before.pairs, before.confirmed_by), mapping_audit_json(pairs, ""));
}

// --- Reorganisation input checks ----------------------------------------------------------------------

bool valid_code(std::string_view code) {
  if (code.empty() || code.size() > 32) return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

void check_input(soci::session& sql, const Principal& actor, const ReorganisationInput& input) {
  if (!valid_code(input.code)) {
    fail_invalid("code", "De code van een reorganisatie is 1 tot 32 tekens: letters, cijfers, '-' en '_'");
  }
  if (trimmed(input.name).empty() || input.name.size() > 200) fail_invalid("name", "De naam van de reorganisatie is verplicht (hooguit 200 tekens)");
  const auto units = detail::select_units(sql, actor.municipality_id);
  const auto known = [&](std::int64_t id) {
    return std::any_of(units.begin(), units.end(), [&](const org::Unit& unit) { return unit.id == id; });
  };
  if (!known(input.old_unit_id)) fail_invalid("old_unit_id", "De eenheid van de oude formatie bestaat niet in deze gemeente");
  if (!known(input.new_unit_id)) fail_invalid("new_unit_id", "De eenheid van de nieuwe formatie bestaat niet in deze gemeente");
  if (input.max_preferences < 1 || input.max_preferences > reorg::kMaxPreferencesLimit) {
    fail_invalid("max_preferences", fmt::format("Het aantal voorkeuren is 1 tot en met {}", reorg::kMaxPreferencesLimit));
  }
  if (input.effective_date < input.preference_deadline) {
    fail_invalid("effective_date", "De ingangsdatum van de nieuwe formatie ligt niet vóór de uiterste datum voor voorkeuren");
  }
  reorg::validate(input.settings, input.max_preferences);
}

void check_assessment_round(Database& db, const Principal& actor, const std::string& round) {
  if (round.empty()) return;
  try {
    get_round(db, actor, round);
  } catch (const Failure& failure) {
    if (failure.error().kind != ErrorKind::not_found) throw;
    fail_invalid("assessment_round", fmt::format("Assessmentronde ‘{}’ bestaat niet in deze gemeente", round), "unknown_round");
  }
}

void check_slots(soci::session& sql, const Principal& actor, const ReorganisationInput& input) {
  if (input.settings.slots.empty()) return;
  Reorganisation probe;
  probe.old_unit.id = input.old_unit_id;
  probe.new_unit.id = input.new_unit_id;
  const Formation formation = load_formation(sql, actor.municipality_id, probe);
  std::vector<std::int64_t> ids;
  for (const org::Position& position : formation.positions) ids.push_back(position.id);
  reorg::check_slot_overrides(input.settings, ids);
}

// --- Preferences ---------------------------------------------------------------------------------------

PreferenceSheet read_sheet(soci::session& sql, long long municipality_id, const Reorganisation& reorganisation, const org::Person& person,
                           const Formation& formation) {
  PreferenceSheet sheet;
  sheet.reorganisation_id = reorganisation.id;
  sheet.person_id = person.id;
  sheet.personnel_number = person.personnel_number;
  sheet.name = person.name;
  sheet.unit_code = person.unit_code;
  sheet.deadline = reorganisation.preference_deadline;
  sheet.open = !reorganisation.confirmed() && Date::today() <= reorganisation.preference_deadline;
  sheet.max_preferences = reorganisation.max_preferences;
  long long m = municipality_id, r = reorganisation.id, p = person.id, rank = 0, function_id = 0;
  std::string updated_at, motivation;
  {
    Statement st(sql);
    st.into(updated_at).use(r).use(p).use(m)
        .prepare("SELECT updated_at FROM reorganisation_responses WHERE reorganisation_id = :r AND person_id = :p AND municipality_id = :m");
    sheet.responded = st.run();
    if (sheet.responded) sheet.updated_at = updated_at;
  }
  Statement st(sql);
  st.into(rank).into(function_id).into(motivation).use(r).use(p).use(m)
      .prepare("SELECT rank, function_id, motivation FROM reorganisation_preferences WHERE reorganisation_id = :r AND person_id = :p "
               "AND municipality_id = :m ORDER BY rank");
  st.start();
  while (st.fetch()) {
    PreferenceEntry entry{static_cast<int>(rank), function_id, "", "", "", motivation};
    if (const auto function = formation.functions.find(function_id); function != formation.functions.end()) {
      entry.function_code = function->second.code;
      entry.function_name = function->second.name;
      entry.level = function->second.level;
    }
    sheet.preferences.push_back(std::move(entry));
  }
  return sheet;
}

std::string sheet_json(const PreferenceSheet& sheet) {
  json::array items;
  for (const PreferenceEntry& entry : sheet.preferences) {
    items.push_back(json::object{{"rank", entry.rank}, {"function_id", entry.function_id}, {"motivation", entry.motivation}});
  }
  return serialize(json::object{{"responded", sheet.responded}, {"preferences", std::move(items)}});
}

void check_choices(const Reorganisation& reorganisation, const Formation& formation, const std::vector<PreferenceChoice>& choices) {
  if (static_cast<int>(choices.size()) > reorganisation.max_preferences) {
    fail_invalid("preferences", fmt::format("U kunt hooguit {} voorkeuren opgeven", reorganisation.max_preferences), "too_many_preferences");
  }
  const auto offered = formation.new_function_ids();
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    const PreferenceChoice& choice = choices[i];
    const std::string field = fmt::format("preferences[{}]", i);
    if (!offered.contains(choice.function_id)) {
      fail_invalid(field + ".function_id", "Deze functie komt niet voor in de nieuwe formatie", "not_in_new_formation");
    }
    if (!seen.insert(choice.function_id).second) {
      fail_invalid(field + ".function_id", "U heeft deze functie al eerder in de lijst gezet", "duplicate_preference");
    }
    const std::string motivation = trimmed(choice.motivation);
    if (motivation.empty()) fail_invalid(field + ".motivation", "Geef bij elke voorkeur een motivatie", "motivation_required");
    if (motivation.size() > kMaxMotivation) {
      fail_invalid(field + ".motivation", fmt::format("Een motivatie is hooguit {} tekens", kMaxMotivation), "motivation_too_long");
    }
  }
}

PreferenceSheet save_preferences(Database& db, const Principal& actor, std::int64_t id, std::int64_t person_id,
                                 const std::vector<PreferenceChoice>& choices) {
  return db.transaction([&](soci::session& sql) {
    Reorganisation reorganisation = existing(sql, actor, id);
    const Formation formation = load_formation(sql, actor.municipality_id, reorganisation);
    const org::Person* person = formation.employee(person_id);
    if (!person) fail_not_found(actor.role == Role::employee ? "Reorganisatie" : "Medewerker");
    require_open(reorganisation);
    if (Date::today() > reorganisation.preference_deadline) {
      fail(ErrorKind::conflict, "deadline_passed",
           fmt::format("Voorkeuren konden tot en met {} worden opgegeven; die termijn is verstreken", reorganisation.preference_deadline.iso()));
    }
    check_choices(reorganisation, formation, choices);
    const PreferenceSheet before = read_sheet(sql, actor.municipality_id, reorganisation, *person, formation);
    long long m = actor.municipality_id, r = id, p = person_id, rank = 0, function_id = 0;
    for (const char* table : {"reorganisation_preferences", "reorganisation_responses"}) {
      Statement clear(sql);
      clear.use(r).use(p).use(m).prepare(fmt::format("DELETE FROM {} WHERE reorganisation_id = :r AND person_id = :p AND municipality_id = :m", table));
      clear.run();
    }
    std::string motivation;
    Statement insert(sql);
    insert.use(r).use(m).use(p).use(rank).use(function_id).use(motivation)
        .prepare("INSERT INTO reorganisation_preferences (reorganisation_id, municipality_id, person_id, rank, function_id, motivation) "
                 "VALUES (:r, :m, :p, :k, :f, :mo)");
    for (std::size_t i = 0; i < choices.size(); ++i) {
      rank = static_cast<long long>(i) + 1;
      function_id = choices[i].function_id;
      motivation = trimmed(choices[i].motivation);
      insert.run();
    }
    std::string by = actor.username, at = utc_now_iso();
    Statement response(sql);
    response.use(r).use(m).use(p).use(by).use(at)
        .prepare("INSERT INTO reorganisation_responses (reorganisation_id, municipality_id, person_id, updated_by, updated_at) "
                 "VALUES (:r, :m, :p, :b, :a)");
    response.run();
    PreferenceSheet after = read_sheet(sql, actor.municipality_id, reorganisation, *person, formation);
    record_audit(sql, actor, before.responded ? "update" : "create", "preference",
                 fmt::format("{}/{}", reorganisation.code, person->personnel_number), before.responded ? sheet_json(before) : "",
                 sheet_json(after));
    return after;
  });
}

// --- Loading the procedure's input ---------------------------------------------------------------------

std::vector<reorg::Preference> load_preferences(soci::session& sql, long long m, long long r) {
  long long person = 0, rank = 0, function = 0;
  std::string motivation;
  Statement st(sql);
  st.into(person).into(rank).into(function).into(motivation).use(r).use(m)
      .prepare("SELECT person_id, rank, function_id, motivation FROM reorganisation_preferences WHERE reorganisation_id = :r "
               "AND municipality_id = :m ORDER BY person_id, rank");
  std::vector<reorg::Preference> preferences;
  st.start();
  while (st.fetch()) preferences.push_back({person, static_cast<int>(rank), function, motivation});
  return preferences;
}

std::vector<InterviewRow> load_interviews(soci::session& sql, long long m, long long r) {
  long long person = 0, function = 0;
  double score = 0;
  std::string number, name, code, level, note, by, at;
  Statement st(sql);
  st.into(person).into(number).into(name).into(function).into(code).into(level).into(score).into(note).into(by).into(at).use(r).use(m)
      .prepare("SELECT i.person_id, p.personnel_number, p.name, i.function_id, f.code, f.level, i.score, i.note, i.entered_by, i.entered_at "
               "FROM reorganisation_interviews i JOIN people p ON p.id = i.person_id JOIN functions f ON f.id = i.function_id "
               "WHERE i.reorganisation_id = :r AND i.municipality_id = :m");
  std::vector<InterviewRow> rows;
  st.start();
  while (st.fetch()) rows.push_back({person, number, name, function, code, level, score, note, by, at});
  std::sort(rows.begin(), rows.end(), [](const InterviewRow& a, const InterviewRow& b) {
    return std::tie(a.personnel_number, a.function_code, a.level) < std::tie(b.personnel_number, b.function_code, b.level);
  });
  return rows;
}

std::vector<AppraisalRow> load_appraisals(soci::session& sql, long long m, long long r) {
  long long person = 0, score = 0;
  std::string number, name, date, by, at;
  Statement st(sql);
  st.into(person).into(number).into(name).into(score).into(date).into(by).into(at).use(r).use(m)
      .prepare("SELECT a.person_id, p.personnel_number, p.name, a.score, a.appraised_on, a.entered_by, a.entered_at "
               "FROM reorganisation_appraisals a JOIN people p ON p.id = a.person_id WHERE a.reorganisation_id = :r AND a.municipality_id = :m");
  std::vector<AppraisalRow> rows;
  st.start();
  while (st.fetch()) rows.push_back({person, number, name, static_cast<int>(score), Date::parse(date).value_or(Date()), by, at});
  std::sort(rows.begin(), rows.end(), [](const AppraisalRow& a, const AppraisalRow& b) { return a.personnel_number < b.personnel_number; });
  return rows;
}

std::vector<PairDecisionRow> load_decisions(soci::session& sql, long long m, long long r) {
  long long id = 0, person = 0, position = 0;
  std::string number, name, unit, code, level, decision, reason, by, at;
  Statement st(sql);
  st.into(id).into(person).into(number).into(name).into(position).into(unit).into(code).into(level).into(decision).into(reason).into(by)
      .into(at).use(r).use(m)
      .prepare("SELECT d.id, d.person_id, pe.personnel_number, pe.name, d.position_id, u.code, f.code, f.level, d.decision, d.reason, "
               "d.decided_by, d.decided_at FROM reorganisation_pair_decisions d JOIN people pe ON pe.id = d.person_id "
               "JOIN positions po ON po.id = d.position_id JOIN units u ON u.id = po.unit_id JOIN functions f ON f.id = po.function_id "
               "WHERE d.reorganisation_id = :r AND d.municipality_id = :m ORDER BY d.id");
  std::vector<PairDecisionRow> rows;
  st.start();
  while (st.fetch()) {
    rows.push_back({id, person, number, name, position, unit, code, level,
                    reorg::decision_from_string(decision).value_or(reorg::Decision::Forbid), reason, by, at});
  }
  return rows;
}

// The competency results the reorganisation may use: only through the competence store's checked
// selection_evidence, which refuses a development round's results without recorded consent.
reorg::CompetencyEvidence load_evidence(Database& db, const Principal& actor, const std::string& round, CompetencyProfiles profiles) {
  reorg::CompetencyEvidence evidence;
  evidence.round_code = round;
  evidence.names = std::move(profiles.names);
  evidence.profiles = std::move(profiles.by_function);
  if (round.empty()) return evidence;
  try {
    competence::AdmittedEvidence admitted = selection_evidence(db, actor, round);
    evidence.admitted = std::move(admitted.admitted);
    evidence.refused = std::move(admitted.refused);
  } catch (const Failure& failure) {
    if (failure.error().kind != ErrorKind::not_found) throw;
    fail(ErrorKind::conflict, "assessment_round_missing",
         fmt::format("Assessmentronde ‘{}’ van deze reorganisatie bestaat niet meer; kies een andere ronde of geen", round), "assessment_round");
  }
  return evidence;
}

std::unique_ptr<AssessedReorganisation> load_and_assess(Database& db, const Principal& actor, std::int64_t id) {
  auto assessed = std::make_unique<AssessedReorganisation>();
  reorg::ProcedureInput& input = assessed->input;
  std::string round;
  {
    auto sql = db.lease();
    Reorganisation reorganisation = existing(*sql, actor, id);
    const Formation formation = load_formation(*sql, actor.municipality_id, reorganisation);
    round = reorganisation.assessment_round;
    input.settings = reorganisation.settings;
    input.max_preferences = reorganisation.max_preferences;
    input.effective_date = reorganisation.effective_date;
    for (const org::Person& person : formation.employees) input.employees.push_back(employee_of(person));
    input.positions = new_positions(formation, reorganisation.settings);
    input.mapping = reorg::FunctionMapping(mapping_view(*sql, actor.municipality_id, reorganisation, formation).pairs);

    // What was entered about people or functions that have since left the reorganisation no longer counts.
    std::set<std::int64_t> people, functions = formation.new_function_ids(), positions;
    for (const org::Person& person : formation.employees) people.insert(person.id);
    for (const org::Position& position : formation.positions) positions.insert(position.id);
    const long long m = actor.municipality_id, r = id;
    for (reorg::Preference& preference : load_preferences(*sql, m, r)) {
      if (people.contains(preference.person_id) && functions.contains(preference.function_id)) input.preferences.push_back(preference);
    }
    // Ranks stay consecutive when a choice dropped out.
    std::map<std::int64_t, int> next_rank;
    for (reorg::Preference& preference : input.preferences) preference.rank = ++next_rank[preference.person_id];
    for (const InterviewRow& row : load_interviews(*sql, m, r)) {
      if (people.contains(row.person_id) && functions.contains(row.function_id)) input.interviews.push_back({row.person_id, row.function_id, row.score});
    }
    for (const AppraisalRow& row : load_appraisals(*sql, m, r)) {
      if (people.contains(row.person_id)) input.appraisals.push_back({row.person_id, row.score, row.date});
    }
    for (const PairDecisionRow& row : load_decisions(*sql, m, r)) {
      if (people.contains(row.person_id) && positions.contains(row.position_id)) {
        input.decisions.push_back({row.person_id, row.position_id, row.decision, row.reason});
      }
    }
  }
  input.competencies = load_evidence(db, actor, round, load_profiles(db, actor));
  assessed->suitabilities.emplace(reorg::assess(input));
  const bool has_locks = std::any_of(input.decisions.begin(), input.decisions.end(),
                                     [](const reorg::PairDecision& d) { return d.decision == reorg::Decision::Lock; });
  assessed->rounds = reorg::planned_rounds(input.settings, has_locks);
  return assessed;
}

// --- Runs ----------------------------------------------------------------------------------------------

RunHeadline select_headline(soci::session& sql, const Principal& actor, std::int64_t reorganisation_id, std::int64_t run_id) {
  long long m = actor.municipality_id, r = reorganisation_id, key = run_id, id = 0, number = 0;
  std::string status, note, by, at, confirmed_by, confirmed_at, confirmation, figures;
  Statement st(sql);
  st.into(id).into(number).into(status).into(note).into(by).into(at).into(confirmed_by).into(confirmed_at).into(confirmation).into(figures)
      .use(key).use(r).use(m)
      .prepare("SELECT id, number, status, note, created_by, created_at, confirmed_by, confirmed_at, confirmation_note, figures_json "
               "FROM placement_runs WHERE id = :id AND reorganisation_id = :r AND municipality_id = :m");
  if (!st.run()) fail_not_found("Plaatsingsrun");
  return RunHeadline{id, number, status == "confirmed", note, by, at, confirmed_by, confirmed_at, confirmation, figures};
}

std::vector<RunHeadline> select_headlines(soci::session& sql, long long municipality_id, std::int64_t reorganisation_id) {
  long long m = municipality_id, r = reorganisation_id, id = 0, number = 0;
  std::string status, note, by, at, confirmed_by, confirmed_at, confirmation, figures;
  Statement st(sql);
  st.into(id).into(number).into(status).into(note).into(by).into(at).into(confirmed_by).into(confirmed_at).into(confirmation).into(figures)
      .use(r).use(m)
      .prepare("SELECT id, number, status, note, created_by, created_at, confirmed_by, confirmed_at, confirmation_note, figures_json "
               "FROM placement_runs WHERE reorganisation_id = :r AND municipality_id = :m ORDER BY number");
  std::vector<RunHeadline> runs;
  st.start();
  while (st.fetch()) runs.push_back({id, number, status == "confirmed", note, by, at, confirmed_by, confirmed_at, confirmation, figures});
  return runs;
}

struct RunPersonRow {
  reorg::RunPerson person;
  std::string personnel_number;
  std::string detail_json;
  std::string explanation_json;
};

std::vector<RunPersonRow> select_run_people(soci::session& sql, long long municipality_id, std::int64_t run_id,
                                            std::optional<std::int64_t> person_id = std::nullopt) {
  long long m = municipality_id, run = run_id, only = person_id.value_or(0), filter = person_id ? 1 : 0;
  long long person = 0, fte = 0, placed = 0, rank = 0, suitability = 0;
  std::string number, unit_code, unit_name, contract, education, detail, explanation;
  soci::indicator rank_ind = soci::i_ok, suitability_ind = soci::i_ok;
  Statement st(sql);
  st.into(person).into(number).into(unit_code).into(unit_name).into(fte).into(contract).into(education).into(placed).into(rank, rank_ind)
      .into(suitability, suitability_ind).into(detail).into(explanation).use(run).use(m).use(filter).use(only)
      .prepare("SELECT person_id, personnel_number, unit_code, unit_name, fte_milli, contract, education_level, placed, preference_rank, "
               "suitability_centi, detail_json, explanation_json FROM placement_run_people WHERE run_id = :run AND municipality_id = :m "
               "AND (:f = 0 OR person_id = :p)");
  std::vector<RunPersonRow> rows;
  st.start();
  while (st.fetch()) {
    RunPersonRow row;
    row.person.person_id = person;
    row.person.unit_code = unit_code;
    row.person.unit_name = unit_name;
    row.person.fte = Fte::from_milli(fte);
    row.person.contract = org::contract_from_string(contract).value_or(org::Contract::Permanent);
    row.person.education = org::education_level_from_string(education);
    row.person.placed = placed != 0;
    if (rank_ind == soci::i_ok) row.person.preference_rank = static_cast<int>(rank);
    if (suitability_ind == soci::i_ok) row.person.suitability_centi = suitability;
    row.personnel_number = number;
    row.detail_json = detail;
    row.explanation_json = explanation;
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [](const RunPersonRow& a, const RunPersonRow& b) { return a.personnel_number < b.personnel_number; });
  return rows;
}

// The explanation as stored, with the run and its confirmation added: the form an employee, HR and an
// objection all see.
StoredExplanation given(const RunHeadline& run, const std::string& explanation_json) {
  json::object explanation = parse_stored(explanation_json).as_object();
  explanation["run_id"] = run.id;
  explanation["confirmed"] = run.confirmed ? json::value(json::object{{"by", run.confirmed_by}, {"at", run.confirmed_at}}) : json::value(nullptr);
  return StoredExplanation{run.id, run.confirmed_by, run.confirmed_at, serialize(explanation)};
}

// What a run was made with: the number of preferences then allowed, and the slots it left open.
std::pair<long long, long long> run_limits(soci::session& sql, long long municipality_id, std::int64_t run_id) {
  long long m = municipality_id, run = run_id, max_preferences = 0, open = 0;
  Statement st(sql);
  st.into(max_preferences).into(open).use(run).use(m)
      .prepare("SELECT max_preferences, open_slots FROM placement_runs WHERE id = :id AND municipality_id = :m");
  st.run();
  return {max_preferences, open};
}

RunSummary summary_of(soci::session& sql, const Principal& actor, std::int64_t id, std::int64_t run_id) {
  RunSummary summary;
  summary.headline = select_headline(sql, actor, id, run_id);
  std::vector<reorg::RunPerson> people;
  for (RunPersonRow& row : select_run_people(sql, actor.municipality_id, run_id)) people.push_back(std::move(row.person));
  const std::int64_t min_group = actor.sees_whole_municipality() ? 0 : reorg::kMinGroupForAggregates;
  const auto [max_preferences, open_slots] = run_limits(sql, actor.municipality_id, run_id);
  summary.summary = reorg::summarise(people, static_cast<int>(max_preferences), open_slots, min_group);
  return summary;
}

// --- Vacancies and objections -------------------------------------------------------------------------

std::vector<std::string> partner_codes(Database& db, const Principal& actor) {
  std::vector<std::string> codes;
  if (const auto municipality = OrgRepository(db).find_municipality(actor.municipality_code)) {
    for (const org::Cooperation& cooperation : municipality->cooperations)
      for (const std::string& code : cooperation.partner_codes)
        if (code != municipality->code && std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  }
  std::sort(codes.begin(), codes.end());
  return codes;
}

std::vector<Vacancy> select_vacancies(soci::session& sql, long long municipality_id, std::int64_t reorganisation_id,
                                      std::optional<std::int64_t> only) {
  long long m = municipality_id, r = reorganisation_id, key = only.value_or(0), filter = only ? 1 : 0;
  long long id = 0, position = 0, slots = 0, fte = 0;
  std::string unit, code, name, level, kind, end_date, stage, by, at;
  Statement st(sql);
  st.into(id).into(position).into(unit).into(code).into(name).into(level).into(slots).into(fte).into(kind).into(end_date).into(stage).into(by)
      .into(at).use(r).use(m).use(filter).use(key)
      .prepare("SELECT id, position_id, unit_code, function_code, function_name, level, slots, fte_milli, kind, end_date, stage, "
               "updated_by, updated_at FROM placement_vacancies WHERE reorganisation_id = :r AND municipality_id = :m "
               "AND (:f = 0 OR id = :id) ORDER BY id");
  std::vector<Vacancy> vacancies;
  st.start();
  while (st.fetch()) {
    Vacancy vacancy;
    vacancy.id = id;
    vacancy.position_id = position;
    vacancy.unit_code = unit;
    vacancy.function_code = code;
    vacancy.function_name = name;
    vacancy.level = level;
    vacancy.slots = slots;
    vacancy.fte = Fte::from_milli(fte);
    vacancy.kind = org::position_kind_from_string(kind).value_or(org::PositionKind::Structural);
    vacancy.end_date = Date::parse(end_date);
    vacancy.stage = vacancy_stage_from_string(stage).value_or(VacancyStage::Internal);
    vacancy.updated_by = by;
    vacancy.updated_at = at;
    vacancies.push_back(std::move(vacancy));
  }
  return vacancies;
}

std::string vacancy_json(const Vacancy& vacancy) {
  return serialize(json::object{{"position_id", vacancy.position_id},
                                {"function_code", vacancy.function_code},
                                {"level", vacancy.level},
                                {"slots", vacancy.slots},
                                {"fte", vacancy.fte.to_string()},
                                {"stage", to_string(vacancy.stage)}});
}

void open_vacancies(soci::session& sql, const Principal& actor, const Reorganisation& reorganisation, std::int64_t run_id,
                    const std::string& open_slots_json) {
  long long m = actor.municipality_id, r = reorganisation.id, run = run_id, position = 0, slots = 0, fte = 0;
  std::string unit, code, name, level, kind, end_date, stage = "internal", by = actor.username, at = utc_now_iso();
  Statement insert(sql);
  insert.use(m).use(r).use(run).use(position).use(unit).use(code).use(name).use(level).use(slots).use(fte).use(kind).use(end_date)
      .use(stage).use(by).use(at)
      .prepare("INSERT INTO placement_vacancies (municipality_id, reorganisation_id, run_id, position_id, unit_code, function_code, "
               "function_name, level, slots, fte_milli, kind, end_date, stage, updated_by, updated_at) VALUES (:m, :r, :run, :p, :u, :c, "
               ":n, :l, :s, :f, :k, :e, :st, :b, :a)");
  const json::value open_slots = parse_stored(open_slots_json);
  for (const json::value& item : open_slots.as_array()) {
    const json::object& slot = item.as_object();
    position = slot.at("position_id").to_number<long long>();
    unit = slot.at("unit_code").as_string();
    code = slot.at("function_code").as_string();
    name = slot.at("function_name").as_string();
    level = slot.at("level").as_string();
    slots = slot.at("slots").to_number<long long>();
    fte = std::llround(slot.at("fte").to_number<double>() * 1000.0);
    kind = slot.at("kind").as_string();
    end_date = slot.at("end_date").is_string() ? std::string(slot.at("end_date").as_string()) : std::string();
    insert.run();
    record_audit(sql, actor, "create", "vacancy", fmt::format("{}/{}/{}", reorganisation.code, code, position), "",
                 serialize(json::object{{"position_id", position}, {"slots", slots}, {"stage", stage}}));
  }
}

std::vector<Objection> select_objections(soci::session& sql, long long municipality_id, std::int64_t reorganisation_id,
                                         std::optional<std::int64_t> only_id, std::optional<std::int64_t> only_person) {
  long long m = municipality_id, r = reorganisation_id, key = only_id.value_or(0), by_id = only_id ? 1 : 0;
  long long person_key = only_person.value_or(0), by_person = only_person ? 1 : 0;
  long long id = 0, person = 0, run = 0;
  std::string number, name, grounds, status, response, explanation, registered_by, registered_at, updated_by, updated_at;
  Statement st(sql);
  st.into(id).into(person).into(number).into(name).into(run).into(grounds).into(status).into(response).into(explanation).into(registered_by)
      .into(registered_at).into(updated_by).into(updated_at).use(r).use(m).use(by_id).use(key).use(by_person).use(person_key)
      .prepare("SELECT id, person_id, personnel_number, name, run_id, grounds, status, response, explanation_json, registered_by, "
               "registered_at, updated_by, updated_at FROM placement_objections WHERE reorganisation_id = :r AND municipality_id = :m "
               "AND (:fi = 0 OR id = :id) AND (:fp = 0 OR person_id = :p) ORDER BY id");
  std::vector<Objection> objections;
  st.start();
  while (st.fetch()) {
    objections.push_back({id, person, number, name, run, grounds, objection_status_from_string(status).value_or(ObjectionStatus::Received),
                          response, explanation, registered_by, registered_at, updated_by, updated_at});
  }
  return objections;
}

std::string objection_json(const Objection& objection) {
  return serialize(json::object{{"personnel_number", objection.personnel_number},
                                {"run_id", objection.run_id},
                                {"grounds", objection.grounds},
                                {"status", to_string(objection.status)},
                                {"response", objection.response}});
}

bool is_closed(ObjectionStatus status) {
  return status == ObjectionStatus::Upheld || status == ObjectionStatus::Rejected || status == ObjectionStatus::Withdrawn;
}

}  // namespace

// --- Reorganisations -----------------------------------------------------------------------------------

std::vector<Reorganisation> list_reorganisations(Database& db, const Principal& actor) {
  if (actor.role != Role::employee) require_aggregate_reader(actor);
  auto sql = db.lease();
  std::vector<Reorganisation> visible_ones;
  for (Reorganisation& reorganisation : select_reorganisations(*sql, actor.municipality_id, std::nullopt)) {
    if (actor.role == Role::employee && !employee_concerned(*sql, actor, reorganisation)) continue;
    add_counts(*sql, actor.municipality_id, reorganisation);
    visible_ones.push_back(std::move(reorganisation));
  }
  return visible_ones;
}

Reorganisation get_reorganisation(Database& db, const Principal& actor, std::int64_t id) {
  auto sql = db.lease();
  Reorganisation reorganisation = visible(*sql, actor, id);
  add_counts(*sql, actor.municipality_id, reorganisation);
  return reorganisation;
}

Reorganisation create_reorganisation(Database& db, const Principal& actor, const ReorganisationInput& input) {
  require_hr(actor);
  check_assessment_round(db, actor, input.assessment_round);
  const CompetencyProfiles profiles = load_profiles(db, actor);
  const std::int64_t id = db.transaction([&](soci::session& sql) {
    check_input(sql, actor, input);
    check_slots(sql, actor, input);
    long long m = actor.municipality_id, old_unit = input.old_unit_id, new_unit = input.new_unit_id, max = input.max_preferences, id = 0;
    std::string code = input.code, name = trimmed(input.name), deadline = input.preference_deadline.iso(), effective = input.effective_date.iso(),
                round = input.assessment_round, settings = serialize(reorg::to_json(input.settings)), by = actor.username, at = utc_now_iso();
    {
      long long taken = 0;
      Statement check(sql);
      check.into(taken).use(m).use(code).prepare("SELECT COUNT(*) FROM reorganisations WHERE municipality_id = :m AND code = :c");
      check.run();
      if (taken > 0) fail(ErrorKind::conflict, "reorganisation_exists", fmt::format("Er is al een reorganisatie met code ‘{}’", code), "code");
    }
    Statement insert(sql);
    insert.use(m).use(code).use(name).use(old_unit).use(new_unit).use(deadline).use(effective).use(max).use(round).use(settings).use(by).use(at)
        .into(id)
        .prepare("INSERT INTO reorganisations (municipality_id, code, name, old_unit_id, new_unit_id, preference_deadline, effective_date, "
                 "max_preferences, assessment_round, settings_json, created_by, created_at) VALUES (:m, :c, :n, :o, :nu, :d, :e, :x, :r, "
                 ":s, :b, :a) RETURNING id");
    insert.run();
    Reorganisation created = existing(sql, actor, id);
    record_audit(sql, actor, "create", "reorganisation", created.code, "", reorganisation_json(created));
    store_proposal(sql, actor, created, profiles, "create");
    return static_cast<std::int64_t>(id);
  });
  return get_reorganisation(db, actor, id);
}

Reorganisation update_reorganisation(Database& db, const Principal& actor, std::int64_t id, const ReorganisationInput& input) {
  require_hr(actor);
  check_assessment_round(db, actor, input.assessment_round);
  db.transaction([&](soci::session& sql) {
    const Reorganisation before = existing(sql, actor, id);
    require_open(before);
    if (input.code != before.code) fail_invalid("code", "De code van een reorganisatie kan niet veranderen", "code_changed");
    check_input(sql, actor, input);
    check_slots(sql, actor, input);
    long long m = actor.municipality_id, key = id, old_unit = input.old_unit_id, new_unit = input.new_unit_id, max = input.max_preferences;
    std::string name = trimmed(input.name), deadline = input.preference_deadline.iso(), effective = input.effective_date.iso(),
                round = input.assessment_round, settings = serialize(reorg::to_json(input.settings));
    Statement update(sql);
    update.use(name).use(old_unit).use(new_unit).use(deadline).use(effective).use(max).use(round).use(settings).use(key).use(m)
        .prepare("UPDATE reorganisations SET name = :n, old_unit_id = :o, new_unit_id = :nu, preference_deadline = :d, effective_date = :e, "
                 "max_preferences = :x, assessment_round = :r, settings_json = :s WHERE id = :id AND municipality_id = :m");
    update.run();
    // A different formation invalidates the confirmed mapping: it may lack pairs it now needs.
    if (input.old_unit_id != before.old_unit.id || input.new_unit_id != before.new_unit.id) {
      set_mapping_confirmation(sql, actor.municipality_id, id, "", "");
    }
    record_audit(sql, actor, "update", "reorganisation", before.code, reorganisation_json(before), reorganisation_json(existing(sql, actor, id)));
  });
  return get_reorganisation(db, actor, id);
}

Scope reorganisation_scope(Database& db, const Principal& actor, std::int64_t id) {
  require_hr(actor);
  auto sql = db.lease();
  Reorganisation reorganisation = existing(*sql, actor, id);
  const Formation formation = load_formation(*sql, actor.municipality_id, reorganisation);
  Scope scope;
  for (const org::Person& person : formation.employees) scope.employees.push_back(employee_of(person));
  scope.positions = new_positions(formation, reorganisation.settings);
  return scope;
}

std::vector<NewFunction> new_functions(Database& db, const Principal& actor, std::int64_t id) {
  auto sql = db.lease();
  Reorganisation reorganisation = visible(*sql, actor, id);
  const Formation formation = load_formation(*sql, actor.municipality_id, reorganisation);
  const reorg::FunctionMapping mapping(mapping_view(*sql, actor.municipality_id, reorganisation, formation).pairs);
  std::map<std::int64_t, NewFunction> by_id;
  for (const reorg::NewPosition& position : new_positions(formation, reorganisation.settings)) {
    NewFunction& function = by_id[position.function_id];
    function.function_id = position.function_id;
    function.code = position.function_code;
    function.name = position.function_name;
    function.level = position.level;
    function.education = position.education_required;
    function.positions += 1;
    function.slots += position.slots;
    function.fte += position.fte;
    function.continues = mapping.continues(position.function_id);
  }
  std::vector<NewFunction> functions;
  for (auto& [key, function] : by_id) functions.push_back(std::move(function));
  std::sort(functions.begin(), functions.end(),
            [](const NewFunction& a, const NewFunction& b) { return std::tie(a.code, a.level) < std::tie(b.code, b.level); });
  return functions;
}

// --- Function mapping ----------------------------------------------------------------------------------

MappingView function_mapping(Database& db, const Principal& actor, std::int64_t id) {
  require_aggregate_reader(actor);
  auto sql = db.lease();
  Reorganisation reorganisation = existing(*sql, actor, id);
  const Formation formation = load_formation(*sql, actor.municipality_id, reorganisation);
  return mapping_view(*sql, actor.municipality_id, reorganisation, formation);
}

MappingView propose_function_mapping(Database& db, const Principal& actor, std::int64_t id) {
  require_hr(actor);
  const CompetencyProfiles profiles = load_profiles(db, actor);
  db.transaction([&](soci::session& sql) {
    Reorganisation reorganisation = existing(sql, actor, id);
    require_open(reorganisation);
    store_proposal(sql, actor, reorganisation, profiles, "update");
  });
  return function_mapping(db, actor, id);
}

MappingView confirm_function_mapping(Database& db, const Principal& actor, std::int64_t id, const std::vector<MatchChoice>& choices) {
  require_hr(actor);
  db.transaction([&](soci::session& sql) {
    Reorganisation reorganisation = existing(sql, actor, id);
    require_open(reorganisation);
    const Formation formation = load_formation(sql, actor.municipality_id, reorganisation);
    const MappingView before = mapping_view(sql, actor.municipality_id, reorganisation, formation);
    std::vector<reorg::MappingPair> pairs = before.pairs;
    for (reorg::MappingPair& pair : pairs) pair.match = pair.proposed;
    std::set<std::pair<std::int64_t, std::int64_t>> seen;
    for (std::size_t i = 0; i < choices.size(); ++i) {
      const MatchChoice& choice = choices[i];
      const auto pair = std::find_if(pairs.begin(), pairs.end(), [&](const reorg::MappingPair& p) {
        return p.old_function_id == choice.old_function_id && p.new_function_id == choice.new_function_id;
      });
      if (pair == pairs.end()) {
        fail_invalid(fmt::format("pairs[{}].new_function_id", i),
                     "Deze combinatie van een oude en een nieuwe functie komt in deze reorganisatie niet voor", "unknown_pair");
      }
      if (!seen.insert({choice.old_function_id, choice.new_function_id}).second) {
        fail_invalid(fmt::format("pairs[{}].new_function_id", i), "Deze combinatie staat twee keer in de lijst", "duplicate_pair");
      }
      pair->match = choice.match;
    }
    write_pairs(sql, actor.municipality_id, id, pairs);
    const std::string at = utc_now_iso();
    set_mapping_confirmation(sql, actor.municipality_id, id, actor.username, at);
    record_audit(sql, actor, "update", "function_mapping", reorganisation.code, mapping_audit_json(before.pairs, before.confirmed_by),
                 mapping_audit_json(pairs, actor.username));
  });
  return function_mapping(db, actor, id);
}

// --- Preferences ---------------------------------------------------------------------------------------

PreferenceSheet own_preferences(Database& db, const Principal& actor, std::int64_t id) {
  if (actor.role != Role::employee || !actor.person_id) {
    fail(ErrorKind::forbidden, "forbidden", "Alleen een medewerker heeft eigen voorkeuren");
  }
  auto sql = db.lease();
  Reorganisation reorganisation = existing(*sql, actor, id);
  const Formation formation = load_formation(*sql, actor.municipality_id, reorganisation);
  const org::Person* person = formation.employee(*actor.person_id);
  if (!person) fail_not_found("Reorganisatie");
  return read_sheet(*sql, actor.municipality_id, reorganisation, *person, formation);
}

PreferenceSheet save_own_preferences(Database& db, const Principal& actor, std::int64_t id, const std::vector<PreferenceChoice>& choices) {
  if (actor.role != Role::employee || !actor.person_id) {
    fail(ErrorKind::forbidden, "forbidden", "Alleen een medewerker geeft eigen voorkeuren op");
  }
  return save_preferences(db, actor, id, *actor.person_id, choices);
}

PreferenceSheet save_preferences_for(Database& db, const Principal& actor, std::int64_t id, std::int64_t person_id,
                                     const std::vector<PreferenceChoice>& choices) {
  require_hr(actor);
  return save_preferences(db, actor, id, person_id, choices);
}

std::vector<PreferenceSheet> list_preferences(Database& db, const Principal& actor, std::int64_t id) {
  require_hr(actor);
  auto sql = db.lease();
  Reorganisation reorganisation = existing(*sql, actor, id);
  const Formation formation = load_formation(*sql, actor.municipality_id, reorganisation);
  std::vector<PreferenceSheet> sheets;
  for (const org::Person& person : formation.employees) sheets.push_back(read_sheet(*sql, actor.municipality_id, reorganisation, person, formation));
  return sheets;
}

// --- Selection input -----------------------------------------------------------------------------------

std::vector<InterviewRow> list_interview_scores(Database& db, const Principal& actor, std::int64_t id) {
  require_hr(actor);
  auto sql = db.lease();
  existing(*sql, actor, id);
  return load_interviews(*sql, actor.municipality_id, id);
}

std::vector<InterviewRow> save_interview_scores(Database& db, const Principal& actor, std::int64_t id, const std::vector<InterviewInput>& scores) {
  require_hr(actor);
  db.transaction([&](soci::session& sql) {
    Reorganisation reorganisation = existing(sql, actor, id);
    require_open(reorganisation);
    const Formation formation = load_formation(sql, actor.municipality_id, reorganisation);
    const auto functions = formation.new_function_ids();
    for (std::size_t i = 0; i < scores.size(); ++i) {
      const InterviewInput& input = scores[i];
      const std::string field = fmt::format("scores[{}]", i);
      if (!formation.employee(input.person_id)) fail_invalid(field + ".person_id", "Deze medewerker valt niet onder de reorganisatie", "not_in_scope");
      if (!functions.contains(input.function_id)) {
        fail_invalid(field + ".function_id", "Deze functie komt niet voor in de nieuwe formatie", "not_in_new_formation");
      }
      if (input.score && !(*input.score >= 0.0 && *input.score <= reorg::kInterviewMax)) {
        fail_invalid(field + ".score", "Een gespreksscore is een getal van 0 tot en met 10", "score_out_of_range");
      }
      if (input.note.size() > kMaxText) fail_invalid(field + ".note", fmt::format("Een toelichting is hooguit {} tekens", kMaxText));
    }
    long long m = actor.municipality_id, r = id, person = 0, function = 0;
    double score = 0;
    std::string note, by = actor.username, at = utc_now_iso();
    Statement remove(sql), insert(sql);
    remove.use(r).use(person).use(function).use(m)
        .prepare("DELETE FROM reorganisation_interviews WHERE reorganisation_id = :r AND person_id = :p AND function_id = :f AND municipality_id = :m");
    insert.use(r).use(m).use(person).use(function).use(score).use(note).use(by).use(at)
        .prepare("INSERT INTO reorganisation_interviews (reorganisation_id, municipality_id, person_id, function_id, score, note, entered_by, "
                 "entered_at) VALUES (:r, :m, :p, :f, :s, :n, :b, :a)");
    const auto before = load_interviews(sql, m, r);
    for (const InterviewInput& input : scores) {
      person = input.person_id;
      function = input.function_id;
      const auto previous = std::find_if(before.begin(), before.end(), [&](const InterviewRow& row) {
        return row.person_id == input.person_id && row.function_id == input.function_id;
      });
      remove.run();
      const std::string key = fmt::format("{}/{}/{}", reorganisation.code, formation.employee(person)->personnel_number, function);
      const std::string before_json =
          previous == before.end() ? "" : serialize(json::object{{"score", previous->score}, {"note", previous->note}});
      if (!input.score) {
        if (previous != before.end()) record_audit(sql, actor, "delete", "interview_score", key, before_json, "");
        continue;
      }
      score = *input.score;
      note = trimmed(input.note);
      insert.run();
      record_audit(sql, actor, previous == before.end() ? "create" : "update", "interview_score", key, before_json,
                   serialize(json::object{{"score", score}, {"note", note}}));
    }
  });
  return list_interview_scores(db, actor, id);
}

std::vector<AppraisalRow> list_appraisals(Database& db, const Principal& actor, std::int64_t id) {
  require_hr(actor);
  auto sql = db.lease();
  existing(*sql, actor, id);
  return load_appraisals(*sql, actor.municipality_id, id);
}

std::vector<AppraisalRow> save_appraisals(Database& db, const Principal& actor, std::int64_t id, const std::vector<AppraisalInput>& appraisals) {
  require_hr(actor);
  db.transaction([&](soci::session& sql) {
    Reorganisation reorganisation = existing(sql, actor, id);
    require_open(reorganisation);
    const Formation formation = load_formation(sql, actor.municipality_id, reorganisation);
    for (std::size_t i = 0; i < appraisals.size(); ++i) {
      const AppraisalInput& input = appraisals[i];
      const std::string field = fmt::format("appraisals[{}]", i);
      if (!formation.employee(input.person_id)) fail_invalid(field + ".person_id", "Deze medewerker valt niet onder de reorganisatie", "not_in_scope");
      if (!input.score) continue;
      if (*input.score < reorg::kAppraisalMin || *input.score > reorg::kAppraisalMax) {
        fail_invalid(field + ".score", "Een beoordeling is 1 (onvoldoende) tot en met 5 (uitstekend)", "score_out_of_range");
      }
      if (!input.date) fail_invalid(field + ".date", "Vermeld de datum van de beoordeling", "missing_field");
      if (*input.date > Date::today()) fail_invalid(field + ".date", "De datum van de beoordeling ligt in de toekomst");
    }
    long long m = actor.municipality_id, r = id, person = 0, score = 0;
    std::string date, by = actor.username, at = utc_now_iso();
    Statement remove(sql), insert(sql);
    remove.use(r).use(person).use(m)
        .prepare("DELETE FROM reorganisation_appraisals WHERE reorganisation_id = :r AND person_id = :p AND municipality_id = :m");
    insert.use(r).use(m).use(person).use(score).use(date).use(by).use(at)
        .prepare("INSERT INTO reorganisation_appraisals (reorganisation_id, municipality_id, person_id, score, appraised_on, entered_by, "
                 "entered_at) VALUES (:r, :m, :p, :s, :d, :b, :a)");
    const auto before = load_appraisals(sql, m, r);
    for (const AppraisalInput& input : appraisals) {
      person = input.person_id;
      const auto previous =
          std::find_if(before.begin(), before.end(), [&](const AppraisalRow& row) { return row.person_id == input.person_id; });
      const std::string key = fmt::format("{}/{}", reorganisation.code, formation.employee(person)->personnel_number);
      const std::string before_json =
          previous == before.end() ? "" : serialize(json::object{{"score", previous->score}, {"date", previous->date.iso()}});
      remove.run();
      if (!input.score) {
        if (previous != before.end()) record_audit(sql, actor, "delete", "appraisal", key, before_json, "");
        continue;
      }
      score = *input.score;
      date = input.date->iso();
      insert.run();
      record_audit(sql, actor, previous == before.end() ? "create" : "update", "appraisal", key, before_json,
                   serialize(json::object{{"score", score}, {"date", date}}));
    }
  });
  return list_appraisals(db, actor, id);
}

// --- Suitability ---------------------------------------------------------------------------------------

std::unique_ptr<AssessedReorganisation> assess_reorganisation(Database& db, const Principal& actor, std::int64_t id) {
  require_hr(actor);
  return load_and_assess(db, actor, id);
}

// --- Pair decisions ------------------------------------------------------------------------------------

std::vector<PairDecisionRow> list_pair_decisions(Database& db, const Principal& actor, std::int64_t id) {
  require_hr(actor);
  auto sql = db.lease();
  existing(*sql, actor, id);
  return load_decisions(*sql, actor.municipality_id, id);
}

PairDecisionRow add_pair_decision(Database& db, const Principal& actor, std::int64_t id, std::int64_t person_id, std::int64_t position_id,
                                  reorganisation::Decision decision, const std::string& reason) {
  require_hr(actor);
  return db.transaction([&](soci::session& sql) {
    Reorganisation reorganisation = existing(sql, actor, id);
    require_open(reorganisation);
    const Formation formation = load_formation(sql, actor.municipality_id, reorganisation);
    const org::Person* person = formation.employee(person_id);
    if (!person) fail_invalid("person_id", "Deze medewerker valt niet onder de reorganisatie", "not_in_scope");
    const org::Position* line = formation.position(position_id);
    if (!line) fail_invalid("position_id", "Deze formatieplaats hoort niet bij de nieuwe formatie", "not_in_new_formation");
    const std::string why = trimmed(reason);
    if (why.empty()) fail_invalid("reason", "Leg uit waarom dit paar wordt vastgezet of uitgesloten", "reason_required");
    if (why.size() > kMaxText) fail_invalid("reason", fmt::format("Een reden is hooguit {} tekens", kMaxText));
    const auto decisions = load_decisions(sql, actor.municipality_id, id);
    if (decision == reorg::Decision::Lock) {
      std::int64_t locks_here = 0;
      for (const PairDecisionRow& row : decisions) {
        if (row.decision != reorg::Decision::Lock || (row.person_id == person_id && row.position_id == position_id)) continue;
        if (row.person_id == person_id) {
          fail(ErrorKind::conflict, "already_locked",
               fmt::format("{} is al vastgezet op een andere plaats ({} {}); hef dat eerst op", person->name, row.function_code, row.unit_code),
               "person_id");
        }
        if (row.position_id == position_id) ++locks_here;
      }
      const std::int64_t slots = position_of(formation, *line, reorganisation.settings).slots;
      if (locks_here + 1 > slots) {
        fail(ErrorKind::conflict, "no_slot_left",
             fmt::format("Deze formatieplaats heeft {} plaats(en), en die zijn al allemaal vastgezet", slots), "position_id");
      }
    }
    const auto previous = std::find_if(decisions.begin(), decisions.end(), [&](const PairDecisionRow& row) {
      return row.person_id == person_id && row.position_id == position_id;
    });
    long long m = actor.municipality_id, r = id, p = person_id, pos = position_id;
    std::string kind(reorg::to_string(decision)), by = actor.username, at = utc_now_iso(), text = why;
    {
      Statement remove(sql);
      remove.use(r).use(p).use(pos).use(m)
          .prepare("DELETE FROM reorganisation_pair_decisions WHERE reorganisation_id = :r AND person_id = :p AND position_id = :pos "
                   "AND municipality_id = :m");
      remove.run();
    }
    Statement insert(sql);
    insert.use(r).use(m).use(p).use(pos).use(kind).use(text).use(by).use(at)
        .prepare("INSERT INTO reorganisation_pair_decisions (reorganisation_id, municipality_id, person_id, position_id, decision, reason, "
                 "decided_by, decided_at) VALUES (:r, :m, :p, :pos, :d, :re, :b, :a)");
    insert.run();
    const std::string key = fmt::format("{}/{}/{}", reorganisation.code, person->personnel_number, position_id);
    const auto json_of = [](std::string_view d, std::string_view text) { return serialize(json::object{{"decision", d}, {"reason", text}}); };
    record_audit(sql, actor, previous == decisions.end() ? "create" : "update", "pair_decision", key,
                 previous == decisions.end() ? "" : json_of(reorg::to_string(previous->decision), previous->reason), json_of(kind, text));
    for (const PairDecisionRow& row : load_decisions(sql, actor.municipality_id, id))
      if (row.person_id == person_id && row.position_id == position_id) return row;
    fail(ErrorKind::internal, "internal", "Het vastgelegde paar is niet teruggevonden");
  });
}

void remove_pair_decision(Database& db, const Principal& actor, std::int64_t id, std::int64_t decision_id) {
  require_hr(actor);
  db.transaction([&](soci::session& sql) {
    Reorganisation reorganisation = existing(sql, actor, id);
    require_open(reorganisation);
    const auto decisions = load_decisions(sql, actor.municipality_id, id);
    const auto row = std::find_if(decisions.begin(), decisions.end(), [&](const PairDecisionRow& d) { return d.id == decision_id; });
    if (row == decisions.end()) fail_not_found("Vastgezet of uitgesloten paar");
    long long key = decision_id, m = actor.municipality_id;
    Statement remove(sql);
    remove.use(key).use(m).prepare("DELETE FROM reorganisation_pair_decisions WHERE id = :id AND municipality_id = :m");
    remove.run();
    record_audit(sql, actor, "delete", "pair_decision", fmt::format("{}/{}/{}", reorganisation.code, row->personnel_number, row->position_id),
                 serialize(json::object{{"decision", reorg::to_string(row->decision)}, {"reason", row->reason}}), "");
  });
}

// --- Runs ----------------------------------------------------------------------------------------------

namespace {

std::int64_t store_run(Database& db, const Principal& actor, std::int64_t id, const std::string& note, const reorg::ProcedureInput& input,
                       const reorg::Suitabilities& suitabilities, const reorg::RunResult& result,
                       const std::vector<reorg::Explanation>& explanations, const reorg::Figures& figures, std::int64_t open_slots) {
  return db.transaction([&](soci::session& sql) {
    long long m = actor.municipality_id, r = id, number = 0, run_id = 0, max = input.max_preferences, open = open_slots;
    lock_reorganisation(sql, m, id);
    const Reorganisation reorganisation = existing(sql, actor, id);
    require_open(reorganisation);
    {
      Statement next(sql);
      next.into(number).use(r).use(m)
          .prepare("SELECT CAST(COALESCE(MAX(number), 0) + 1 AS BIGINT) FROM placement_runs WHERE reorganisation_id = :r AND municipality_id = :m");
      next.run();
    }
    std::string status = "proposal", text = trimmed(note), settings = serialize(reorg::to_json(input.settings)),
                rounds = serialize(reorg::rounds_json(result)), figures_text = serialize(reorg::figures_json(figures)),
                open_json = serialize(reorg::open_slots_json(input, result)), by = actor.username, at = utc_now_iso();
    Statement insert(sql);
    insert.use(m).use(r).use(number).use(status).use(text).use(max).use(settings).use(rounds).use(figures_text).use(open_json).use(open)
        .use(by).use(at).into(run_id)
        .prepare("INSERT INTO placement_runs (municipality_id, reorganisation_id, number, status, note, max_preferences, settings_json, "
                 "rounds_json, figures_json, open_slots_json, open_slots, created_by, created_at) VALUES (:m, :r, :n, :s, :no, :x, :se, :ro, "
                 ":f, :os, :o, :b, :a) RETURNING id");
    insert.run();

    long long person_id = 0, fte = 0, placed = 0, position = 0, rank = 0, suitability = 0;
    std::string number_text, name, unit_code, unit_name, contract, education, detail, explanation_text;
    soci::indicator position_ind = soci::i_ok, rank_ind = soci::i_ok, suitability_ind = soci::i_ok;
    Statement row(sql);
    row.use(run_id).use(m).use(person_id).use(number_text).use(name).use(unit_code).use(unit_name).use(fte).use(contract).use(education)
        .use(placed).use(position, position_ind).use(rank, rank_ind).use(suitability, suitability_ind).use(detail).use(explanation_text)
        .prepare("INSERT INTO placement_run_people (run_id, municipality_id, person_id, personnel_number, name, unit_code, unit_name, fte_milli, "
                 "contract, education_level, placed, position_id, preference_rank, suitability_centi, detail_json, explanation_json) VALUES "
                 "(:run, :m, :p, :pn, :n, :uc, :un, :f, :c, :e, :pl, :pos, :rk, :su, :d, :ex)");
    for (const reorg::Explanation& explanation : explanations) {
      const reorg::Employee& employee = input.employees[explanation.employee];
      person_id = employee.person_id;
      number_text = employee.personnel_number;
      name = employee.name;
      unit_code = employee.unit_code;
      unit_name = employee.unit_name;
      fte = employee.fte.milli();
      contract = org::to_string(employee.contract);
      education = employee.education ? std::string(org::to_string(*employee.education)) : std::string();
      placed = explanation.placement ? 1 : 0;
      position_ind = rank_ind = suitability_ind = soci::i_null;
      if (explanation.placement) {
        position = input.positions[explanation.placement->position].position_id;
        suitability = explanation.placement->suitability_centi;
        position_ind = suitability_ind = soci::i_ok;
        if (explanation.placement->preference_rank) {
          rank = *explanation.placement->preference_rank;
          rank_ind = soci::i_ok;
        }
        detail = serialize(reorg::placement_json(suitabilities, result, *explanation.placement));
      } else {
        detail = serialize(reorg::surplus_json(suitabilities, result, explanation));
      }
      explanation_text = serialize(reorg::explanation_json(suitabilities, result, explanation));
      row.run();
    }
    record_audit(sql, actor, "create", "placement_run", fmt::format("{}/{}", reorganisation.code, number), "",
                 serialize(json::object{{"number", number}, {"note", text}, {"figures", reorg::figures_json(figures)}}));
    return static_cast<std::int64_t>(run_id);
  });
}

}  // namespace

std::int64_t create_run(Database& db, const Principal& actor, std::int64_t id, const std::string& note) {
  require_hr(actor);
  {
    auto sql = db.lease();
    const Reorganisation reorganisation = existing(*sql, actor, id);
    require_open(reorganisation);
    if (reorganisation.mapping_confirmed_by.empty()) {
      fail(ErrorKind::conflict, "mapping_not_confirmed",
           "Bevestig eerst de koppeling van oude aan nieuwe functies: ronde 1 en de passende functies hangen ervan af");
    }
  }
  if (note.size() > kMaxText) fail_invalid("note", fmt::format("Een notitie is hooguit {} tekens", kMaxText));
  const auto assessed = load_and_assess(db, actor, id);
  const reorg::Suitabilities& suitabilities = *assessed->suitabilities;
  const reorg::ProcedureInput& input = assessed->input;
  const reorg::RunResult result = reorg::run(suitabilities);
  const std::vector<reorg::Explanation> explanations = reorg::explain(suitabilities, result);

  std::vector<reorg::RunPerson> people;
  for (const reorg::Explanation& explanation : explanations) {
    const reorg::Employee& employee = input.employees[explanation.employee];
    reorg::RunPerson person{employee.person_id, employee.unit_code, employee.unit_name, employee.fte, employee.contract, employee.education,
                            explanation.placement.has_value(), std::nullopt, std::nullopt};
    if (explanation.placement) {
      person.preference_rank = explanation.placement->preference_rank;
      person.suitability_centi = explanation.placement->suitability_centi;
    }
    people.push_back(person);
  }
  std::int64_t open_slots = 0;
  for (std::int64_t open : result.open_after) open_slots += open;
  const reorg::Figures figures = reorg::figures_of(people, input.max_preferences, open_slots);

  return store_run(db, actor, id, note, input, suitabilities, result, explanations, figures, open_slots);
}


std::vector<RunHeadline> list_runs(Database& db, const Principal& actor, std::int64_t id) {
  require_aggregate_reader(actor);
  auto sql = db.lease();
  existing(*sql, actor, id);
  return select_headlines(*sql, actor.municipality_id, id);
}

RunDetail get_run(Database& db, const Principal& actor, std::int64_t id, std::int64_t run_id) {
  require_hr(actor);
  auto sql = db.lease();
  existing(*sql, actor, id);
  RunDetail detail;
  detail.headline = select_headline(*sql, actor, id, run_id);
  long long m = actor.municipality_id, key = run_id;
  Statement st(*sql);
  st.into(detail.settings_json).into(detail.rounds_json).into(detail.open_slots_json).use(key).use(m)
      .prepare("SELECT settings_json, rounds_json, open_slots_json FROM placement_runs WHERE id = :id AND municipality_id = :m");
  st.run();
  for (const RunPersonRow& row : select_run_people(*sql, actor.municipality_id, run_id)) {
    (row.person.placed ? detail.placements_json : detail.surplus_json).push_back(row.detail_json);
  }
  return detail;
}

void confirm_run(Database& db, const Principal& actor, std::int64_t id, std::int64_t run_id, const std::string& note) {
  require_hr(actor);
  if (note.size() > kMaxText) fail_invalid("note", fmt::format("Een notitie is hooguit {} tekens", kMaxText));
  db.transaction([&](soci::session& sql) {
    lock_reorganisation(sql, actor.municipality_id, id);
    const Reorganisation reorganisation = existing(sql, actor, id);
    const RunHeadline run = select_headline(sql, actor, id, run_id);
    if (reorganisation.confirmed()) {
      fail(ErrorKind::conflict, "already_confirmed",
           run.confirmed ? "Deze run is al bevestigd" : "Er is al een andere run van deze reorganisatie bevestigd");
    }
    long long m = actor.municipality_id, key = run_id, r = id;
    std::string by = actor.username, at = utc_now_iso(), text = trimmed(note), open_json;
    {
      Statement update(sql);
      update.use(by).use(at).use(text).use(key).use(m)
          .prepare("UPDATE placement_runs SET status = 'confirmed', confirmed_by = :b, confirmed_at = :a, confirmation_note = :n "
                   "WHERE id = :id AND municipality_id = :m");
      update.run();
    }
    {
      Statement update(sql);
      update.use(key).use(r).use(m).prepare("UPDATE reorganisations SET confirmed_run_id = :run WHERE id = :r AND municipality_id = :m");
      update.run();
    }
    {
      Statement read(sql);
      read.into(open_json).use(key).use(m).prepare("SELECT open_slots_json FROM placement_runs WHERE id = :id AND municipality_id = :m");
      read.run();
    }
    record_audit(sql, actor, "confirm", "placement_run", fmt::format("{}/{}", reorganisation.code, run.number),
                 serialize(json::object{{"status", "proposal"}}),
                 serialize(json::object{{"status", "confirmed"}, {"confirmed_by", by}, {"confirmed_at", at}, {"note", text}}));
    open_vacancies(sql, actor, reorganisation, run_id, open_json);
  });
}

RunSummary run_summary(Database& db, const Principal& actor, std::int64_t id, std::int64_t run_id) {
  require_aggregate_reader(actor);
  auto sql = db.lease();
  existing(*sql, actor, id);
  return summary_of(*sql, actor, id, run_id);
}

std::vector<RunSummary> compare_runs(Database& db, const Principal& actor, std::int64_t id, const std::vector<std::int64_t>& run_ids) {
  require_aggregate_reader(actor);
  auto sql = db.lease();
  existing(*sql, actor, id);
  std::vector<std::int64_t> ids = run_ids;
  if (ids.empty()) {
    for (const RunHeadline& run : select_headlines(*sql, actor.municipality_id, id)) ids.push_back(run.id);
  }
  std::vector<RunSummary> summaries;
  for (std::int64_t run_id : ids) summaries.push_back(summary_of(*sql, actor, id, run_id));
  return summaries;
}

std::vector<StoredExplanation> run_explanations(Database& db, const Principal& actor, std::int64_t id, std::int64_t run_id) {
  require_hr(actor);
  auto sql = db.lease();
  existing(*sql, actor, id);
  const RunHeadline run = select_headline(*sql, actor, id, run_id);
  std::vector<StoredExplanation> explanations;
  for (const RunPersonRow& row : select_run_people(*sql, actor.municipality_id, run_id)) explanations.push_back(given(run, row.explanation_json));
  return explanations;
}

StoredExplanation run_explanation(Database& db, const Principal& actor, std::int64_t id, std::int64_t run_id, std::int64_t person_id) {
  require_hr(actor);
  auto sql = db.lease();
  existing(*sql, actor, id);
  const RunHeadline run = select_headline(*sql, actor, id, run_id);
  const auto rows = select_run_people(*sql, actor.municipality_id, run_id, person_id);
  if (rows.empty()) fail_not_found("Uitleg voor deze medewerker");
  return given(run, rows.front().explanation_json);
}

StoredExplanation own_explanation(Database& db, const Principal& actor, std::int64_t id) {
  if (actor.role != Role::employee || !actor.person_id) fail(ErrorKind::forbidden, "forbidden", "Alleen een medewerker heeft een eigen uitleg");
  auto sql = db.lease();
  Reorganisation reorganisation = visible(*sql, actor, id);
  if (!reorganisation.confirmed_run_id) {
    fail(ErrorKind::not_found, "no_confirmed_result",
         "Er is nog geen bevestigde uitkomst van deze reorganisatie; uw uitleg volgt zodra HR de plaatsing heeft bevestigd");
  }
  const RunHeadline run = select_headline(*sql, actor, id, *reorganisation.confirmed_run_id);
  const auto rows = select_run_people(*sql, actor.municipality_id, run.id, *actor.person_id);
  if (rows.empty()) fail(ErrorKind::not_found, "no_confirmed_result", "U maakte geen deel uit van de bevestigde plaatsing van deze reorganisatie");
  return given(run, rows.front().explanation_json);
}

// --- Vacancies -----------------------------------------------------------------------------------------

std::string_view to_string(VacancyStage stage) {
  switch (stage) {
    case VacancyStage::Internal: return "internal";
    case VacancyStage::Partners: return "partners";
    case VacancyStage::External: return "external";
    case VacancyStage::Filled: return "filled";
    case VacancyStage::Withdrawn: return "withdrawn";
  }
  return "internal";
}

std::optional<VacancyStage> vacancy_stage_from_string(std::string_view text) {
  for (VacancyStage stage : {VacancyStage::Internal, VacancyStage::Partners, VacancyStage::External, VacancyStage::Filled, VacancyStage::Withdrawn}) {
    if (to_string(stage) == text) return stage;
  }
  return std::nullopt;
}

std::vector<Vacancy> list_vacancies(Database& db, const Principal& actor, std::int64_t id) {
  require_aggregate_reader(actor);
  std::vector<Vacancy> vacancies;
  {
    auto sql = db.lease();
    existing(*sql, actor, id);
    vacancies = select_vacancies(*sql, actor.municipality_id, id, std::nullopt);
  }
  const auto partners = partner_codes(db, actor);
  for (Vacancy& vacancy : vacancies) vacancy.partners = partners;
  return vacancies;
}

Vacancy set_vacancy_stage(Database& db, const Principal& actor, std::int64_t id, std::int64_t vacancy_id, VacancyStage stage) {
  require_hr(actor);
  Vacancy updated = db.transaction([&](soci::session& sql) {
    const Reorganisation reorganisation = existing(sql, actor, id);
    auto found = select_vacancies(sql, actor.municipality_id, id, vacancy_id);
    if (found.empty()) fail_not_found("Vacature");
    const Vacancy before = found.front();
    const bool closed = before.stage == VacancyStage::Filled || before.stage == VacancyStage::Withdrawn;
    const bool forward = static_cast<int>(stage) > static_cast<int>(before.stage);
    if (closed || !forward) {
      fail(ErrorKind::conflict, "stage_backwards",
           closed ? "Deze vacature is al vervuld of ingetrokken"
                  : "Een vacature gaat alleen vooruit: eerst intern, dan bij de samenwerkende gemeenten, dan extern", "stage");
    }
    long long key = vacancy_id, m = actor.municipality_id;
    std::string text(to_string(stage)), by = actor.username, at = utc_now_iso();
    Statement update(sql);
    update.use(text).use(by).use(at).use(key).use(m)
        .prepare("UPDATE placement_vacancies SET stage = :s, updated_by = :b, updated_at = :a WHERE id = :id AND municipality_id = :m");
    update.run();
    Vacancy after = select_vacancies(sql, actor.municipality_id, id, vacancy_id).front();
    record_audit(sql, actor, "update", "vacancy", fmt::format("{}/{}/{}", reorganisation.code, before.function_code, before.position_id),
                 vacancy_json(before), vacancy_json(after));
    return after;
  });
  updated.partners = partner_codes(db, actor);
  return updated;
}

// --- Objections ----------------------------------------------------------------------------------------

std::string_view to_string(ObjectionStatus status) {
  switch (status) {
    case ObjectionStatus::Received: return "received";
    case ObjectionStatus::InReview: return "in_review";
    case ObjectionStatus::Upheld: return "upheld";
    case ObjectionStatus::Rejected: return "rejected";
    case ObjectionStatus::Withdrawn: return "withdrawn";
  }
  return "received";
}

std::optional<ObjectionStatus> objection_status_from_string(std::string_view text) {
  for (ObjectionStatus status : {ObjectionStatus::Received, ObjectionStatus::InReview, ObjectionStatus::Upheld, ObjectionStatus::Rejected,
                                 ObjectionStatus::Withdrawn}) {
    if (to_string(status) == text) return status;
  }
  return std::nullopt;
}

std::vector<Objection> list_objections(Database& db, const Principal& actor, std::int64_t id) {
  auto sql = db.lease();
  if (actor.role == Role::employee) {
    visible(*sql, actor, id);
    return select_objections(*sql, actor.municipality_id, id, std::nullopt, actor.person_id.value_or(0));
  }
  require_hr(actor);
  existing(*sql, actor, id);
  return select_objections(*sql, actor.municipality_id, id, std::nullopt, std::nullopt);
}

Objection register_objection(Database& db, const Principal& actor, std::int64_t id, std::optional<std::int64_t> person_id,
                             const std::string& grounds) {
  std::int64_t subject = 0;
  if (actor.role == Role::employee) {
    if (!actor.person_id) fail(ErrorKind::forbidden, "forbidden", "Dit account hoort bij geen medewerker");
    if (person_id && *person_id != *actor.person_id) fail_not_found("Medewerker");
    subject = *actor.person_id;
  } else {
    require_hr(actor);
    if (!person_id) fail_invalid("person_id", "Het veld 'person_id' ontbreekt", "missing_field");
    subject = *person_id;
  }
  const std::string text = trimmed(grounds);
  if (text.empty()) fail_invalid("grounds", "Vermeld de gronden van het bezwaar", "grounds_required");
  if (text.size() > kMaxText) fail_invalid("grounds", fmt::format("De gronden zijn hooguit {} tekens", kMaxText));
  const std::int64_t objection_id = db.transaction([&](soci::session& sql) {
    lock_reorganisation(sql, actor.municipality_id, id);
    Reorganisation reorganisation = actor.role == Role::employee ? visible(sql, actor, id) : existing(sql, actor, id);
    if (!reorganisation.confirmed_run_id) {
      fail(ErrorKind::conflict, "no_confirmed_result", "Bezwaar kan pas worden gemaakt tegen een bevestigde uitkomst");
    }
    const RunHeadline run = select_headline(sql, actor, id, *reorganisation.confirmed_run_id);
    const auto rows = select_run_people(sql, actor.municipality_id, run.id, subject);
    if (rows.empty()) fail_not_found("Medewerker in de bevestigde uitkomst");
    for (const Objection& objection : select_objections(sql, actor.municipality_id, id, std::nullopt, subject)) {
      if (!is_closed(objection.status)) {
        fail(ErrorKind::conflict, "objection_open", "Voor deze medewerker loopt al een bezwaar; werk dat bij in plaats van een nieuw te openen");
      }
    }
    const json::object explanation = parse_stored(given(run, rows.front().explanation_json).explanation_json).as_object();
    long long m = actor.municipality_id, r = id, run_id = run.id, person = subject, new_id = 0;
    std::string number = rows.front().personnel_number, name(explanation.at("name").as_string()), status = "received",
                snapshot = serialize(explanation), by = actor.username, at = utc_now_iso(), body = text;
    Statement insert(sql);
    insert.use(m).use(r).use(run_id).use(person).use(number).use(name).use(body).use(status).use(snapshot).use(by).use(at).use(by).use(at)
        .into(new_id)
        .prepare("INSERT INTO placement_objections (municipality_id, reorganisation_id, run_id, person_id, personnel_number, name, grounds, "
                 "status, explanation_json, registered_by, registered_at, updated_by, updated_at) VALUES (:m, :r, :run, :p, :pn, :n, :g, :s, "
                 ":e, :b, :a, :ub, :ua) RETURNING id");
    insert.run();
    const Objection created = select_objections(sql, actor.municipality_id, id, new_id, std::nullopt).front();
    record_audit(sql, actor, "create", "objection", fmt::format("{}/{}", reorganisation.code, number), "", objection_json(created));
    return static_cast<std::int64_t>(new_id);
  });
  auto sql = db.lease();
  return select_objections(*sql, actor.municipality_id, id, objection_id, std::nullopt).front();
}

Objection update_objection(Database& db, const Principal& actor, std::int64_t id, std::int64_t objection_id, ObjectionStatus status,
                           const std::string& response) {
  require_hr(actor);
  const std::string text = trimmed(response);
  if ((status == ObjectionStatus::Upheld || status == ObjectionStatus::Rejected) && text.empty()) {
    fail_invalid("response", "Een beslissing op bezwaar heeft een motivering nodig", "response_required");
  }
  if (text.size() > kMaxText) fail_invalid("response", fmt::format("De reactie is hooguit {} tekens", kMaxText));
  return db.transaction([&](soci::session& sql) {
    const Reorganisation reorganisation = existing(sql, actor, id);
    auto found = select_objections(sql, actor.municipality_id, id, objection_id, std::nullopt);
    if (found.empty()) fail_not_found("Bezwaar");
    const Objection before = found.front();
    if (is_closed(before.status)) {
      fail(ErrorKind::conflict, "objection_closed", fmt::format("Op dit bezwaar is al beslist ({})", to_string(before.status)), "status");
    }
    long long key = objection_id, m = actor.municipality_id;
    std::string state(to_string(status)), by = actor.username, at = utc_now_iso(), body = text;
    Statement update(sql);
    update.use(state).use(body).use(by).use(at).use(key).use(m)
        .prepare("UPDATE placement_objections SET status = :s, response = :r, updated_by = :b, updated_at = :a WHERE id = :id AND municipality_id = :m");
    update.run();
    Objection after = select_objections(sql, actor.municipality_id, id, objection_id, std::nullopt).front();
    record_audit(sql, actor, "update", "objection", fmt::format("{}/{}", reorganisation.code, before.personnel_number), objection_json(before),
                 objection_json(after));
    return after;
  });
}

}  // namespace kwm::store
