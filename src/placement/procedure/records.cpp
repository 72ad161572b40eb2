#include "placement/procedure/records.hpp"

namespace kwm::placement::procedure {
namespace {

double points(std::int64_t centi) { return static_cast<double>(centi) / 100.0; }

std::optional<double> optional_points(const std::optional<std::int64_t>& centi) {
  return centi ? std::optional<double>(points(*centi)) : std::nullopt;
}

PositionRef position_ref(const NewPosition& position) {
  return {position.position_id, position.unit_code,     position.unit_name, position.function_id,
          position.function_code, position.function_name, position.level};
}

PersonRef person_ref(const Employee& employee) { return {employee.person_id, employee.personnel_number, employee.name}; }

std::vector<ComponentRecord> component_records(const std::vector<Component>& components) {
  std::vector<ComponentRecord> records;
  for (const Component& c : components) {
    records.push_back({c.kind, c.status, c.value, c.scaled, c.weight, c.share, points(c.contribution_centi), c.text});
  }
  return records;
}

std::string round_kind(const PlannedRound& round) { return round.kind ? std::string(to_string(*round.kind)) : std::string("lock"); }

NearMissRecord near_miss_record(const ProcedureInput& input, const RunResult& result, const NearMiss& miss) {
  const NewPosition& position = input.positions[miss.position];
  return {position.position_id, position.unit_code, position.function_code,     position.function_name, position.level,
          static_cast<std::int64_t>(miss.round), result.rounds[miss.round].round.name, optional_points(miss.centi_short), miss.text};
}

std::vector<NearMissRecord> near_miss_records(const ProcedureInput& input, const RunResult& result, const Explanation& explanation) {
  std::vector<NearMissRecord> misses;
  for (const NearMiss& miss : explanation.near_misses) misses.push_back(near_miss_record(input, result, miss));
  return misses;
}

std::vector<BlockedRecord> blocked_records(const ProcedureInput& input, const Explanation& explanation) {
  std::vector<BlockedRecord> blocked;
  for (const BlockedPosition& item : explanation.blocked) blocked.push_back({position_ref(input.positions[item.position]), item.constraints});
  return blocked;
}

GroupFigures group_figures(const Group& group) {
  GroupFigures shown{group.key, group.label, group.suppressed, {}, {}, {}, {}, {}, {}};
  if (group.suppressed) return shown;
  const Figures& f = group.figures;
  std::int64_t on_any = 0;
  for (std::int64_t n : f.on_preference) on_any += n;
  shown.employees = f.employees;
  shown.placed = f.placed;
  shown.surplus = f.surplus;
  shown.on_first_preference = f.on_preference.empty() ? 0 : f.on_preference.front();
  shown.on_preference = on_any;
  shown.average_suitability = f.average_suitability;
  return shown;
}

}  // namespace

SuitabilityRecord suitability_record(const Suitabilities& suitabilities, const PairSuitability& pair,
                                     const std::vector<PlannedRound>& rounds) {
  const ProcedureInput& input = suitabilities.input();
  SuitabilityRecord record;
  record.person = person_ref(input.employees[pair.employee]);
  record.position = position_ref(input.positions[pair.position]);
  record.score = points(pair.score_centi);
  record.components = component_records(pair.components);
  if (pair.verdict) record.verdict = std::string(competence::to_string(*pair.verdict));
  record.suitable = pair.suitable;
  record.suitable_basis = pair.basis;
  record.function_match = std::string(competence::to_string(pair.function_match));
  record.constraints = pair.constraints;
  record.eligible = pair.eligible;
  record.preference_rank = pair.preference_rank;
  record.locked = pair.locked();
  for (std::size_t k = 0; k < rounds.size(); ++k) {
    const RoundEntry entry = round_entry(pair, rounds[k], input.settings);
    record.rounds.push_back({static_cast<std::int64_t>(k), round_kind(rounds[k]), rounds[k].name, entry.candidate, points(entry.bonus_centi),
                             entry.candidate ? std::optional<double>(points(pair.score_centi + entry.bonus_centi)) : std::nullopt,
                             entry.text});
  }
  return record;
}

PlacementRecord placement_record(const Suitabilities& suitabilities, const RunResult& result, const Placed& placed) {
  const ProcedureInput& input = suitabilities.input();
  return {person_ref(input.employees[placed.employee]),
          position_ref(input.positions[placed.position]),
          static_cast<std::int64_t>(placed.round),
          result.rounds[placed.round].round.name,
          points(placed.points_centi),
          points(placed.suitability_centi),
          points(placed.bonus_centi),
          placed.preference_rank,
          placed.locked};
}

SurplusRecord surplus_record(const Suitabilities& suitabilities, const RunResult& result, const Explanation& explanation) {
  const ProcedureInput& input = suitabilities.input();
  const Employee& employee = input.employees[explanation.employee];
  return {person_ref(employee),         employee.unit_code,
          employee.function_code,       employee.function_name,
          employee.level,               near_miss_records(input, result, explanation),
          blocked_records(input, explanation)};
}

ExplanationRecord explanation_record(const Suitabilities& suitabilities, const RunResult& result, const Explanation& explanation) {
  const ProcedureInput& input = suitabilities.input();
  ExplanationRecord record;
  record.person = person_ref(input.employees[explanation.employee]);
  record.outcome = explanation.placement ? Outcome::Placed : Outcome::Surplus;
  if (explanation.placement) {
    const Placed& placed = *explanation.placement;
    const PairSuitability& pair = suitabilities.at(placed.employee, placed.position);
    record.round = RoundRef{static_cast<std::int64_t>(placed.round), result.rounds[placed.round].round.name};
    record.position = position_ref(input.positions[placed.position]);
    record.score = ScoreRecord{points(placed.points_centi), points(placed.suitability_centi), points(placed.bonus_centi),
                               component_records(pair.components), pair.constraints};
  }
  for (const PreferenceOutcome& preference : explanation.preferences) {
    PreferenceOutcomeRecord item;
    item.rank = preference.rank;
    item.function_id = preference.function_id;
    for (const NewPosition& position : input.positions) {
      if (position.function_id != preference.function_id) continue;
      item.function_code = position.function_code;
      item.function_name = position.function_name;
      item.level = position.level;
      break;
    }
    item.status = preference.status;
    item.reason = preference.reason;
    item.points_short = optional_points(preference.centi_short);
    item.text = preference.text;
    record.preferences.push_back(std::move(item));
  }
  record.near_misses = near_miss_records(input, result, explanation);
  record.blocked = blocked_records(input, explanation);
  record.text = explanation.text;
  return record;
}

std::vector<RoundRecord> round_records(const RunResult& result) {
  std::vector<RoundRecord> rounds;
  for (std::size_t k = 0; k < result.rounds.size(); ++k) {
    const RoundResult& round = result.rounds[k];
    rounds.push_back({static_cast<std::int64_t>(k), round_kind(round.round), round.round.name, round.candidates, round.placed,
                      points(round.points_centi)});
  }
  return rounds;
}

std::vector<OpenSlot> open_slots(const ProcedureInput& input, const RunResult& result) {
  std::vector<OpenSlot> slots;
  for (std::size_t p = 0; p < input.positions.size(); ++p) {
    const std::int64_t open = result.open_after[p];
    if (open <= 0) continue;
    const NewPosition& position = input.positions[p];
    slots.push_back({position.position_id, position.unit_code, position.function_code, position.function_name, position.level,
                     position.kind, position.end_date, open, Fte::from_milli(position.slot_fte().milli() * open)});
  }
  return slots;
}

GroupsByDimension groups_of(const Summary& summary) {
  GroupsByDimension groups;
  for (const GroupSet& set : summary.groups) {
    std::vector<GroupFigures>* target = set.dimension == GroupDimension::Unit      ? &groups.unit
                                        : set.dimension == GroupDimension::Hours   ? &groups.hours
                                        : set.dimension == GroupDimension::Contract ? &groups.contract
                                                                                    : &groups.education;
    for (const Group& group : set.groups) target->push_back(group_figures(group));
  }
  return groups;
}

}  // namespace kwm::placement::procedure
