#pragma once
// Independent solvers the engine is checked against: exhaustive enumeration for tiny rounds, and a
// textbook min-cost max-flow (Bellman-Ford successive shortest paths from one source) for medium ones.
#include <cstdint>
#include <map>
#include <random>
#include <utility>
#include <vector>

#include "placement/placement.hpp"

namespace kwm::placement::reference {

struct Pair {
  Index employee;
  Index position;
  double score;
};

// A round as the engine sees it: the pairs still available and the slots open when it starts.
struct RoundView {
  std::vector<Pair> pairs;
  std::vector<std::int64_t> open;  // per position
};

// The state before each round, given the placements of the earlier rounds of `solution`.
std::vector<RoundView> round_views(const Problem& problem, const Solution& solution);

struct Value {
  Index placed = -1;  // -1: no feasible result
  double score = 0;
  bool better_than(const Value& other) const {
    return placed != other.placed ? placed > other.placed : score > other.score + 1e-9;
  }
};

struct Exhaustive {
  Value best;
  // Best result containing each pair (same order as RoundView::pairs).
  std::vector<Value> best_with;
  // Among the best results: the smallest sum of the indices of the placed employees.
  std::int64_t least_index_sum = 0;
  // Per employee: left unplaced by at least one result with the largest number of placements.
  std::vector<bool> unplaced_in_some_maximum;
};

Exhaustive enumerate(const RoundView& view, Index employee_count);

// Lexicographic optimum (placed, score) by min-cost max-flow with Bellman-Ford on the whole network.
Value min_cost_max_flow(const RoundView& view, Index employee_count);

struct Shape {
  Index max_employees = 7;
  Index max_positions = 4;
  std::int64_t max_slots = 2;
  Index max_rounds = 3;
  double density = 0.7;
  int distinct_scores = 4;  // small: many ties
  // Scores in thirds instead of halves: no decimal fraction, so the engine takes its floating-point route.
  bool thirds = false;
  // Only the candidate-list form of rounds.
  bool sparse_only = false;
};

Problem random_problem(std::mt19937_64& random, const Shape& shape);

}  // namespace kwm::placement::reference
