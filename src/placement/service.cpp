#include "placement/service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/error.hpp"
#include "org/formation.hpp"
#include "placement/access.hpp"
#include "placement/procedure/explanation.hpp"
#include "placement/procedure/records.hpp"

namespace kwm::placement {
namespace {

namespace pp = procedure;

constexpr std::size_t kMaxMotivation = 2000;
constexpr std::size_t kMaxText = 5000;

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

void require_open(const Reorganisation& reorganisation) {
  if (!reorganisation.confirmed()) return;
  fail(ErrorKind::conflict, "reorganisation_confirmed",
       fmt::format("De uitkomst van reorganisatie ‘{}’ is al bevestigd; er kan niets meer aan worden gewijzigd", reorganisation.code));
}

void require_text_length(const std::string& text, std::string_view field, std::string_view what) {
  if (text.size() > kMaxText) fail_invalid(std::string(field), fmt::format("{} is hooguit {} tekens", what, kMaxText));
}

Reorganisation existing(Reader& reader, std::int64_t id) {
  auto found = reader.reorganisation(id);
  if (!found) fail_not_found("Reorganisatie");
  return std::move(*found);
}

// The formation now, with the codes and names of the reorganisation's units filled in.
Formation formation_of(Reader& reader, Reorganisation& reorganisation) {
  Formation formation = reader.formation(reorganisation.old_unit.id, reorganisation.new_unit.id);
  for (UnitRef* ref : {&reorganisation.old_unit, &reorganisation.new_unit}) {
    if (const auto it = formation.units.find(ref->id); it != formation.units.end()) {
      ref->code = it->second.code;
      ref->name = it->second.name;
    }
  }
  return formation;
}

pp::Employee employee_of(const org::Person& person) {
  pp::Employee employee;
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

pp::NewPosition position_of(const Formation& formation, const org::Position& line, const pp::Settings& settings) {
  pp::NewPosition position;
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
  position.slots = settings.slots_for(line.id).value_or(pp::default_slots(line.fte));
  return position;
}

std::vector<pp::NewPosition> new_positions(const Formation& formation, const pp::Settings& settings) {
  std::vector<pp::NewPosition> positions;
  for (const org::Position& line : formation.positions) positions.push_back(position_of(formation, line, settings));
  return positions;
}

// The counts shown with the reorganisation. Only those still in the old formation count as having
// responded: someone who left no longer owes an answer.
void add_counts(Reader& reader, Reorganisation& reorganisation, const Formation& formation) {
  reorganisation.employees = static_cast<std::int64_t>(formation.employees.size());
  reorganisation.positions = static_cast<std::int64_t>(formation.positions.size());
  reorganisation.responded = 0;
  for (std::int64_t person : reader.responded(reorganisation.id)) reorganisation.responded += formation.employee(person) ? 1 : 0;
}

// An employee is concerned by a reorganisation whose old formation holds them, or one whose runs placed them.
bool concerned(Reader& reader, const Reach& reach, const Reorganisation& reorganisation, const Formation& formation) {
  if (reach.scope != Scope::own_record) return true;
  if (!reach.person_id) return false;
  return formation.employee(*reach.person_id) != nullptr || reader.ran_for(reorganisation.id, *reach.person_id);
}

// The reorganisation within the caller's reach, with its formation; not_found otherwise.
std::pair<Reorganisation, Formation> reachable(Reader& reader, const Reach& reach, std::int64_t id) {
  Reorganisation reorganisation = existing(reader, id);
  Formation formation = formation_of(reader, reorganisation);
  if (!concerned(reader, reach, reorganisation, formation)) fail_not_found("Reorganisatie");
  return {std::move(reorganisation), std::move(formation)};
}

// HR sees a reorganisation whole; everyone else in outline.
ReorganisationView view_of(const Reorganisation& reorganisation, Scope scope) {
  if (scope == Scope::organisation) return reorganisation;
  return ReorganisationOutline{reorganisation.id,
                               reorganisation.code,
                               reorganisation.name,
                               reorganisation.confirmed(),
                               reorganisation.preference_deadline,
                               reorganisation.effective_date,
                               reorganisation.max_preferences};
}

// --- Function mapping ----------------------------------------------------------------------------------

std::vector<pp::FunctionLevel> function_levels(const Formation& formation, const std::set<std::int64_t>& ids,
                                               const CompetencyProfiles* profiles) {
  std::vector<pp::FunctionLevel> levels;
  for (std::int64_t id : ids) {
    const auto function = formation.functions.find(id);
    if (function == formation.functions.end()) continue;
    pp::FunctionLevel level{id, function->second.code, function->second.name, function->second.level, function->second.status, std::nullopt};
    if (profiles) {
      if (const auto profile = profiles->by_function.find(id); profile != profiles->by_function.end()) level.profile = profile->second;
    }
    levels.push_back(std::move(level));
  }
  std::sort(levels.begin(), levels.end(),
            [](const pp::FunctionLevel& a, const pp::FunctionLevel& b) { return std::tie(a.code, a.level) < std::tie(b.code, b.level); });
  return levels;
}

// Every old × new pair of the formation as it is now: stored, or not yet proposed.
MappingView mapping_view(Reader& reader, const Reorganisation& reorganisation, const Formation& formation) {
  MappingView view;
  view.confirmed = reorganisation.mapping_confirmed;
  std::map<std::pair<std::int64_t, std::int64_t>, pp::MappingPair> stored;
  for (pp::MappingPair& pair : reader.mapping_pairs(reorganisation.id)) {
    stored[{pair.old_function_id, pair.new_function_id}] = std::move(pair);
  }
  std::map<std::int64_t, std::int64_t> holders;
  for (const org::Person& person : formation.employees)
    if (person.function_id) ++holders[*person.function_id];
  const auto old_levels = function_levels(formation, formation.old_function_ids(), nullptr);
  const auto new_levels = function_levels(formation, formation.new_function_ids(), nullptr);
  for (const pp::FunctionLevel& level : old_levels) {
    for (const pp::FunctionLevel& target : new_levels) {
      const auto it = stored.find({level.function_id, target.function_id});
      if (it != stored.end()) {
        view.pairs.push_back(it->second);
        continue;
      }
      view.pairs.push_back(pp::MappingPair{level.function_id, target.function_id, pp::FunctionMatch::None, std::nullopt,
                                           {"Nog niet voorgesteld: deze functie kwam er na het laatste voorstel bij. Laat de "
                                            "koppeling opnieuw voorstellen of stel hem zelf vast."},
                                           pp::FunctionMatch::None});
    }
  }
  const pp::FunctionMapping mapping(view.pairs);
  for (const pp::FunctionLevel& level : old_levels) {
    view.old_functions.push_back({level.function_id, level.code, level.name, level.level, holders[level.function_id]});
  }
  for (const pp::FunctionLevel& level : new_levels) {
    view.new_functions.push_back({level.function_id, level.code, level.name, level.level, mapping.continues(level.function_id)});
  }
  return view;
}

std::vector<pp::MappingPair> proposal(const Formation& formation, const CompetencyProfiles& profiles) {
  return pp::propose_mapping(function_levels(formation, formation.old_function_ids(), &profiles),
                             function_levels(formation, formation.new_function_ids(), &profiles));
}

// --- Reorganisation input ------------------------------------------------------------------------------

bool valid_code(std::string_view code) {
  if (code.empty() || code.size() > 32) return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

// The settings a new or changed reorganisation keeps: as given, else the current ones, else the defaults
// with up to three bonuses (fewer when fewer preferences may be stated).
pp::Settings settings_of(const ReorganisationInput& input, const std::optional<pp::Settings>& current) {
  pp::Settings settings;
  if (input.settings) {
    settings = *input.settings;
  } else if (current) {
    settings = *current;
  } else {
    settings.preference_bonus.resize(std::min<std::size_t>(settings.preference_bonus.size(),
                                                           static_cast<std::size_t>(std::max(input.max_preferences, 0))));
  }
  pp::name_rounds(settings);
  return settings;
}

void check_input(Transaction& tx, const ReorganisationInput& input, const pp::Settings& settings) {
  if (!valid_code(input.code)) fail_invalid("code", "De code van een reorganisatie is 1 tot 32 tekens: letters, cijfers, '-' en '_'");
  if (input.max_preferences < 1 || input.max_preferences > pp::kMaxPreferencesLimit) {
    fail_invalid("max_preferences", fmt::format("Het aantal voorkeuren is 1 tot en met {}", pp::kMaxPreferencesLimit));
  }
  if (trimmed(input.name).empty() || input.name.size() > 200) {
    fail_invalid("name", "De naam van de reorganisatie is verplicht (hooguit 200 tekens)");
  }
  const Formation formation = tx.formation(input.old_unit_id, input.new_unit_id);
  if (!formation.units.contains(input.old_unit_id)) fail_invalid("old_unit_id", "De eenheid van de oude formatie bestaat niet in deze gemeente");
  if (!formation.units.contains(input.new_unit_id)) fail_invalid("new_unit_id", "De eenheid van de nieuwe formatie bestaat niet in deze gemeente");
  if (input.effective_date < input.preference_deadline) {
    fail_invalid("effective_date", "De ingangsdatum van de nieuwe formatie ligt niet vóór de uiterste datum voor voorkeuren");
  }
  pp::validate(settings, input.max_preferences);
  if (settings.slots.empty()) return;
  std::vector<std::int64_t> ids;
  for (const org::Position& position : formation.positions) ids.push_back(position.id);
  pp::check_slot_overrides(settings, ids);
}

void apply_input(Reorganisation& reorganisation, const ReorganisationInput& input, pp::Settings settings) {
  reorganisation.code = input.code;
  reorganisation.name = trimmed(input.name);
  reorganisation.old_unit = UnitRef{input.old_unit_id, "", ""};
  reorganisation.new_unit = UnitRef{input.new_unit_id, "", ""};
  reorganisation.preference_deadline = input.preference_deadline;
  reorganisation.effective_date = input.effective_date;
  reorganisation.max_preferences = input.max_preferences;
  reorganisation.assessment_round = input.assessment_round;
  reorganisation.settings = std::move(settings);
}

// --- Preferences --------------------------------------------------------------------------------------

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

// --- Suitability ---------------------------------------------------------------------------------------

// Everything the rules need, loaded as it is now, and every pair assessed. Not movable: the suitabilities
// point into the input.
struct Assessed {
  pp::ProcedureInput input;
  std::optional<pp::Suitabilities> suitabilities;
  std::vector<pp::PlannedRound> rounds;
  Assessed() = default;
  Assessed(const Assessed&) = delete;
  Assessed& operator=(const Assessed&) = delete;
};

// The competency results the reorganisation may use: only those purpose limitation admits.
pp::CompetencyEvidence evidence_of(Repository& repository, const Principal& caller, const std::string& round) {
  CompetencyProfiles profiles = repository.competency_profiles(caller);
  pp::CompetencyEvidence evidence;
  evidence.round_code = round;
  evidence.names = std::move(profiles.names);
  evidence.profiles = std::move(profiles.by_function);
  if (round.empty()) return evidence;
  auto admitted = repository.selection_evidence(caller, round);
  if (!admitted) {
    fail(ErrorKind::conflict, "assessment_round_missing",
         fmt::format("Assessmentronde ‘{}’ van deze reorganisatie bestaat niet meer; kies een andere ronde of geen", round), "assessment_round");
  }
  evidence.admitted = std::move(admitted->admitted);
  evidence.refused = std::move(admitted->refused);
  return evidence;
}

std::unique_ptr<Assessed> assess(Repository& repository, const Principal& caller, std::int64_t id) {
  auto assessed = std::make_unique<Assessed>();
  pp::ProcedureInput& input = assessed->input;
  std::string round;
  repository.read(caller.municipality_id, [&](Reader& reader) {
    Reorganisation reorganisation = existing(reader, id);
    const Formation formation = formation_of(reader, reorganisation);
    round = reorganisation.assessment_round;
    input.settings = reorganisation.settings;
    input.max_preferences = reorganisation.max_preferences;
    input.effective_date = reorganisation.effective_date;
    for (const org::Person& person : formation.employees) input.employees.push_back(employee_of(person));
    input.positions = new_positions(formation, reorganisation.settings);
    input.mapping = pp::FunctionMapping(mapping_view(reader, reorganisation, formation).pairs);

    // What was entered about people or functions that have since left the reorganisation no longer counts.
    std::set<std::int64_t> people, functions = formation.new_function_ids(), positions;
    for (const org::Person& person : formation.employees) people.insert(person.id);
    for (const org::Position& position : formation.positions) positions.insert(position.id);
    for (const pp::Preference& preference : reader.preferences(id)) {
      if (people.contains(preference.person_id) && functions.contains(preference.function_id)) input.preferences.push_back(preference);
    }
    // Ranks stay consecutive when a choice dropped out.
    std::map<std::int64_t, int> next_rank;
    for (pp::Preference& preference : input.preferences) preference.rank = ++next_rank[preference.person_id];
    for (const InterviewRow& row : reader.interviews(id)) {
      if (people.contains(row.person_id) && functions.contains(row.function_id)) input.interviews.push_back({row.person_id, row.function_id, row.score});
    }
    for (const AppraisalRow& row : reader.appraisals(id)) {
      if (people.contains(row.person_id)) input.appraisals.push_back({row.person_id, row.score, row.date});
    }
    for (const PairDecisionRow& row : reader.pair_decisions(id)) {
      if (people.contains(row.person_id) && positions.contains(row.position_id)) {
        input.decisions.push_back({row.person_id, row.position_id, row.decision, row.reason});
      }
    }
  });
  input.competencies = evidence_of(repository, caller, round);
  assessed->suitabilities.emplace(pp::assess(input));
  const bool has_locks = std::any_of(input.decisions.begin(), input.decisions.end(),
                                     [](const pp::PairDecision& d) { return d.decision == pp::Decision::Lock; });
  assessed->rounds = pp::planned_rounds(input.settings, has_locks);
  return assessed;
}

// The run the engine makes of the data as it is now, with a record and an explanation per employee.
NewRun compute_run(const Assessed& assessed, const std::string& note) {
  const pp::Suitabilities& suitabilities = *assessed.suitabilities;
  const pp::ProcedureInput& input = assessed.input;
  const pp::RunResult result = pp::run(suitabilities);
  const std::vector<pp::Explanation> explanations = pp::explain(suitabilities, result);
  NewRun run;
  run.note = note;
  run.max_preferences = input.max_preferences;
  run.settings = input.settings;
  run.rounds = pp::round_records(result);
  run.open_slots = pp::open_slots(input, result);
  std::vector<pp::RunPerson> people;
  for (const pp::Explanation& explanation : explanations) {
    const pp::Employee& employee = input.employees[explanation.employee];
    RunPersonRow row;
    row.person = pp::RunPerson{employee.person_id, employee.unit_code, employee.unit_name, employee.fte, employee.contract,
                               employee.education, explanation.placement.has_value(), std::nullopt, std::nullopt};
    row.personnel_number = employee.personnel_number;
    row.name = employee.name;
    if (explanation.placement) {
      row.person.preference_rank = explanation.placement->preference_rank;
      row.person.suitability_centi = explanation.placement->suitability_centi;
      row.position_id = input.positions[explanation.placement->position].position_id;
      row.placement = pp::placement_record(suitabilities, result, *explanation.placement);
    } else {
      row.surplus = pp::surplus_record(suitabilities, result, explanation);
    }
    row.explanation = pp::explanation_record(suitabilities, result, explanation);
    people.push_back(row.person);
    run.people.push_back(std::move(row));
  }
  std::int64_t open_slots = 0;
  for (std::int64_t open : result.open_after) open_slots += open;
  run.figures = pp::figures_of(people, input.max_preferences, open_slots);
  return run;
}

// --- Runs, explanations, vacancies ---------------------------------------------------------------------

RunHeadline existing_run(Reader& reader, std::int64_t id, std::int64_t run_id) {
  auto run = reader.run(id, run_id);
  if (!run) fail_not_found("Plaatsingsrun");
  return std::move(*run);
}

// The explanation as stored, with the run and its confirmation: the form an employee, HR and an objection
// all see.
GivenExplanation given(const RunHeadline& run, const pp::ExplanationRecord& explanation) {
  GivenExplanation shown{run.id, std::nullopt, explanation};
  if (run.confirmed) shown.confirmed = ByWhom{run.confirmed_by, run.confirmed_at};
  return shown;
}

RunSummary summary_of(Reader& reader, std::int64_t id, std::int64_t run_id, Scope scope) {
  const RunHeadline run = existing_run(reader, id, run_id);
  std::vector<pp::RunPerson> people;
  for (RunPersonRow& row : reader.run_people(run_id)) people.push_back(std::move(row.person));
  const std::int64_t min_group = scope == Scope::aggregates ? pp::kMinGroupForAggregates : 0;
  const pp::Summary summary = pp::summarise(people, run.max_preferences, run.figures.open_slots, min_group);
  return RunSummary{run.id, run.number, run.confirmed, summary.figures, pp::groups_of(summary)};
}

std::vector<std::string> partner_codes(Repository& repository, const Principal& caller) {
  std::vector<std::string> codes;
  if (const auto municipality = repository.municipality(caller.municipality_code)) {
    for (const org::Cooperation& cooperation : municipality->cooperations)
      for (const std::string& code : cooperation.partner_codes)
        if (code != municipality->code && std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  }
  std::sort(codes.begin(), codes.end());
  return codes;
}

std::optional<pp::FunctionMatch> match_of(std::string_view text) { return pp::function_match_from_string(text); }

}  // namespace

// --- Formation -----------------------------------------------------------------------------------------

const org::Person* Formation::employee(std::int64_t person_id) const {
  for (const org::Person& person : employees)
    if (person.id == person_id) return &person;
  return nullptr;
}

const org::Position* Formation::position(std::int64_t position_id) const {
  for (const org::Position& line : positions)
    if (line.id == position_id) return &line;
  return nullptr;
}

std::set<std::int64_t> Formation::new_function_ids() const {
  std::set<std::int64_t> ids;
  for (const org::Position& line : positions) ids.insert(line.function_id);
  return ids;
}

std::set<std::int64_t> Formation::old_function_ids() const {
  std::set<std::int64_t> ids;
  for (const org::Person& person : employees)
    if (person.function_id) ids.insert(*person.function_id);
  return ids;
}

bool is_closed(ObjectionStatus status) {
  return status == ObjectionStatus::Upheld || status == ObjectionStatus::Rejected || status == ObjectionStatus::Withdrawn;
}

Service::Service(std::shared_ptr<Repository> repository) : repository_(std::move(repository)) {}

// --- Reorganisations -----------------------------------------------------------------------------------

std::vector<ReorganisationView> Service::list_reorganisations(const Principal& caller) const {
  const Scope scope = access::read_reorganisations.require(caller);
  const Reach reach = reach_of(caller, scope);
  std::vector<ReorganisationView> views;
  repository_->read(caller.municipality_id, [&](Reader& reader) {
    for (Reorganisation& reorganisation : reader.reorganisations()) {
      const Formation formation = formation_of(reader, reorganisation);
      if (!concerned(reader, reach, reorganisation, formation)) continue;
      add_counts(reader, reorganisation, formation);
      views.push_back(view_of(reorganisation, scope));
    }
  });
  return views;
}

ReorganisationView Service::get_reorganisation(const Principal& caller, std::int64_t id) const {
  const Scope scope = access::read_reorganisations.require(caller);
  std::optional<ReorganisationView> view;
  repository_->read(caller.municipality_id, [&](Reader& reader) {
    auto [reorganisation, formation] = reachable(reader, reach_of(caller, scope), id);
    add_counts(reader, reorganisation, formation);
    view = view_of(reorganisation, scope);
  });
  return std::move(*view);
}

std::int64_t Service::create_reorganisation(const Principal& caller, const ReorganisationInput& input) const {
  access::write_reorganisations.require(caller);
  const pp::Settings settings = settings_of(input, std::nullopt);
  if (!input.assessment_round.empty() && !repository_->assessment_round_exists(caller, input.assessment_round)) {
    fail_invalid("assessment_round", fmt::format("Assessmentronde ‘{}’ bestaat niet in deze gemeente", input.assessment_round),
                 "unknown_round");
  }
  const CompetencyProfiles profiles = repository_->competency_profiles(caller);
  std::int64_t id = 0;
  repository_->write(caller, [&](Transaction& tx) {
    check_input(tx, input, settings);
    if (tx.reorganisation_code_taken(input.code)) {
      fail(ErrorKind::conflict, "reorganisation_exists", fmt::format("Er is al een reorganisatie met code ‘{}’", input.code), "code");
    }
    Reorganisation created;
    apply_input(created, input, settings);
    created.created_by = caller.username;
    created.created_at = tx.now();
    id = tx.insert(created);
    created = existing(tx, id);
    const Formation formation = formation_of(tx, created);
    tx.save_mapping(created, std::nullopt, StoredMapping{std::nullopt, proposal(formation, profiles)});
  });
  return id;
}

void Service::update_reorganisation(const Principal& caller, std::int64_t id, const ReorganisationInput& input) const {
  access::write_reorganisations.require(caller);
  if (!input.assessment_round.empty() && !repository_->assessment_round_exists(caller, input.assessment_round)) {
    fail_invalid("assessment_round", fmt::format("Assessmentronde ‘{}’ bestaat niet in deze gemeente", input.assessment_round),
                 "unknown_round");
  }
  repository_->write(caller, [&](Transaction& tx) {
    const Reorganisation before = existing(tx, id);
    require_open(before);
    if (input.code != before.code) fail_invalid("code", "De code van een reorganisatie kan niet veranderen", "code_changed");
    const pp::Settings settings = settings_of(input, before.settings);
    check_input(tx, input, settings);
    Reorganisation after = before;
    apply_input(after, input, settings);
    // A different formation invalidates the confirmed mapping: it may lack pairs it now needs.
    if (input.old_unit_id != before.old_unit.id || input.new_unit_id != before.new_unit.id) after.mapping_confirmed.reset();
    tx.update(before, after);
  });
}

ScopeView Service::scope(const Principal& caller, std::int64_t id) const {
  access::read_scope.require(caller);
  ScopeView scope;
  repository_->read(caller.municipality_id, [&](Reader& reader) {
    Reorganisation reorganisation = existing(reader, id);
    const Formation formation = formation_of(reader, reorganisation);
    for (const org::Person& person : formation.employees) scope.employees.push_back(employee_of(person));
    scope.positions = new_positions(formation, reorganisation.settings);
  });
  return scope;
}

std::vector<NewFunction> Service::new_functions(const Principal& caller, std::int64_t id) const {
  const Scope scope = access::read_reorganisations.require(caller);
  std::map<std::int64_t, NewFunction> by_id;
  repository_->read(caller.municipality_id, [&](Reader& reader) {
    const auto [reorganisation, formation] = reachable(reader, reach_of(caller, scope), id);
    const pp::FunctionMapping mapping(mapping_view(reader, reorganisation, formation).pairs);
    for (const pp::NewPosition& position : new_positions(formation, reorganisation.settings)) {
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
  });
  std::vector<NewFunction> functions;
  for (auto& [key, function] : by_id) functions.push_back(std::move(function));
  std::sort(functions.begin(), functions.end(),
            [](const NewFunction& a, const NewFunction& b) { return std::tie(a.code, a.level) < std::tie(b.code, b.level); });
  return functions;
}

// --- Function mapping ----------------------------------------------------------------------------------

MappingView Service::function_mapping(const Principal& caller, std::int64_t id) const {
  access::read_mapping.require(caller);
  MappingView view;
  repository_->read(caller.municipality_id, [&](Reader& reader) {
    Reorganisation reorganisation = existing(reader, id);
    view = mapping_view(reader, reorganisation, formation_of(reader, reorganisation));
  });
  return view;
}

MappingView Service::propose_function_mapping(const Principal& caller, std::int64_t id) const {
  access::write_mapping.require(caller);
  const CompetencyProfiles profiles = repository_->competency_profiles(caller);
  repository_->write(caller, [&](Transaction& tx) {
    Reorganisation reorganisation = existing(tx, id);
    require_open(reorganisation);
    const Formation formation = formation_of(tx, reorganisation);
    const MappingView before = mapping_view(tx, reorganisation, formation);
    tx.save_mapping(reorganisation, StoredMapping{before.confirmed, before.pairs}, StoredMapping{std::nullopt, proposal(formation, profiles)});
  });
  return function_mapping(caller, id);
}

MappingView Service::confirm_function_mapping(const Principal& caller, std::int64_t id, const MappingChoices& choices) const {
  access::write_mapping.require(caller);
  repository_->write(caller, [&](Transaction& tx) {
    Reorganisation reorganisation = existing(tx, id);
    require_open(reorganisation);
    const MappingView before = mapping_view(tx, reorganisation, formation_of(tx, reorganisation));
    std::vector<pp::MappingPair> pairs = before.pairs;
    for (pp::MappingPair& pair : pairs) pair.match = pair.proposed;
    std::set<std::pair<std::int64_t, std::int64_t>> seen;
    for (std::size_t i = 0; i < choices.pairs.size(); ++i) {
      const MatchChoice& choice = choices.pairs[i];
      const auto match = match_of(choice.match);
      if (!match) {
        fail_invalid(fmt::format("pairs[{}].match", i),
                     fmt::format("Onbekende koppeling '{}'; kies exchangeable, equivalent, suitable of none", choice.match), "invalid_match");
      }
      const auto pair = std::find_if(pairs.begin(), pairs.end(), [&](const pp::MappingPair& p) {
        return p.old_function_id == choice.old_function_id && p.new_function_id == choice.new_function_id;
      });
      if (pair == pairs.end()) {
        fail_invalid(fmt::format("pairs[{}].new_function_id", i),
                     "Deze combinatie van een oude en een nieuwe functie komt in deze reorganisatie niet voor", "unknown_pair");
      }
      if (!seen.insert({choice.old_function_id, choice.new_function_id}).second) {
        fail_invalid(fmt::format("pairs[{}].new_function_id", i), "Deze combinatie staat twee keer in de lijst", "duplicate_pair");
      }
      pair->match = *match;
    }
    tx.save_mapping(reorganisation, StoredMapping{before.confirmed, before.pairs},
                    StoredMapping{ByWhom{caller.username, tx.now()}, std::move(pairs)});
  });
  return function_mapping(caller, id);
}

// --- Preferences ---------------------------------------------------------------------------------------

namespace {

OwnPreferences own_view(const Reorganisation& reorganisation, PreferenceSheet sheet) {
  return OwnPreferences{reorganisation.id,
                        reorganisation.preference_deadline,
                        !reorganisation.confirmed() && Date::today() <= reorganisation.preference_deadline,
                        reorganisation.max_preferences,
                        std::move(sheet.preferences),
                        sheet.updated_at};
}

// Stores the person's choices under the rules and returns the sheet as stored; `not_found_as` names what a
// person outside the old formation is reported as.
std::pair<Reorganisation, PreferenceSheet> save_preferences(Repository& repository, const Principal& caller, std::int64_t id,
                                                            std::int64_t person_id, const PreferenceChoices& choices,
                                                            std::string_view not_found_as) {
  std::optional<std::pair<Reorganisation, PreferenceSheet>> saved;
  repository.write(caller, [&](Transaction& tx) {
    Reorganisation reorganisation = existing(tx, id);
    const Formation formation = formation_of(tx, reorganisation);
    const org::Person* person = formation.employee(person_id);
    if (!person) fail_not_found(std::string(not_found_as));
    require_open(reorganisation);
    if (Date::today() > reorganisation.preference_deadline) {
      fail(ErrorKind::conflict, "deadline_passed",
           fmt::format("Voorkeuren konden tot en met {} worden opgegeven; die termijn is verstreken", reorganisation.preference_deadline.iso()));
    }
    check_choices(reorganisation, formation, choices.preferences);
    std::vector<PreferenceChoice> clean = choices.preferences;
    for (PreferenceChoice& choice : clean) choice.motivation = trimmed(choice.motivation);
    tx.save_preferences(reorganisation, tx.preference_sheet(id, *person), clean);
    saved.emplace(reorganisation, tx.preference_sheet(id, *person));
  });
  return std::move(*saved);
}

}  // namespace

OwnPreferences Service::own_preferences(const Principal& caller, std::int64_t id) const {
  const Reach reach = reach_of(caller, access::own_preferences.require(caller));
  if (reach.reaches_nothing()) fail_not_found("Reorganisatie");
  std::optional<OwnPreferences> own;
  repository_->read(caller.municipality_id, [&](Reader& reader) {
    Reorganisation reorganisation = existing(reader, id);
    const Formation formation = formation_of(reader, reorganisation);
    const org::Person* person = formation.employee(*reach.person_id);
    if (!person) fail_not_found("Reorganisatie");
    own = own_view(reorganisation, reader.preference_sheet(id, *person));
  });
  return std::move(*own);
}

OwnPreferences Service::save_own_preferences(const Principal& caller, std::int64_t id, const PreferenceChoices& choices) const {
  const Reach reach = reach_of(caller, access::own_preferences.require(caller));
  if (reach.reaches_nothing()) fail_not_found("Reorganisatie");
  auto [reorganisation, sheet] = save_preferences(*repository_, caller, id, *reach.person_id, choices, "Reorganisatie");
  return own_view(reorganisation, std::move(sheet));
}

PreferenceSheet Service::save_preferences_for(const Principal& caller, std::int64_t id, std::int64_t person_id,
                                              const PreferenceChoices& choices) const {
  access::write_preferences.require(caller);
  return save_preferences(*repository_, caller, id, person_id, choices, "Medewerker").second;
}

PreferenceOverview Service::preferences(const Principal& caller, std::int64_t id, std::optional<bool> responded) const {
  access::read_preferences.require(caller);
  PreferenceOverview overview;
  repository_->read(caller.municipality_id, [&](Reader& reader) {
    Reorganisation reorganisation = existing(reader, id);
    const Formation formation = formation_of(reader, reorganisation);
    for (const org::Person& person : formation.employees) {
      PreferenceSheet sheet = reader.preference_sheet(id, person);
      (sheet.responded ? overview.responded : overview.not_responded) += 1;
      if (responded && *responded != sheet.responded) continue;
      overview.employees.push_back(std::move(sheet));
    }
  });
  return overview;
}

// --- Selection input -----------------------------------------------------------------------------------

std::vector<InterviewRow> Service::interview_scores(const Principal& caller, std::int64_t id) const {
  access::read_selection.require(caller);
  std::vector<InterviewRow> rows;
  repository_->read(caller.municipality_id, [&](Reader& reader) {
    existing(reader, id);
    rows = reader.interviews(id);
  });
  return rows;
}

std::vector<InterviewRow> Service::save_interview_scores(const Principal& caller, std::int64_t id, const InterviewScores& scores) const {
  access::write_selection.require(caller);
  repository_->write(caller, [&](Transaction& tx) {
    Reorganisation reorganisation = existing(tx, id);
    require_open(reorganisation);
    const Formation formation = formation_of(tx, reorganisation);
    const auto functions = formation.new_function_ids();
    for (std::size_t i = 0; i < scores.scores.size(); ++i) {
      const InterviewInput& input = scores.scores[i];
      const std::string field = fmt::format("scores[{}]", i);
      if (!formation.employee(input.person_id)) fail_invalid(field + ".person_id", "Deze medewerker valt niet onder de reorganisatie", "not_in_scope");
      if (!functions.contains(input.function_id)) {
        fail_invalid(field + ".function_id", "Deze functie komt niet voor in de nieuwe formatie", "not_in_new_formation");
      }
      if (input.score && !(*input.score >= 0.0 && *input.score <= pp::kInterviewMax)) {
        fail_invalid(field + ".score", "Een gespreksscore is een getal van 0 tot en met 10", "score_out_of_range");
      }
      if (input.note.size() > kMaxText) fail_invalid(field + ".note", fmt::format("Een toelichting is hooguit {} tekens", kMaxText));
    }
    const auto before = tx.interviews(id);
    const std::string at = tx.now();
    for (const InterviewInput& input : scores.scores) {
      const auto previous = std::find_if(before.begin(), before.end(), [&](const InterviewRow& row) {
        return row.person_id == input.person_id && row.function_id == input.function_id;
      });
      const std::optional<InterviewRow> was = previous == before.end() ? std::nullopt : std::optional<InterviewRow>(*previous);
      if (!input.score) {
        if (was) tx.remove(reorganisation, *was);
        continue;
      }
      const org::Person& person = *formation.employee(input.person_id);
      const org::Function& function = formation.functions.at(input.function_id);
      tx.save(reorganisation, was,
              InterviewRow{person.id, person.personnel_number, person.name, function.id, function.code, function.level, *input.score,
                           trimmed(input.note), caller.username, at});
    }
  });
  return interview_scores(caller, id);
}

std::vector<AppraisalRow> Service::appraisals(const Principal& caller, std::int64_t id) const {
  access::read_selection.require(caller);
  std::vector<AppraisalRow> rows;
  repository_->read(caller.municipality_id, [&](Reader& reader) {
    existing(reader, id);
    rows = reader.appraisals(id);
  });
  return rows;
}

std::vector<AppraisalRow> Service::save_appraisals(const Principal& caller, std::int64_t id, const Appraisals& appraisals) const {
  access::write_selection.require(caller);
  repository_->write(caller, [&](Transaction& tx) {
    Reorganisation reorganisation = existing(tx, id);
    require_open(reorganisation);
    const Formation formation = formation_of(tx, reorganisation);
    for (std::size_t i = 0; i < appraisals.appraisals.size(); ++i) {
      const AppraisalInput& input = appraisals.appraisals[i];
      const std::string field = fmt::format("appraisals[{}]", i);
      if (!formation.employee(input.person_id)) fail_invalid(field + ".person_id", "Deze medewerker valt niet onder de reorganisatie", "not_in_scope");
      if (!input.score) continue;
      if (*input.score < pp::kAppraisalMin || *input.score > pp::kAppraisalMax) {
        fail_invalid(field + ".score", "Een beoordeling is 1 (onvoldoende) tot en met 5 (uitstekend)", "score_out_of_range");
      }
      if (!input.date) fail_invalid(field + ".date", "Vermeld de datum van de beoordeling", "missing_field");
      if (*input.date > Date::today()) fail_invalid(field + ".date", "De datum van de beoordeling ligt in de toekomst");
    }
    const auto before = tx.appraisals(id);
    const std::string at = tx.now();
    for (const AppraisalInput& input : appraisals.appraisals) {
      const auto previous = std::find_if(before.begin(), before.end(), [&](const AppraisalRow& row) { return row.person_id == input.person_id; });
      const std::optional<AppraisalRow> was = previous == before.end() ? std::nullopt : std::optional<AppraisalRow>(*previous);
      if (!input.score) {
        if (was) tx.remove(reorganisation, *was);
        continue;
      }
      const org::Person& person = *formation.employee(input.person_id);
      tx.save(reorganisation, was,
              AppraisalRow{person.id, person.personnel_number, person.name, static_cast<int>(*input.score), *input.date, caller.username, at});
    }
  });
  return this->appraisals(caller, id);
}

// --- Suitability ---------------------------------------------------------------------------------------

SuitabilityPage Service::suitability(const Principal& caller, std::int64_t id, const SuitabilityFilter& filter, std::int64_t offset,
                                     std::int64_t limit) const {
  access::read_suitability.require(caller);
  const auto assessed = assess(*repository_, caller, id);
  SuitabilityPage page;
  for (const pp::PairSuitability& pair : assessed->suitabilities->pairs()) {
    if (filter.person_id && assessed->input.employees[pair.employee].person_id != *filter.person_id) continue;
    if (filter.position_id && assessed->input.positions[pair.position].position_id != *filter.position_id) continue;
    if (page.total >= offset && page.total < offset + limit) {
      page.items.push_back(pp::suitability_record(*assessed->suitabilities, pair, assessed->rounds));
    }
    ++page.total;
  }
  return page;
}

// --- Pair decisions ------------------------------------------------------------------------------------

std::vector<PairDecisionRow> Service::pair_decisions(const Principal& caller, std::int64_t id) const {
  access::read_pair_decisions.require(caller);
  std::vector<PairDecisionRow> rows;
  repository_->read(caller.municipality_id, [&](Reader& reader) {
    existing(reader, id);
    rows = reader.pair_decisions(id);
  });
  return rows;
}

PairDecisionRow Service::add_pair_decision(const Principal& caller, std::int64_t id, const PairDecisionInput& input) const {
  access::write_pair_decisions.require(caller);
  PairDecisionRow saved;
  repository_->write(caller, [&](Transaction& tx) {
    Reorganisation reorganisation = existing(tx, id);
    require_open(reorganisation);
    const Formation formation = formation_of(tx, reorganisation);
    const org::Person* person = formation.employee(input.person_id);
    if (!person) fail_invalid("person_id", "Deze medewerker valt niet onder de reorganisatie", "not_in_scope");
    const org::Position* line = formation.position(input.position_id);
    if (!line) fail_invalid("position_id", "Deze formatieplaats hoort niet bij de nieuwe formatie", "not_in_new_formation");
    const std::string why = trimmed(input.reason);
    if (why.empty()) fail_invalid("reason", "Leg uit waarom dit paar wordt vastgezet of uitgesloten", "reason_required");
    require_text_length(why, "reason", "Een reden");
    const auto decisions = tx.pair_decisions(id);
    if (input.decision == pp::Decision::Lock) {
      std::int64_t locks_here = 0;
      for (const PairDecisionRow& row : decisions) {
        if (row.decision != pp::Decision::Lock || (row.person_id == input.person_id && row.position_id == input.position_id)) continue;
        if (row.person_id == input.person_id) {
          fail(ErrorKind::conflict, "already_locked",
               fmt::format("{} is al vastgezet op een andere plaats ({} {}); hef dat eerst op", person->name, row.function_code, row.unit_code),
               "person_id");
        }
        if (row.position_id == input.position_id) ++locks_here;
      }
      const std::int64_t slots = position_of(formation, *line, reorganisation.settings).slots;
      if (locks_here + 1 > slots) {
        fail(ErrorKind::conflict, "no_slot_left",
             fmt::format("Deze formatieplaats heeft {} plaats(en), en die zijn al allemaal vastgezet", slots), "position_id");
      }
    }
    const auto previous = std::find_if(decisions.begin(), decisions.end(), [&](const PairDecisionRow& row) {
      return row.person_id == input.person_id && row.position_id == input.position_id;
    });
    saved = PairDecisionRow{0,          person->id,         person->personnel_number, person->name, line->id, line->unit_code,
                            line->function_code, line->level, input.decision,          why,          caller.username, tx.now()};
    saved.id = tx.save(reorganisation, previous == decisions.end() ? std::nullopt : std::optional<PairDecisionRow>(*previous), saved);
  });
  return saved;
}

void Service::remove_pair_decision(const Principal& caller, std::int64_t id, std::int64_t decision_id) const {
  access::write_pair_decisions.require(caller);
  repository_->write(caller, [&](Transaction& tx) {
    Reorganisation reorganisation = existing(tx, id);
    require_open(reorganisation);
    const auto decisions = tx.pair_decisions(id);
    const auto row = std::find_if(decisions.begin(), decisions.end(), [&](const PairDecisionRow& d) { return d.id == decision_id; });
    if (row == decisions.end()) fail_not_found("Vastgezet of uitgesloten paar");
    tx.remove(reorganisation, *row);
  });
}

// --- Runs ----------------------------------------------------------------------------------------------

std::int64_t Service::create_run(const Principal& caller, std::int64_t id, const RunNote& note) const {
  access::create_runs.require(caller);
  repository_->read(caller.municipality_id, [&](Reader& reader) {
    const Reorganisation reorganisation = existing(reader, id);
    require_open(reorganisation);
    if (!reorganisation.mapping_confirmed) {
      fail(ErrorKind::conflict, "mapping_not_confirmed",
           "Bevestig eerst de koppeling van oude aan nieuwe functies: ronde 1 en de passende functies hangen ervan af");
    }
  });
  require_text_length(note.note, "note", "Een notitie");
  const auto assessed = assess(*repository_, caller, id);
  const NewRun run = compute_run(*assessed, trimmed(note.note));
  std::int64_t run_id = 0;
  repository_->write(caller, [&](Transaction& tx) {
    tx.lock(id);
    const Reorganisation reorganisation = existing(tx, id);
    require_open(reorganisation);
    run_id = tx.insert(reorganisation, run);
  });
  return run_id;
}

std::vector<RunHeadline> Service::runs(const Principal& caller, std::int64_t id) const {
  access::read_runs.require(caller);
  std::vector<RunHeadline> runs;
  repository_->read(caller.municipality_id, [&](Reader& reader) {
    existing(reader, id);
    runs = reader.runs(id);
  });
  return runs;
}

RunDetail Service::run(const Principal& caller, std::int64_t id, std::int64_t run_id) const {
  access::read_run_details.require(caller);
  std::optional<RunDetail> detail;
  repository_->read(caller.municipality_id, [&](Reader& reader) {
    existing(reader, id);
    detail = reader.run_detail(id, run_id);
  });
  if (!detail) fail_not_found("Plaatsingsrun");
  return std::move(*detail);
}

void Service::confirm_run(const Principal& caller, std::int64_t id, std::int64_t run_id, const RunNote& note) const {
  access::confirm_runs.require(caller);
  require_text_length(note.note, "note", "Een notitie");
  repository_->write(caller, [&](Transaction& tx) {
    tx.lock(id);
    const Reorganisation reorganisation = existing(tx, id);
    const RunHeadline run = existing_run(tx, id, run_id);
    if (reorganisation.confirmed()) {
      fail(ErrorKind::conflict, "already_confirmed",
           run.confirmed ? "Deze run is al bevestigd" : "Er is al een andere run van deze reorganisatie bevestigd");
    }
    const ByWhom confirmed{caller.username, tx.now()};
    tx.confirm(reorganisation, run, confirmed, trimmed(note.note));
    // The slots the result leaves open become vacancies, offered inside the municipality first.
    const auto detail = tx.run_detail(id, run_id);
    for (const pp::OpenSlot& slot : detail->open_slots) {
      tx.insert(reorganisation, run_id,
                Vacancy{0, slot.position_id, slot.unit_code, slot.function_code, slot.function_name, slot.level, slot.slots, slot.fte,
                        slot.kind, slot.end_date, VacancyStage::Internal, {}, confirmed.by, confirmed.at});
    }
  });
}

RunSummary Service::run_summary(const Principal& caller, std::int64_t id, std::int64_t run_id) const {
  const Scope scope = access::read_runs.require(caller);
  std::optional<RunSummary> summary;
  repository_->read(caller.municipality_id, [&](Reader& reader) {
    existing(reader, id);
    summary = summary_of(reader, id, run_id, scope);
  });
  return std::move(*summary);
}

RunComparison Service::compare_runs(const Principal& caller, std::int64_t id, const std::vector<std::int64_t>& run_ids) const {
  const Scope scope = access::read_runs.require(caller);
  RunComparison comparison;
  repository_->read(caller.municipality_id, [&](Reader& reader) {
    existing(reader, id);
    std::vector<std::int64_t> ids = run_ids;
    if (ids.empty()) {
      for (const RunHeadline& run : reader.runs(id)) ids.push_back(run.id);
    }
    for (std::int64_t run_id : ids) comparison.runs.push_back(summary_of(reader, id, run_id, scope));
  });
  return comparison;
}

std::vector<GivenExplanation> Service::run_explanations(const Principal& caller, std::int64_t id, std::int64_t run_id) const {
  access::read_explanations.require(caller);
  std::vector<GivenExplanation> explanations;
  repository_->read(caller.municipality_id, [&](Reader& reader) {
    existing(reader, id);
    const RunHeadline run = existing_run(reader, id, run_id);
    for (const RunPersonRow& row : reader.run_people(run_id)) explanations.push_back(given(run, row.explanation));
  });
  return explanations;
}

GivenExplanation Service::run_explanation(const Principal& caller, std::int64_t id, std::int64_t run_id, std::int64_t person_id) const {
  access::read_explanations.require(caller);
  std::optional<GivenExplanation> explanation;
  repository_->read(caller.municipality_id, [&](Reader& reader) {
    existing(reader, id);
    const RunHeadline run = existing_run(reader, id, run_id);
    const auto rows = reader.run_people(run_id, person_id);
    if (rows.empty()) fail_not_found("Uitleg voor deze medewerker");
    explanation = given(run, rows.front().explanation);
  });
  return std::move(*explanation);
}

GivenExplanation Service::own_explanation(const Principal& caller, std::int64_t id) const {
  const Reach reach = reach_of(caller, access::own_explanation.require(caller));
  if (reach.reaches_nothing()) fail_not_found("Reorganisatie");
  std::optional<GivenExplanation> explanation;
  repository_->read(caller.municipality_id, [&](Reader& reader) {
    const auto [reorganisation, formation] = reachable(reader, reach, id);
    if (!reorganisation.confirmed_run_id) {
      fail(ErrorKind::not_found, "no_confirmed_result",
           "Er is nog geen bevestigde uitkomst van deze reorganisatie; uw uitleg volgt zodra HR de plaatsing heeft bevestigd");
    }
    const RunHeadline run = existing_run(reader, id, *reorganisation.confirmed_run_id);
    const auto rows = reader.run_people(run.id, *reach.person_id);
    if (rows.empty()) fail(ErrorKind::not_found, "no_confirmed_result", "U maakte geen deel uit van de bevestigde plaatsing van deze reorganisatie");
    explanation = given(run, rows.front().explanation);
  });
  return std::move(*explanation);
}

// --- Vacancies -----------------------------------------------------------------------------------------

std::vector<Vacancy> Service::vacancies(const Principal& caller, std::int64_t id) const {
  access::read_vacancies.require(caller);
  std::vector<Vacancy> vacancies;
  repository_->read(caller.municipality_id, [&](Reader& reader) {
    existing(reader, id);
    vacancies = reader.vacancies(id);
  });
  const auto partners = partner_codes(*repository_, caller);
  for (Vacancy& vacancy : vacancies) vacancy.partners = partners;
  return vacancies;
}

Vacancy Service::set_vacancy_stage(const Principal& caller, std::int64_t id, std::int64_t vacancy_id, VacancyStage stage) const {
  access::write_vacancies.require(caller);
  Vacancy after;
  repository_->write(caller, [&](Transaction& tx) {
    const Reorganisation reorganisation = existing(tx, id);
    const auto found = tx.vacancy(id, vacancy_id);
    if (!found) fail_not_found("Vacature");
    const Vacancy& before = *found;
    const bool closed = before.stage == VacancyStage::Filled || before.stage == VacancyStage::Withdrawn;
    const bool forward = static_cast<int>(stage) > static_cast<int>(before.stage);
    if (closed || !forward) {
      fail(ErrorKind::conflict, "stage_backwards",
           closed ? "Deze vacature is al vervuld of ingetrokken"
                  : "Een vacature gaat alleen vooruit: eerst intern, dan bij de samenwerkende gemeenten, dan extern", "stage");
    }
    after = before;
    after.stage = stage;
    after.updated_by = caller.username;
    after.updated_at = tx.now();
    tx.update(reorganisation, before, after);
  });
  after.partners = partner_codes(*repository_, caller);
  return after;
}

// --- Objections ----------------------------------------------------------------------------------------

std::vector<Objection> Service::objections(const Principal& caller, std::int64_t id) const {
  const Reach reach = reach_of(caller, access::read_objections.require(caller));
  if (reach.reaches_nothing()) fail_not_found("Reorganisatie");
  std::vector<Objection> objections;
  repository_->read(caller.municipality_id, [&](Reader& reader) {
    reachable(reader, reach, id);
    objections = reader.objections(id, reach.person_id);
  });
  return objections;
}

Objection Service::register_objection(const Principal& caller, std::int64_t id, const ObjectionInput& input) const {
  const Reach reach = reach_of(caller, access::register_objections.require(caller));
  std::int64_t subject = 0;
  if (reach.scope == Scope::own_record) {
    if (!reach.person_id) fail(ErrorKind::forbidden, "forbidden", "Dit account hoort bij geen medewerker");
    if (input.person_id && *input.person_id != *reach.person_id) fail_not_found("Medewerker");
    subject = *reach.person_id;
  } else {
    if (!input.person_id) fail_invalid("person_id", "Het veld 'person_id' ontbreekt", "missing_field");
    subject = *input.person_id;
  }
  const std::string grounds = trimmed(input.grounds);
  if (grounds.empty()) fail_invalid("grounds", "Vermeld de gronden van het bezwaar", "grounds_required");
  require_text_length(grounds, "grounds", "De gronden");
  Objection registered;
  repository_->write(caller, [&](Transaction& tx) {
    tx.lock(id);
    const auto [reorganisation, formation] = reachable(tx, reach, id);
    if (!reorganisation.confirmed_run_id) {
      fail(ErrorKind::conflict, "no_confirmed_result", "Bezwaar kan pas worden gemaakt tegen een bevestigde uitkomst");
    }
    const RunHeadline run = existing_run(tx, id, *reorganisation.confirmed_run_id);
    const auto rows = tx.run_people(run.id, subject);
    if (rows.empty()) fail_not_found("Medewerker in de bevestigde uitkomst");
    for (const Objection& objection : tx.objections(id, subject)) {
      if (!is_closed(objection.status)) {
        fail(ErrorKind::conflict, "objection_open", "Voor deze medewerker loopt al een bezwaar; werk dat bij in plaats van een nieuw te openen");
      }
    }
    const std::string at = tx.now();
    registered = Objection{0,          subject,   rows.front().personnel_number, rows.front().explanation.person.name, run.id, grounds,
                           ObjectionStatus::Received, "", given(run, rows.front().explanation), caller.username, at, caller.username, at};
    registered.id = tx.insert(reorganisation, registered);
  });
  return registered;
}

Objection Service::update_objection(const Principal& caller, std::int64_t id, std::int64_t objection_id, const ObjectionUpdate& update) const {
  access::decide_objections.require(caller);
  const std::string response = trimmed(update.response);
  if ((update.status == ObjectionStatus::Upheld || update.status == ObjectionStatus::Rejected) && response.empty()) {
    fail_invalid("response", "Een beslissing op bezwaar heeft een motivering nodig", "response_required");
  }
  require_text_length(response, "response", "De reactie");
  Objection after;
  repository_->write(caller, [&](Transaction& tx) {
    const Reorganisation reorganisation = existing(tx, id);
    const auto found = tx.objection(id, objection_id);
    if (!found) fail_not_found("Bezwaar");
    const Objection& before = *found;
    if (is_closed(before.status)) {
      fail(ErrorKind::conflict, "objection_closed", fmt::format("Op dit bezwaar is al beslist ({})", spell(before.status)), "status");
    }
    after = before;
    after.status = update.status;
    after.response = response;
    after.updated_by = caller.username;
    after.updated_at = tx.now();
    tx.update(reorganisation, before, after);
  });
  return after;
}

}  // namespace kwm::placement
