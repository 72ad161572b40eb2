#pragma once
// From suitabilities to the engine and back: the rounds of the social plan (after HR's locks, when there
// are any), the candidate pairs of each round with their points, the tie-breaks folded into the engine's
// scores, the engine's exact optimum per round, and its margins in points.
//
// Tie-breaks are folded lexicographically: engine score = points in hundredths × unit + tie value, where
// the unit exceeds what all tie values of a round together can add. So no difference of a hundredth of a
// point is ever traded for seniority or preference rank, and between results equal in points the engine
// takes the one with the largest total tie value. What remains equal after that is decided by the
// engine's documented rule: employees in personnel-number order.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "placement/placement.hpp"
#include "placement/procedure/suitability.hpp"

namespace kwm::placement::procedure {

struct PlannedRound {
  std::optional<RoundKind> kind;  // empty: the round of the pairs HR fixed
  std::string name;
  int number = 0;                 // 0 for HR's locks, 1.. for the social plan's rounds

  bool is_lock() const { return !kind.has_value(); }
};
std::vector<PlannedRound> planned_rounds(const Settings& settings, bool has_locks);
// "ronde 2 (Voorkeur)", or "de door HR vastgezette plaatsingen".
std::string round_label(const PlannedRound& round);

// Whether a pair takes part in a round, with what bonus, and why (Dutch, about this person's own data).
struct RoundEntry {
  bool candidate = false;
  std::int64_t bonus_centi = 0;
  std::string text;
};
RoundEntry round_entry(const PairSuitability& pair, const PlannedRound& round, const Settings& settings);

class ScoreScale {
 public:
  ScoreScale(const Settings& settings, int max_preferences, std::size_t employees);
  // Throws Failure (conflict, "too_large_for_tie_breaks") when the folded scores would leave the range in
  // which the engine's arithmetic is exact for points of at most `max_points_centi`.
  void check_range(std::int64_t max_points_centi) const;
  std::int64_t tie_value(const PairSuitability& pair, const Employee& employee, Date effective_date) const;
  double engine_score(std::int64_t points_centi, std::int64_t tie_value) const;
  // The fewest hundredths of a point that, added to a pair's points, put it in every optimum of its round.
  std::int64_t centi_needed(double engine_margin) const;
  // True when the pair lost on the tie-breaks alone: equal in points.
  bool tie_only(double engine_margin) const;

 private:
  struct Part {
    TieBreak tie_break;
    std::int64_t range;
  };
  std::vector<Part> parts_;
  int max_preferences_;
  std::int64_t tie_range_ = 1;
  double unit_ = 1;
};

struct Placed {
  std::size_t employee = 0;
  std::size_t position = 0;
  std::size_t round = 0;  // index into RunResult::rounds
  std::int64_t points_centi = 0;
  std::int64_t suitability_centi = 0;
  std::int64_t bonus_centi = 0;
  std::optional<int> preference_rank;
  bool locked = false;
};

// For a candidate pair that was open in its round but not chosen: how many hundredths of a point more it
// needed (empty: only by placing fewer people in that round).
struct PairMargin {
  std::size_t employee = 0;
  std::size_t position = 0;
  std::size_t round = 0;
  std::optional<std::int64_t> centi_needed;
  bool tie_only = false;
};

struct RoundResult {
  PlannedRound round;
  std::int64_t candidates = 0;
  std::int64_t placed = 0;
  std::int64_t points_centi = 0;
};

struct RunResult {
  std::vector<RoundResult> rounds;
  std::vector<std::optional<Placed>> placement_of;         // per employee
  std::vector<std::vector<std::int64_t>> open_before;      // [round][position]: open slots as the round starts
  std::vector<std::int64_t> open_after;                    // per position, after the last round
  std::vector<PairMargin> margins;                         // by round, position, employee
  placement::Problem problem;                              // exactly what the engine solved
};

// Builds the engine's problem, solves it and reads the margins. Deterministic: the same input gives the
// same result, whatever order the store read the rows in (employees are sorted by personnel number).
RunResult run(const Suitabilities& suitabilities);

}  // namespace kwm::placement::procedure
