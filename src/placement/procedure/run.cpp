#include "placement/procedure/run.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "placement/procedure/text.hpp"

namespace kwm::placement::procedure {
namespace {

// The engine treats score differences below 1e-12 of the largest score as rounding noise; keeping every
// folded score below this bound keeps a difference of one tie-break step (1.0) far above that.
constexpr double kExactScoreBound = 4e11;

std::int64_t rank_value(const PairSuitability& pair, int max_preferences) {
  return pair.preference_rank ? max_preferences + 1 - *pair.preference_rank : 0;
}

}  // namespace

std::vector<PlannedRound> planned_rounds(const Settings& settings, bool has_locks) {
  std::vector<PlannedRound> rounds;
  if (has_locks) rounds.push_back({std::nullopt, "Vastgezet door HR", 0});
  int number = 0;
  for (const RoundSpec& spec : settings.rounds) rounds.push_back({spec.kind, spec.name, ++number});
  return rounds;
}

std::string round_label(const PlannedRound& round) {
  if (round.is_lock()) return "de door HR vastgezette plaatsingen";
  return fmt::format("ronde {} ({})", round.number, round.name);
}

RoundEntry round_entry(const PairSuitability& pair, const PlannedRound& round, const Settings& settings) {
  if (round.is_lock()) {
    if (pair.locked()) return {true, 0, fmt::format("Door HR vastgezet: {}", pair.decision->reason)};
    return {false, 0, "Niet door HR vastgezet."};
  }
  switch (*round.kind) {
    case RoundKind::FollowsFunction: {
      if (pair.function_match != FunctionMatch::Exchangeable) {
        return {false, 0, "Geen kandidaat: de huidige functie is niet uitwisselbaar met deze functie."};
      }
      for (ConstraintKind kind : {ConstraintKind::Hours, ConstraintKind::ExcludedByHr}) {
        if (const ConstraintCheck* failed = pair.failed(kind)) return {false, 0, "Geen kandidaat. " + failed->text};
      }
      return {true, 0, "Kandidaat: de huidige functie is uitwisselbaar met deze functie, dus de medewerker volgt de functie."};
    }
    case RoundKind::Preference: {
      if (!pair.preference_rank) return {false, 0, "Geen kandidaat: niet als voorkeur opgegeven."};
      if (!pair.eligible) return {false, 0, fmt::format("Geen kandidaat: voorkeur {}, maar niet aan alle harde voorwaarden voldaan.", *pair.preference_rank)};
      const std::int64_t bonus = std::llround(settings.bonus_for(*pair.preference_rank) * 100.0);
      return {true, bonus, fmt::format("Kandidaat: voorkeur {}, met {} voorkeursbonus.", *pair.preference_rank, text::points(bonus))};
    }
    case RoundKind::Suitable: {
      if (!pair.eligible) return {false, 0, "Geen kandidaat: niet aan alle harde voorwaarden voldaan."};
      if (!pair.suitable) {
        return {false, 0, pair.basis == SuitableBasis::Verdict
                              ? "Geen kandidaat: volgens het assessment voldoet de medewerker niet en is die ook niet op tijd trainbaar."
                              : "Geen kandidaat: de huidige functie is volgens de bevestigde functiekoppeling niet passend voor deze functie."};
      }
      return {true, 0, pair.basis == SuitableBasis::Verdict ? "Kandidaat: volgens het assessment voldoet de medewerker of is die trainbaar."
                                                           : "Kandidaat: de huidige functie is volgens de bevestigde functiekoppeling passend."};
    }
  }
  return {false, 0, {}};
}

ScoreScale::ScoreScale(const Settings& settings, int max_preferences, std::size_t employees) : max_preferences_(max_preferences) {
  for (TieBreak tie_break : settings.tie_breaks) {
    const std::int64_t range = tie_break == TieBreak::Seniority ? kMaxSeniorityMonths + 1 : max_preferences + 1;
    parts_.push_back({tie_break, range});
    tie_range_ *= range;
  }
  // n placements each add at most tie_range - 1: one hundredth of a point must outweigh all of them.
  unit_ = tie_range_ == 1 ? 1.0 : static_cast<double>(static_cast<std::int64_t>(employees) * (tie_range_ - 1) + 1);
}

void ScoreScale::check_range(std::int64_t max_points_centi) const {
  if (static_cast<double>(max_points_centi) * unit_ + static_cast<double>(tie_range_) < kExactScoreBound) return;
  fail(ErrorKind::conflict, "too_large_for_tie_breaks",
       "Deze reorganisatie is te groot om alle voorrangsregels exact mee te wegen; laat een voorrangsregel weg "
       "(instelling tie_breaks) of verdeel de reorganisatie.",
       "settings.tie_breaks");
}

std::int64_t ScoreScale::tie_value(const PairSuitability& pair, const Employee& employee, Date effective_date) const {
  std::int64_t value = 0;
  for (const Part& part : parts_) {
    const std::int64_t digit =
        part.tie_break == TieBreak::Seniority ? seniority_months(employee, effective_date) : rank_value(pair, max_preferences_);
    value = value * part.range + digit;
  }
  return value;
}

double ScoreScale::engine_score(std::int64_t points_centi, std::int64_t tie) const {
  return static_cast<double>(points_centi) * unit_ + static_cast<double>(tie);
}

std::int64_t ScoreScale::centi_needed(double engine_margin) const {
  return static_cast<std::int64_t>(std::floor(std::max(0.0, engine_margin) / unit_)) + 1;
}

bool ScoreScale::tie_only(double engine_margin) const { return std::max(0.0, engine_margin) < unit_; }

RunResult run(const Suitabilities& suitabilities) {
  const ProcedureInput& input = suitabilities.input();
  const std::size_t employees = input.employees.size(), positions = input.positions.size();
  const bool has_locks = std::any_of(suitabilities.pairs().begin(), suitabilities.pairs().end(),
                                     [](const PairSuitability& pair) { return pair.locked(); });
  const ScoreScale scale(input.settings, input.max_preferences, employees);
  std::int64_t max_bonus = 0;
  for (double bonus : input.settings.preference_bonus) max_bonus = std::max<std::int64_t>(max_bonus, std::llround(bonus * 100.0));
  scale.check_range(10000 + max_bonus);

  RunResult result;
  result.problem.employee_count = static_cast<placement::Index>(employees);
  for (const NewPosition& position : input.positions) result.problem.slots.push_back(position.slots);

  // The points behind each candidate, to report placements in points rather than folded engine units.
  std::vector<std::vector<std::int64_t>> bonus_of(0);
  for (const PlannedRound& round : planned_rounds(input.settings, has_locks)) {
    std::vector<placement::Candidate> candidates;
    std::vector<std::int64_t> bonuses(employees * positions, 0);
    for (const PairSuitability& pair : suitabilities.pairs()) {
      const RoundEntry entry = round_entry(pair, round, input.settings);
      if (!entry.candidate) continue;
      bonuses[pair.employee * positions + pair.position] = entry.bonus_centi;
      const std::int64_t tie = scale.tie_value(pair, input.employees[pair.employee], input.effective_date);
      candidates.push_back({static_cast<placement::Index>(pair.employee), static_cast<placement::Index>(pair.position),
                            scale.engine_score(pair.score_centi + entry.bonus_centi, tie)});
    }
    result.rounds.push_back({round, static_cast<std::int64_t>(candidates.size()), 0, 0});
    result.problem.rounds.push_back({round.name, std::move(candidates)});
    bonus_of.push_back(std::move(bonuses));
  }

  placement::validate(result.problem);
  const placement::Solution solution = placement::solve(result.problem);

  result.placement_of.assign(employees, std::nullopt);
  std::vector<std::int64_t> open = result.problem.slots;
  result.open_before.assign(result.rounds.size(), {});
  for (std::size_t k = 0; k < result.rounds.size(); ++k) {
    result.open_before[k] = open;
    for (const placement::Placement& placement : solution.placements) {
      if (static_cast<std::size_t>(placement.round) != k) continue;
      const auto e = static_cast<std::size_t>(placement.employee), p = static_cast<std::size_t>(placement.position);
      const PairSuitability& pair = suitabilities.at(e, p);
      const std::int64_t bonus = bonus_of[k][e * positions + p];
      Placed placed{e, p, k, pair.score_centi + bonus, pair.score_centi, bonus, pair.preference_rank, result.rounds[k].round.is_lock()};
      result.rounds[k].placed += 1;
      result.rounds[k].points_centi += placed.points_centi;
      result.placement_of[e] = placed;
      --open[p];
    }
  }
  result.open_after = open;

  for (const placement::Margin& margin : placement::margins(result.problem, solution)) {
    PairMargin item{static_cast<std::size_t>(margin.employee), static_cast<std::size_t>(margin.position),
                    static_cast<std::size_t>(margin.round), std::nullopt, false};
    if (margin.points) {
      item.centi_needed = scale.centi_needed(*margin.points);
      item.tie_only = scale.tie_only(*margin.points);
    }
    result.margins.push_back(item);
  }
  return result;
}

}  // namespace kwm::placement::procedure
