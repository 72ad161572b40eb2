// Result views of a round: gaps and verdicts per person, the person report, team and organisation heatmaps,
// coverage, growth, and the selection evidence the placement code may use. Each loads the round's people
// and ratings once and hands plain structs to the pure functions of src/competence/.
#include <algorithm>
#include <functional>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "core/error.hpp"
#include "store/competence_sql.hpp"
#include "store/competence_store.hpp"
#include "store/database.hpp"

namespace kwm::store {
namespace {

using namespace competence_detail;

struct Scored {
  std::vector<Participant> people;
  std::vector<competence::PersonResult> results;  // one per person, same order
};

// Scores the given participants of the round; `everyone` says they are all of them, so the ratings are
// read without a list of ids.
Scored score(soci::session& sql, const RoundContext& context, std::vector<Participant> people, bool everyone) {
  std::vector<long long> ids;
  ids.reserve(people.size());
  for (const auto& person : people) ids.push_back(person.person_id);
  RatingsByPerson ratings = load_ratings(sql, context, everyone ? nullptr : &ids);
  std::vector<competence::Rating> none;
  Scored scored;
  scored.results.reserve(people.size());
  const competence::RoundSettings settings = context.settings();
  for (auto& person : people) {
    const competence::FunctionProfile* profile = context.profile(person.profile);
    if (!profile) continue;  // cannot happen: participants are enrolled against the round's profiles
    const auto found = ratings.find(person.person_id);
    scored.results.push_back(assess(person.personnel_number, *profile, found == ratings.end() ? none : found->second, settings));
    if (found != ratings.end()) ratings.erase(found);  // done with them: keep the peak memory down
    scored.people.push_back(std::move(person));
  }
  return scored;
}

// The unit (for a manager: one of theirs) and the ids of its subtree; not_found otherwise.
std::set<std::int64_t> unit_scope(const UnitTree& tree, const Principal& actor, const std::string& unit_code) {
  const org::Unit& unit = require_unit(tree, unit_code);
  if (actor.role == Role::manager && !actor.manages_unit(unit.id)) fail_unit_not_found(unit_code);
  const auto ids = tree.subtree(unit.id);
  return {ids.begin(), ids.end()};
}

std::vector<Participant> within(std::vector<Participant> people, const std::set<std::int64_t>& units) {
  std::erase_if(people, [&](const Participant& p) { return !units.contains(p.unit_id); });
  return people;
}

std::vector<PersonOutcome> outcomes(Scored scored, const std::map<std::string, std::string>& names) {
  std::vector<PersonOutcome> out;
  out.reserve(scored.people.size());
  for (std::size_t i = 0; i < scored.people.size(); ++i) {
    std::string explanation = competence::explain(scored.results[i].verdict, names);
    out.push_back(PersonOutcome{std::move(scored.people[i]), std::move(scored.results[i]), std::move(explanation)});
  }
  return out;
}

void require_individual_reader(const Principal& actor) {
  if (actor.sees_whole_municipality() || actor.role == Role::manager || actor.role == Role::employee) return;
  if (actor.role == Role::works_council) {
    fail_forbidden("De ondernemingsraad ziet alleen totalen, geen uitkomsten van afzonderlijke personen");
  }
  fail_forbidden("Uw rol geeft geen toegang tot uitkomsten van beoordelingen");
}

// The rows of the organisation heatmap: each root and every unit below it that holds someone of the
// population in its subtree, in tree order (children by code).
void collect_rows(const UnitTree& tree, std::int64_t unit_id, int depth, const std::unordered_map<std::int64_t, std::size_t>& people_below,
                  std::vector<std::pair<const org::Unit*, int>>& rows) {
  const auto count = people_below.find(unit_id);
  if (count == people_below.end() || count->second == 0) return;
  rows.emplace_back(tree.find(unit_id), depth);
  for (std::int64_t child : tree.children(unit_id)) collect_rows(tree, child, depth + 1, people_below, rows);
}

std::vector<std::int64_t> heatmap_roots(const UnitTree& tree, const Principal& actor, const std::string& unit_code) {
  if (!unit_code.empty()) return {require_unit(tree, unit_code).id};
  std::vector<std::int64_t> roots;
  for (const auto& unit : tree.units) {
    const bool top = actor.role == Role::manager ? actor.manages_unit(unit.id) && !(unit.parent_id && actor.manages_unit(*unit.parent_id))
                                                 : !unit.parent_id;
    if (top) roots.push_back(unit.id);
  }
  return roots;
}

std::vector<competence::PersonResult> aggregate_results(soci::session& sql, const Principal& actor, const RoundContext& context,
                                                        const std::string& unit_code) {
  auto people = aggregate_population(actor, load_participants(sql, actor.municipality_id, context.round.id));
  if (!unit_code.empty()) people = within(std::move(people), unit_scope(load_units(sql, actor.municipality_id), actor, unit_code));
  const bool everyone = actor.role != Role::manager && unit_code.empty();
  return score(sql, context, std::move(people), everyone).results;
}

competence::ConsentRecord consent_record(const Participant& person, const std::string& round_code) {
  return competence::ConsentRecord{person.personnel_number, round_code, Date::parse(person.consent->recorded_at.substr(0, 10)).value_or(Date()),
                                   person.consent->recorded_by};
}

void require_evidence_reader(const Principal& actor) {
  require_competence_writer(actor, "uitkomsten als selectiebewijs op te vragen");
}

}  // namespace

std::map<std::string, std::string> competency_names(Database& db, const Principal& actor, const std::string& round_code) {
  auto sql = db.lease();
  return load_round_context(*sql, visible_round(*sql, actor, round_code)).names;
}

RoundResults round_gaps(Database& db, const Principal& actor, const std::string& round_code, const ResultFilter& filter) {
  require_individual_reader(actor);
  auto sql = db.lease();
  const RoundContext context = load_round_context(*sql, visible_round(*sql, actor, round_code));
  auto people = visible_individuals(actor, load_participants(*sql, actor.municipality_id, context.round.id));
  const std::size_t visible = people.size();
  if (!filter.unit.empty()) people = within(std::move(people), unit_scope(load_units(*sql, actor.municipality_id), actor, filter.unit));
  std::erase_if(people, [&](const Participant& p) {
    return (!filter.function_code.empty() && p.profile.function_code != filter.function_code) || (!filter.level.empty() && p.profile.level != filter.level);
  });
  const bool everyone = actor.sees_whole_municipality() && people.size() == visible;
  return RoundResults{context.round.view, context.names, outcomes(score(*sql, context, std::move(people), everyone), context.names)};
}

RoundResults person_report(Database& db, const Principal& actor, const std::string& round_code, const std::string& personnel_number,
                           const std::optional<ProfileKey>& profile) {
  require_individual_reader(actor);
  auto sql = db.lease();
  const RoundContext context = load_round_context(*sql, visible_round(*sql, actor, round_code));
  auto people = visible_individuals(actor, load_participants(*sql, actor.municipality_id, context.round.id));
  const auto person = std::find_if(people.begin(), people.end(), [&](const Participant& p) { return p.personnel_number == personnel_number; });
  if (person == people.end()) {
    fail(ErrorKind::not_found, "not_found",
         fmt::format("Personeelsnummer ‘{}’ doet niet mee aan ronde ‘{}’", personnel_number, round_code), "person");
  }
  std::vector<Participant> one{*person};
  if (!profile || *profile == person->profile) {
    return RoundResults{context.round.view, context.names, outcomes(score(*sql, context, std::move(one), false), context.names)};
  }
  // Against another function level's current profile: the same scores, other requirements. What the
  // round's frameworks do not hold has no score and shows as not assessed.
  const StoredProfile other = stored_profile(*sql, actor.municipality_id, *profile);
  RoundContext against = context;
  against.profiles[*profile] = other.profile;
  for (const auto& [code, name] : other.names) against.names.emplace(code, name);
  one.front().profile = *profile;
  return RoundResults{context.round.view, against.names, outcomes(score(*sql, against, std::move(one), false), against.names)};
}

TeamHeatmapView team_heatmap(Database& db, const Principal& actor, const std::string& round_code, const std::string& unit_code) {
  if (!actor.sees_whole_municipality() && actor.role != Role::manager) {
    fail_forbidden(actor.role == Role::works_council ? "De ondernemingsraad ziet alleen totalen; het teamoverzicht toont afzonderlijke personen"
                                                     : "Alleen HR en leidinggevenden zien het teamoverzicht");
  }
  if (unit_code.empty()) fail_invalid("unit", "Kies de eenheid waarvan u het teamoverzicht wilt zien", "missing_unit");
  auto sql = db.lease();
  const RoundContext context = load_round_context(*sql, visible_round(*sql, actor, round_code));
  auto people = within(visible_individuals(actor, load_participants(*sql, actor.municipality_id, context.round.id)),
                       unit_scope(load_units(*sql, actor.municipality_id), actor, unit_code));
  Scored scored = score(*sql, context, std::move(people), false);
  TeamHeatmapView view{context.round.view, unit_code, context.names, std::move(scored.people), {}};
  view.heatmap = competence::team_heatmap(scored.results);
  return view;
}

OrganisationHeatmapView organisation_heatmap(Database& db, const Principal& actor, const std::string& round_code, const std::string& unit_code) {
  auto sql = db.lease();
  const RoundContext context = load_round_context(*sql, visible_round(*sql, actor, round_code));
  const auto people = aggregate_population(actor, load_participants(*sql, actor.municipality_id, context.round.id));
  const UnitTree tree = load_units(*sql, actor.municipality_id);
  if (!unit_code.empty()) unit_scope(tree, actor, unit_code);
  Scored scored = score(*sql, context, people, actor.role != Role::manager);

  // Each person counts in their own unit and in every unit above it.
  std::unordered_map<std::int64_t, const org::Unit*> by_id;
  for (const auto& unit : tree.units) by_id[unit.id] = &unit;
  std::unordered_map<std::int64_t, std::vector<const competence::PersonResult*>> members;
  std::unordered_map<std::int64_t, std::size_t> people_below;
  for (std::size_t i = 0; i < scored.people.size(); ++i) {
    for (std::optional<std::int64_t> unit = scored.people[i].unit_id; unit;) {
      members[*unit].push_back(&scored.results[i]);
      ++people_below[*unit];
      const auto found = by_id.find(*unit);
      unit = found == by_id.end() ? std::nullopt : found->second->parent_id;
    }
  }
  std::vector<std::pair<const org::Unit*, int>> rows;
  for (std::int64_t root : heatmap_roots(tree, actor, unit_code)) collect_rows(tree, root, 0, people_below, rows);
  std::vector<competence::UnitGroup> groups;
  OrganisationHeatmapView view{context.round.view, context.names, {}, {}};
  for (const auto& [unit, depth] : rows) {
    groups.push_back(competence::UnitGroup{unit->code, members[unit->id]});
    view.units.push_back(UnitRow{unit->code, unit->name, depth});
  }
  view.heatmap = competence::organisation_heatmap(groups);
  if (actor.role == Role::works_council) view.heatmap = competence::for_works_council(std::move(view.heatmap));
  return view;
}

CoverageView coverage(Database& db, const Principal& actor, const std::string& round_code, const std::string& unit_code) {
  auto sql = db.lease();
  const RoundContext context = load_round_context(*sql, visible_round(*sql, actor, round_code));
  CoverageView view{context.round.view, unit_code, context.names, competence::coverage(aggregate_results(*sql, actor, context, unit_code))};
  if (actor.role == Role::works_council) view.rows = competence::for_works_council(std::move(view.rows));
  return view;
}

GrowthView growth(Database& db, const Principal& actor, const std::string& from_round, const std::string& to_round,
                  const std::string& unit_code) {
  auto sql = db.lease();
  const RoundContext before = load_round_context(*sql, visible_round(*sql, actor, from_round));
  const RoundContext after = load_round_context(*sql, visible_round(*sql, actor, to_round));
  GrowthView view{before.round.view, after.round.view, after.names, {}};
  for (const auto& [code, name] : before.names) view.names.emplace(code, name);
  view.report = competence::growth(aggregate_results(*sql, actor, before, unit_code), aggregate_results(*sql, actor, after, unit_code));
  if (actor.role == Role::works_council) view.report = competence::for_works_council(std::move(view.report));
  return view;
}

competence::AdmittedEvidence selection_evidence(Database& db, const Principal& actor, const std::string& round_code) {
  require_evidence_reader(actor);
  auto sql = db.lease();
  const RoundContext context = load_round_context(*sql, visible_round(*sql, actor, round_code));
  Scored scored = score(*sql, context, load_participants(*sql, actor.municipality_id, context.round.id), true);
  std::vector<competence::ConsentRecord> consents;
  for (const auto& person : scored.people) {
    if (person.consent) consents.push_back(consent_record(person, context.round.view.code));
  }
  return competence::admit_round({context.round.view.code, context.round.view.purpose}, scored.results, consents);
}

competence::SelectionEvidence selection_evidence_for(Database& db, const Principal& actor, const std::string& round_code,
                                                     const std::string& personnel_number) {
  require_evidence_reader(actor);
  auto sql = db.lease();
  const RoundContext context = load_round_context(*sql, visible_round(*sql, actor, round_code));
  auto people = load_participants(*sql, actor.municipality_id, context.round.id);
  std::erase_if(people, [&](const Participant& p) { return p.personnel_number != personnel_number; });
  if (people.empty()) {
    fail(ErrorKind::not_found, "not_found",
         fmt::format("Personeelsnummer ‘{}’ doet niet mee aan ronde ‘{}’", personnel_number, round_code), "person");
  }
  std::optional<competence::ConsentRecord> consent;
  if (people.front().consent) consent = consent_record(people.front(), context.round.view.code);
  Scored scored = score(*sql, context, std::move(people), false);
  return competence::SelectionEvidence::admit({context.round.view.code, context.round.view.purpose}, std::move(scored.results.front()),
                                              consent);
}

}  // namespace kwm::store
