#pragma once
// Internal: the exact solver for one round. Dense rounds, and sparse rounds whose scores are not decimals
// with at most nine places, use the method below; other sparse rounds use integer_round.hpp.
//
// Rows (employees) are added one at a time. After row r the matching is a lexicographic optimum over the
// rows seen so far (most placements, then least cost, cost = -score). Adding row r, one Dijkstra search
// over reduced costs from r decides between:
//   - a free column (one with a spare slot) is reachable: augment along the shortest path to it. Any
//     better matching with one more placement must start at r, so this is the new optimum;
//   - none is reachable: the only possible improvement replaces an already placed row i by r along an
//     alternating path r -> ... -> i. Its cost is the label of i's column minus i's potential; if the
//     best one is negative, r comes in and i drops out for the rest of the round.
// Rows that drop out or fail never come back, which is what makes one pass over the rows enough. A
// complete search that finds no free column marks what it visited as dead (no free column can be reached
// from there again in this round), so for a row with only dead columns the search looks for a replacement
// alone and stops once no placed row's potential can make one pay. Column
// prices only change while a column is full, so every free column keeps price 0 and labels compare free
// columns by true path cost. Capacities are native: a full column leads to every row placed on it.
#include <cstdint>
#include <vector>

#include "placement/placement.hpp"

namespace kwm::placement::detail {

inline constexpr double infinite_cost = std::numeric_limits<double>::infinity();

struct Matching {
  Matching(Index rows, std::vector<std::int64_t> capacity)
      : column_of(rows, -1), row_potential(rows, 0.0), column_price(capacity.size(), 0.0),
        rows_on(capacity.size()), spare(std::move(capacity)) {}

  std::vector<Index> column_of;         // per row, -1 = not placed
  std::vector<double> row_potential;    // u: tight (reduced cost 0) on the row's own column
  std::vector<double> column_price;     // v: reduced cost of (i, j) = cost(i, j) - u[i] - v[j] >= 0
  std::vector<std::vector<Index>> rows_on;  // per column, the rows placed on it
  std::vector<std::int64_t> spare;      // per column, slots still open
};

// Dense form: cost(i, j) = -scores[row_offset[i] + j]; NaN = no arc.
struct DenseGraph {
  const double* scores = nullptr;
  std::vector<std::size_t> row_offset;  // per row
  Index columns = 0;
};

// Sparse form: the arcs of row i are first[i] .. first[i + 1] - 1. Rows are employees in input order:
// employee[i] is row i's index in the problem (it decides ties in integer_round.hpp).
struct SparseGraph {
  std::vector<std::int64_t> first;
  std::vector<Index> column;
  std::vector<double> score;
  Index columns = 0;
  std::vector<Index> employee;
  Index employee_count = 0;
};

// Places as many rows as possible, then at the least cost. A column with capacity 0 takes nobody.
// Returns the column of every row (-1 = unplaced).
std::vector<Index> solve_round(const DenseGraph& graph, std::vector<std::int64_t> capacity);
std::vector<Index> solve_round(const SparseGraph& graph, std::vector<std::int64_t> capacity);

}  // namespace kwm::placement::detail
