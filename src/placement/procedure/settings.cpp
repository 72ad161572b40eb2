#include "placement/procedure/settings.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

namespace kwm::reorganisation {
namespace json = boost::json;

namespace {

Error problem(std::string field, std::string message, std::string code = "invalid_setting") {
  return Error{ErrorKind::invalid, std::move(code), std::move(message), std::move(field), {}};
}

std::string path(std::string_view prefix, std::string_view rest) {
  return prefix.empty() ? std::string(rest) : fmt::format("{}.{}", prefix, rest);
}

[[noreturn]] void wrong_type(const std::string& field, std::string_view expected) {
  fail_invalid(field, fmt::format("Het veld '{}' moet {} zijn", field, expected), "invalid_type");
}

const json::object& object_at(const json::value& value, const std::string& field) {
  if (!value.is_object()) wrong_type(field, "een JSON-object");
  return value.as_object();
}

const json::array& array_at(const json::value& value, const std::string& field) {
  if (!value.is_array()) wrong_type(field, "een lijst");
  return value.as_array();
}

double number_at(const json::value& value, const std::string& field) {
  if (!value.is_number()) wrong_type(field, "een getal");
  const double number = value.to_number<double>();
  if (!std::isfinite(number)) wrong_type(field, "een eindig getal");
  return number;
}

std::int64_t integer_at(const json::value& value, const std::string& field) {
  const double number = number_at(value, field);
  if (number != std::floor(number) || std::fabs(number) > 9e15) wrong_type(field, "een geheel getal");
  return static_cast<std::int64_t>(number);
}

bool bool_at(const json::value& value, const std::string& field) {
  if (!value.is_bool()) wrong_type(field, "true of false");
  return value.as_bool();
}

std::string string_at(const json::value& value, const std::string& field) {
  if (!value.is_string()) wrong_type(field, "tekst");
  return std::string(value.as_string());
}

// Calls read(value, path) for a field that is present and not null.
template <typename Read>
void with_field(const json::object& object, std::string_view name, const std::string& prefix, Read read) {
  const auto it = object.find(name);
  if (it == object.end() || it->value().is_null()) return;
  read(it->value(), path(prefix, name));
}

template <typename Enum>
std::string allowed(std::initializer_list<Enum> values) {
  std::string text;
  for (Enum value : values) text += (text.empty() ? "" : ", ") + std::string(to_string(value));
  return text;
}

constexpr std::initializer_list<RoundKind> kRoundKinds = {RoundKind::FollowsFunction, RoundKind::Preference, RoundKind::Suitable};
constexpr std::initializer_list<TieBreak> kTieBreaks = {TieBreak::Seniority, TieBreak::PreferenceRank};

}  // namespace

std::string_view to_string(RoundKind kind) {
  switch (kind) {
    case RoundKind::FollowsFunction: return "follows_function";
    case RoundKind::Preference: return "preference";
    case RoundKind::Suitable: return "suitable";
  }
  return "preference";
}

std::optional<RoundKind> round_kind_from_string(std::string_view text) {
  for (RoundKind kind : kRoundKinds)
    if (to_string(kind) == text) return kind;
  return std::nullopt;
}

std::string_view default_round_name(RoundKind kind) {
  switch (kind) {
    case RoundKind::FollowsFunction: return "Mens-volgt-functie";
    case RoundKind::Preference: return "Voorkeur";
    case RoundKind::Suitable: return "Passende functie";
  }
  return "Voorkeur";
}

std::string_view to_string(TieBreak tie_break) {
  return tie_break == TieBreak::Seniority ? "seniority" : "preference_rank";
}

std::optional<TieBreak> tie_break_from_string(std::string_view text) {
  for (TieBreak tie_break : kTieBreaks)
    if (to_string(tie_break) == text) return tie_break;
  return std::nullopt;
}

std::vector<RoundSpec> Settings::default_rounds() {
  std::vector<RoundSpec> rounds;
  for (RoundKind kind : kRoundKinds) rounds.push_back({kind, std::string(default_round_name(kind))});
  return rounds;
}

double Settings::bonus_for(int rank) const {
  if (rank < 1 || rank > static_cast<int>(preference_bonus.size())) return 0.0;
  return preference_bonus[static_cast<std::size_t>(rank - 1)];
}

std::optional<std::int64_t> Settings::slots_for(std::int64_t position_id) const {
  for (const SlotOverride& item : slots)
    if (item.position_id == position_id) return item.slots;
  return std::nullopt;
}

bool Settings::breaks_ties_on(TieBreak tie_break) const {
  return std::find(tie_breaks.begin(), tie_breaks.end(), tie_break) != tie_breaks.end();
}

std::vector<Error> settings_problems(const Settings& settings, int max_preferences, std::string_view prefix) {
  std::vector<Error> problems;
  const auto check_weight = [&](double weight, std::string_view name) {
    if (!(weight >= 0.0) || weight > 1000.0) {
      problems.push_back(problem(path(prefix, fmt::format("weights.{}", name)),
                                 fmt::format("Het gewicht van '{}' moet een getal van 0 tot en met 1000 zijn", name)));
    }
  };
  check_weight(settings.weights.competency, "competency");
  check_weight(settings.weights.interview, "interview");
  check_weight(settings.weights.appraisal, "appraisal");
  if (settings.weights.competency + settings.weights.interview + settings.weights.appraisal <= 0.0) {
    problems.push_back(problem(path(prefix, "weights"),
                               "Minstens één onderdeel van de geschiktheid (competenties, gesprek, beoordeling) moet meetellen"));
  }
  if (static_cast<int>(settings.preference_bonus.size()) > max_preferences) {
    problems.push_back(problem(path(prefix, "preference_bonus"),
                               fmt::format("Er zijn {} bonussen opgegeven, maar een medewerker kan maar {} voorkeuren opgeven",
                                           settings.preference_bonus.size(), max_preferences)));
  }
  for (std::size_t i = 0; i < settings.preference_bonus.size(); ++i) {
    const double bonus = settings.preference_bonus[i];
    if (!(bonus >= 0.0) || bonus > 100.0) {
      problems.push_back(problem(path(prefix, fmt::format("preference_bonus[{}]", i)),
                                 "Een voorkeursbonus is een aantal punten van 0 tot en met 100"));
    }
  }
  if (!(settings.hours_tolerance >= 0.0) || settings.hours_tolerance > 1.0) {
    problems.push_back(problem(path(prefix, "hours_tolerance"),
                               "De urenmarge is een aantal fte van 0 tot en met 1, bijvoorbeeld 0.1"));
  }
  std::set<TieBreak> seen_tie_breaks;
  for (std::size_t i = 0; i < settings.tie_breaks.size(); ++i) {
    if (!seen_tie_breaks.insert(settings.tie_breaks[i]).second) {
      problems.push_back(problem(path(prefix, fmt::format("tie_breaks[{}]", i)), "Elke voorrangsregel mag maar één keer voorkomen"));
    }
  }
  if (settings.rounds.empty() || settings.rounds.size() > kRoundKinds.size()) {
    problems.push_back(problem(path(prefix, "rounds"), "Een plaatsingsprocedure heeft één tot drie rondes"));
  }
  std::set<RoundKind> seen_rounds;
  for (std::size_t i = 0; i < settings.rounds.size(); ++i) {
    const RoundSpec& round = settings.rounds[i];
    if (!seen_rounds.insert(round.kind).second) {
      problems.push_back(problem(path(prefix, fmt::format("rounds[{}].kind", i)),
                                 fmt::format("De ronde '{}' komt twee keer voor", to_string(round.kind))));
    }
    if (round.name.empty() || round.name.size() > 80) {
      problems.push_back(problem(path(prefix, fmt::format("rounds[{}].name", i)), "Een ronde heeft een naam van 1 tot 80 tekens"));
    }
  }
  for (std::size_t i = 0; i < settings.slots.size(); ++i) {
    const std::int64_t slots = settings.slots[i].slots;
    if (slots < 0 || slots > kMaxSlotsPerPosition) {
      problems.push_back(problem(path(prefix, fmt::format("slots[{}].slots", i)),
                                 fmt::format("Het aantal plaatsen is een geheel getal van 0 tot en met {}", kMaxSlotsPerPosition)));
    }
  }
  return problems;
}

void validate(const Settings& settings, int max_preferences, std::string_view prefix) {
  const auto problems = settings_problems(settings, max_preferences, prefix);
  if (!problems.empty()) throw Failure(problems.front());
}

void check_slot_overrides(const Settings& settings, const std::vector<std::int64_t>& new_position_ids, std::string_view prefix) {
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < settings.slots.size(); ++i) {
    const std::int64_t id = settings.slots[i].position_id;
    const std::string field = path(prefix, fmt::format("slots[{}].position_id", i));
    if (std::find(new_position_ids.begin(), new_position_ids.end(), id) == new_position_ids.end()) {
      fail_invalid(field, fmt::format("Formatieplaats {} hoort niet bij de nieuwe formatie van deze reorganisatie", id),
                   "not_in_new_formation");
    }
    if (!seen.insert(id).second) fail_invalid(field, fmt::format("Formatieplaats {} staat twee keer in de lijst", id));
  }
}

