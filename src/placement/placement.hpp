#pragma once
// The placement engine: moves employees onto positions of a new formation in ordered rounds. Within a
// round the result is an exact lexicographic optimum: first the largest number of placements, then the
// largest total score. Pure functions over plain structs; the JSON format lives in json_format.hpp.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kwm::placement {

// Employees and positions are referred to by their 0-based index in the problem.
using Index = std::int32_t;

// A pair that may be placed in a round. Scores are finite and >= 0; higher is better.
struct Candidate {
  Index employee = 0;
  Index position = 0;
  double score = 0;
};

// The dense form of a round: scores[r * positions.size() + c] is the score of employees[r] on
// positions[c]; NaN means "not allowed" (the JSON format's null).
struct ScoreMatrix {
  std::vector<Index> employees;
  std::vector<Index> positions;
  std::vector<double> scores;
};

inline constexpr double not_allowed = std::numeric_limits<double>::quiet_NaN();

struct Round {
  std::string name;
  std::variant<std::vector<Candidate>, ScoreMatrix> pairs;
};

struct Problem {
  Index employee_count = 0;
  std::vector<std::int64_t> slots;  // per position
  std::vector<Round> rounds;
};

struct Placement {
  Index employee = 0;
  Index position = 0;
  Index round = 0;
  double score = 0;
};

struct RoundOutcome {
  Index placed = 0;
  double total_score = 0;
};

struct Solution {
  std::vector<Placement> placements;  // by round, then by employee index
  std::vector<Index> unplaced;        // employee indices, ascending
  std::vector<std::int64_t> open_slots;  // per position, after the last round
  std::vector<RoundOutcome> rounds;
  RoundOutcome objective;  // over all rounds
};

// Throws kwm::Failure (kind invalid) naming the offending element as a JSON-style path such as
// "rounds[1].candidates[4].score": indices out of range, duplicate pairs or matrix ids, negative or
// non-finite scores, negative slots, a matrix of the wrong shape.
void validate(const Problem& problem);

// Solves the rounds in order. Deterministic: equal optima are resolved by input order (employees are
// considered in the order of the problem, or of the matrix rows, and a placed employee keeps a place on a
// tie). Expects a problem that passes validate().
Solution solve(const Problem& problem);

// For a pair that was available in its round (employee unplaced and position with open slots when the
// round started) but not chosen: how many points more its score would have needed for it to be part of
// an optimal result of that round. Raising the score by exactly `points` makes an optimum with the pair
// exist (a tie); by more, every optimum contains it; by less, none does. Without a value the pair cannot
// be chosen at any score without placing fewer employees in that round.
struct Margin {
  Index employee = 0;
  Index position = 0;
  Index round = 0;
  std::optional<double> points;
};

// Margins for every available, unchosen pair of every round, by round, then position, then employee.
std::vector<Margin> margins(const Problem& problem, const Solution& solution);

}  // namespace kwm::placement
