#include "placement/procedure/json.hpp"

#include <boost/json.hpp>

namespace kwm::reorganisation {
namespace json = boost::json;
namespace {

json::value points(std::int64_t centi) { return static_cast<double>(centi) / 100.0; }

json::value optional_points(const std::optional<std::int64_t>& centi) { return centi ? points(*centi) : json::value(nullptr); }

json::value optional_rank(const std::optional<int>& rank) { return rank ? json::value(*rank) : json::value(nullptr); }

json::value optional_number(const std::optional<double>& value) { return value ? json::value(*value) : json::value(nullptr); }

json::object position_fields(const NewPosition& position) {
  return json::object{{"position_id", position.position_id},     {"unit_code", position.unit_code},
                      {"unit_name", position.unit_name},         {"function_id", position.function_id},
                      {"function_code", position.function_code}, {"function_name", position.function_name},
                      {"level", position.level}};
}

json::object person_fields(const Employee& employee) {
  return json::object{{"person_id", employee.person_id}, {"personnel_number", employee.personnel_number}, {"name", employee.name}};
}

json::array components_json(const std::vector<Component>& components) {
  json::array array;
  for (const Component& component : components) {
    array.push_back(json::object{{"kind", to_string(component.kind)},
                                 {"status", to_string(component.status)},
                                 {"value", optional_number(component.value)},
                                 {"scaled", optional_number(component.scaled)},
                                 {"weight", component.weight},
                                 {"share", component.share},
                                 {"contribution", points(component.contribution_centi)},
                                 {"text", component.text}});
  }
  return array;
}

json::array constraints_json(const std::vector<ConstraintCheck>& constraints) {
  json::array array;
  for (const ConstraintCheck& check : constraints) {
    array.push_back(json::object{{"kind", to_string(check.kind)}, {"met", check.met}, {"text", check.text}});
  }
  return array;
}

json::object round_ref(const RunResult& result, std::size_t round) {
  return json::object{{"index", round}, {"name", result.rounds[round].round.name}};
}

json::object near_miss_json(const ProcedureInput& input, const RunResult& result, const NearMiss& miss) {
  const NewPosition& position = input.positions[miss.position];
  return json::object{{"position_id", position.position_id},
                      {"unit_code", position.unit_code},
                      {"function_code", position.function_code},
                      {"function_name", position.function_name},
                      {"level", position.level},
                      {"round", miss.round},
                      {"round_name", result.rounds[miss.round].round.name},
                      {"points_short", optional_points(miss.centi_short)},
                      {"text", miss.text}};
}

json::array blocked_json(const ProcedureInput& input, const Explanation& explanation) {
  json::array blocked;
  for (const BlockedPosition& item : explanation.blocked) {
    json::object entry = position_fields(input.positions[item.position]);
    entry["constraints"] = json::array(item.constraints.begin(), item.constraints.end());
    blocked.push_back(std::move(entry));
  }
  return blocked;
}

}  // namespace

json::object suitability_json(const Suitabilities& suitabilities, const PairSuitability& pair, const std::vector<PlannedRound>& rounds) {
  const ProcedureInput& input = suitabilities.input();
  json::object object = person_fields(input.employees[pair.employee]);
  for (auto& field : position_fields(input.positions[pair.position])) object.insert_or_assign(field.key(), field.value());
  object["score"] = points(pair.score_centi);
  object["components"] = components_json(pair.components);
  object["verdict"] = pair.verdict ? json::value(competence::to_string(*pair.verdict)) : json::value(nullptr);
  object["suitable"] = pair.suitable;
  object["suitable_basis"] = to_string(pair.basis);
  object["function_match"] = competence::to_string(pair.function_match);
  object["constraints"] = constraints_json(pair.constraints);
  object["eligible"] = pair.eligible;
  object["preference_rank"] = optional_rank(pair.preference_rank);
  object["locked"] = pair.locked();
  json::array entries;
  for (std::size_t k = 0; k < rounds.size(); ++k) {
    const RoundEntry entry = round_entry(pair, rounds[k], input.settings);
    entries.push_back(json::object{{"index", k},
                                   {"kind", rounds[k].kind ? json::value(to_string(*rounds[k].kind)) : json::value("lock")},
                                   {"name", rounds[k].name},
                                   {"candidate", entry.candidate},
                                   {"bonus", points(entry.bonus_centi)},
                                   {"points", entry.candidate ? points(pair.score_centi + entry.bonus_centi) : json::value(nullptr)},
                                   {"text", entry.text}});
  }
  object["rounds"] = std::move(entries);
  return object;
}

json::object placement_json(const Suitabilities& suitabilities, const RunResult& result, const Placed& placed) {
  const ProcedureInput& input = suitabilities.input();
  json::object object = person_fields(input.employees[placed.employee]);
  for (auto& field : position_fields(input.positions[placed.position])) object.insert_or_assign(field.key(), field.value());
  object["round"] = placed.round;
  object["round_name"] = result.rounds[placed.round].round.name;
  object["points"] = points(placed.points_centi);
  object["suitability"] = points(placed.suitability_centi);
  object["bonus"] = points(placed.bonus_centi);
  object["preference_rank"] = optional_rank(placed.preference_rank);
  object["locked"] = placed.locked;
  return object;
}

json::object surplus_json(const Suitabilities& suitabilities, const RunResult& result, const Explanation& explanation) {
  const ProcedureInput& input = suitabilities.input();
  const Employee& employee = input.employees[explanation.employee];
  json::object object = person_fields(employee);
  object["unit_code"] = employee.unit_code;
  object["function_code"] = employee.function_code;
  object["function_name"] = employee.function_name;
  object["level"] = employee.level;
  json::array misses;
  for (const NearMiss& miss : explanation.near_misses) misses.push_back(near_miss_json(input, result, miss));
  object["near_misses"] = std::move(misses);
  object["blocked"] = blocked_json(input, explanation);
  return object;
}

json::object explanation_json(const Suitabilities& suitabilities, const RunResult& result, const Explanation& explanation) {
  const ProcedureInput& input = suitabilities.input();
  json::object object = person_fields(input.employees[explanation.employee]);
  object["outcome"] = explanation.placement ? "placed" : "surplus";
  if (explanation.placement) {
    const Placed& placed = *explanation.placement;
    const PairSuitability& pair = suitabilities.at(placed.employee, placed.position);
    object["round"] = round_ref(result, placed.round);
    object["position"] = position_fields(input.positions[placed.position]);
    object["score"] = json::object{{"points", points(placed.points_centi)},
                                   {"suitability", points(placed.suitability_centi)},
                                   {"bonus", points(placed.bonus_centi)},
                                   {"components", components_json(pair.components)},
                                   {"constraints", constraints_json(pair.constraints)}};
  } else {
    object["round"] = nullptr;
    object["position"] = nullptr;
    object["score"] = nullptr;
  }
  json::array preferences;
  for (const PreferenceOutcome& preference : explanation.preferences) {
    json::object item{{"rank", preference.rank}, {"function_id", preference.function_id}};
    for (const NewPosition& position : input.positions) {
      if (position.function_id != preference.function_id) continue;
      item["function_code"] = position.function_code;
      item["function_name"] = position.function_name;
      item["level"] = position.level;
      break;
    }
    item["status"] = to_string(preference.status);
    item["reason"] = preference.reason ? json::value(to_string(*preference.reason)) : json::value(nullptr);
    item["points_short"] = optional_points(preference.centi_short);
    item["text"] = preference.text;
    preferences.push_back(std::move(item));
  }
  object["preferences"] = std::move(preferences);
  json::array misses;
  for (const NearMiss& miss : explanation.near_misses) misses.push_back(near_miss_json(input, result, miss));
  object["near_misses"] = std::move(misses);
  object["blocked"] = blocked_json(input, explanation);
  object["text"] = explanation.text;
  return object;
}

json::array rounds_json(const RunResult& result) {
  json::array rounds;
  for (std::size_t k = 0; k < result.rounds.size(); ++k) {
    const RoundResult& round = result.rounds[k];
    rounds.push_back(json::object{{"index", k},
                                  {"kind", round.round.kind ? json::value(to_string(*round.round.kind)) : json::value("lock")},
                                  {"name", round.round.name},
                                  {"candidates", round.candidates},
                                  {"placed", round.placed},
                                  {"points", points(round.points_centi)}});
  }
  return rounds;
}

json::array open_slots_json(const ProcedureInput& input, const RunResult& result) {
  json::array slots;
  for (std::size_t p = 0; p < input.positions.size(); ++p) {
    if (result.open_after[p] <= 0) continue;
    const NewPosition& position = input.positions[p];
    slots.push_back(json::object{{"position_id", position.position_id},
                                 {"unit_code", position.unit_code},
                                 {"function_code", position.function_code},
                                 {"function_name", position.function_name},
                                 {"level", position.level},
                                 {"kind", org::to_string(position.kind)},
                                 {"end_date", position.end_date ? json::value(position.end_date->iso()) : json::value(nullptr)},
                                 {"slots", result.open_after[p]},
                                 {"fte", position.slot_fte().value() * static_cast<double>(result.open_after[p])}});
  }
  return slots;
}

json::object figures_json(const Figures& figures) {
  json::array on_preference(figures.on_preference.begin(), figures.on_preference.end());
  json::array shares;
  for (std::size_t i = 0; i < figures.on_preference.size(); ++i) shares.push_back(figures.share_on_preference(i));
  return json::object{{"employees", figures.employees},
                      {"placed", figures.placed},
                      {"surplus", figures.surplus},
                      {"on_preference", std::move(on_preference)},
                      {"share_on_preference", std::move(shares)},
                      {"average_suitability", optional_number(figures.average_suitability)},
                      {"open_slots", figures.open_slots}};
}

json::object summary_json(const Summary& summary) {
  json::object groups;
  for (const GroupSet& set : summary.groups) {
    json::array items;
    for (const Group& group : set.groups) {
      json::object item{{"key", group.key}, {"label", group.label}, {"suppressed", group.suppressed}};
      const Figures& f = group.figures;
      const auto count = [&](std::int64_t value) { return group.suppressed ? json::value(nullptr) : json::value(value); };
      std::int64_t on_any = 0;
      for (std::int64_t n : f.on_preference) on_any += n;
      item["employees"] = count(f.employees);
      item["placed"] = count(f.placed);
      item["surplus"] = count(f.surplus);
      item["on_first_preference"] = count(f.on_preference.empty() ? 0 : f.on_preference.front());
      item["on_preference"] = count(on_any);
      item["average_suitability"] = group.suppressed ? json::value(nullptr) : optional_number(f.average_suitability);
      items.push_back(std::move(item));
    }
    groups[to_string(set.dimension)] = std::move(items);
  }
  return json::object{{"figures", figures_json(summary.figures)}, {"groups", std::move(groups)}};
}

}  // namespace kwm::reorganisation