Settings settings_from_json(const json::value& value, std::string_view prefix) {
  Settings settings;
  const std::string root(prefix);
  const json::object& object = object_at(value, root);
  with_field(object, "weights", root, [&](const json::value& v, const std::string& field) {
    const json::object& weights = object_at(v, field);
    with_field(weights, "competency", field, [&](const json::value& w, const std::string& f) { settings.weights.competency = number_at(w, f); });
    with_field(weights, "interview", field, [&](const json::value& w, const std::string& f) { settings.weights.interview = number_at(w, f); });
    with_field(weights, "appraisal", field, [&](const json::value& w, const std::string& f) { settings.weights.appraisal = number_at(w, f); });
  });
  with_field(object, "preference_bonus", root, [&](const json::value& v, const std::string& field) {
    settings.preference_bonus.clear();
    const json::array& bonuses = array_at(v, field);
    for (std::size_t i = 0; i < bonuses.size(); ++i) {
      settings.preference_bonus.push_back(number_at(bonuses[i], fmt::format("{}[{}]", field, i)));
    }
  });
  with_field(object, "hours_tolerance", root, [&](const json::value& v, const std::string& f) { settings.hours_tolerance = number_at(v, f); });
  with_field(object, "require_education", root, [&](const json::value& v, const std::string& f) { settings.require_education = bool_at(v, f); });
  with_field(object, "exclude_critical_gaps", root,
             [&](const json::value& v, const std::string& f) { settings.exclude_critical_gaps = bool_at(v, f); });
  with_field(object, "tie_breaks", root, [&](const json::value& v, const std::string& field) {
    settings.tie_breaks.clear();
    const json::array& items = array_at(v, field);
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string item_field = fmt::format("{}[{}]", field, i);
      const std::string text = string_at(items[i], item_field);
      const auto tie_break = tie_break_from_string(text);
      if (!tie_break) {
        fail_invalid(item_field, fmt::format("Onbekende voorrangsregel '{}'; toegestaan: {}", text, allowed(kTieBreaks)));
      }
      settings.tie_breaks.push_back(*tie_break);
    }
  });
  with_field(object, "rounds", root, [&](const json::value& v, const std::string& field) {
    settings.rounds.clear();
    const json::array& items = array_at(v, field);
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string item_field = fmt::format("{}[{}]", field, i);
      const json::object& item = object_at(items[i], item_field);
      const auto kind_it = item.find("kind");
      if (kind_it == item.end() || kind_it->value().is_null()) {
        fail_invalid(item_field + ".kind", fmt::format("Het veld '{}.kind' ontbreekt", item_field), "missing_field");
      }
      const std::string text = string_at(kind_it->value(), item_field + ".kind");
      const auto kind = round_kind_from_string(text);
      if (!kind) fail_invalid(item_field + ".kind", fmt::format("Onbekende ronde '{}'; toegestaan: {}", text, allowed(kRoundKinds)));
      RoundSpec round{*kind, std::string(default_round_name(*kind))};
      with_field(item, "name", item_field, [&](const json::value& n, const std::string& f) { round.name = string_at(n, f); });
      settings.rounds.push_back(std::move(round));
    }
  });
  with_field(object, "slots", root, [&](const json::value& v, const std::string& field) {
    const json::array& items = array_at(v, field);
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string item_field = fmt::format("{}[{}]", field, i);
      const json::object& item = object_at(items[i], item_field);
      SlotOverride slot;
      bool has_position = false, has_slots = false;
      with_field(item, "position_id", item_field, [&](const json::value& p, const std::string& f) {
        slot.position_id = integer_at(p, f);
        has_position = true;
      });
      with_field(item, "slots", item_field, [&](const json::value& s, const std::string& f) {
        slot.slots = integer_at(s, f);
        has_slots = true;
      });
      if (!has_position) fail_invalid(item_field + ".position_id", "Het veld 'position_id' ontbreekt", "missing_field");
      if (!has_slots) fail_invalid(item_field + ".slots", "Het veld 'slots' ontbreekt", "missing_field");
      settings.slots.push_back(slot);
    }
  });
  return settings;
}

json::object to_json(const Settings& settings) {
  json::array bonuses(settings.preference_bonus.begin(), settings.preference_bonus.end());
  json::array tie_breaks;
  for (TieBreak tie_break : settings.tie_breaks) tie_breaks.push_back(json::value(to_string(tie_break)));
  json::array rounds;
  for (const RoundSpec& round : settings.rounds) rounds.push_back(json::object{{"kind", to_string(round.kind)}, {"name", round.name}});
  json::array slots;
  for (const SlotOverride& slot : settings.slots) slots.push_back(json::object{{"position_id", slot.position_id}, {"slots", slot.slots}});
  return json::object{{"weights", json::object{{"competency", settings.weights.competency},
                                               {"interview", settings.weights.interview},
                                               {"appraisal", settings.weights.appraisal}}},
                      {"preference_bonus", std::move(bonuses)},
                      {"hours_tolerance", settings.hours_tolerance},
                      {"require_education", settings.require_education},
                      {"exclude_critical_gaps", settings.exclude_critical_gaps},
                      {"tie_breaks", std::move(tie_breaks)},
                      {"rounds", std::move(rounds)},
                      {"slots", std::move(slots)}};
}

}  // namespace kwm::reorganisation
