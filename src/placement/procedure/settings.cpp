#include "placement/procedure/settings.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

namespace kwm::placement::procedure {

namespace {

Error problem(std::string field, std::string message, std::string code = "invalid_setting") {
  return Error{ErrorKind::invalid, std::move(code), std::move(message), std::move(field), {}};
}

std::string path(std::string_view prefix, std::string_view rest) {
  return prefix.empty() ? std::string(rest) : fmt::format("{}.{}", prefix, rest);
}

constexpr std::initializer_list<RoundKind> kRoundKinds = {RoundKind::FollowsFunction, RoundKind::Preference, RoundKind::Suitable};
constexpr std::initializer_list<TieBreak> kTieBreaks = {TieBreak::Seniority, TieBreak::PreferenceRank};

}  // namespace

std::string_view to_string(RoundKind kind) { return spell(kind); }

std::optional<RoundKind> round_kind_from_string(std::string_view text) { return parse_spelling<RoundKind>(text); }

std::string_view default_round_name(RoundKind kind) {
  switch (kind) {
    case RoundKind::FollowsFunction: return "Mens-volgt-functie";
    case RoundKind::Preference: return "Voorkeur";
    case RoundKind::Suitable: return "Passende functie";
  }
  return "Voorkeur";
}

std::string_view to_string(TieBreak tie_break) { return spell(tie_break); }

std::optional<TieBreak> tie_break_from_string(std::string_view text) { return parse_spelling<TieBreak>(text); }

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

void name_rounds(Settings& settings) {
  for (RoundSpec& round : settings.rounds)
    if (round.name.empty()) round.name = std::string(default_round_name(round.kind));
}

}  // namespace kwm::placement::procedure
