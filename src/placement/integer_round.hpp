#pragma once
// Internal: the exact method for a sparse round whose scores are decimals with at most nine places, in
// 64-bit integer arithmetic (round_solver.hpp falls back to the double method for other scores).
//
// 1. Cardinality. A maximum matching (Hopcroft-Karp with slots) gives the largest number of placements K
//    and, by the Dulmage-Mendelsohn decomposition, splits the round in two independent parts: the rows
//    reachable by alternating paths from a row left out (the "contested" rows; in EVERY maximum matching
//    their columns are full and hold only contested rows, and exactly rows - K of them stay out) and the
//    rest (placed in every maximum matching, on the other columns). So the lexicographic optimum is a
//    maximum-score result of each part with a fixed number of placements, and no search for "who drops
//    out" is needed: a dummy column with rows - K slots takes the contested rows that stay out. The
//    contested part is then balanced (every slot, dummy included, ends up filled), the rest is
//    row-perfect (every row is placed).
// 2. Ties. In the contested part the dummy arc of employee e weighs e, against real scores multiplied by
//    (rows - K) * employee_count + 1, so among equal optima the employees left out are the latest in the
//    input (the placed ones have the smallest sum of input positions). Only when that multiplier does
//    not fit the 64-bit budget is it 1, and equal optima are then resolved by the procedure below.
// 3. Prices. On the balanced part, a forward auction with epsilon-scaling (prices per slot, a bidder
//    evicting the cheapest slot of its best column) stops at epsilon = 1/8 score unit. Its column prices
//    (the cheapest slot of each column) are dual feasible for every row whose column is exactly its best;
//    those rows keep their column, the others are placed again in step 4. Balanced means no sign or
//    equality condition on the prices of columns with open slots, so any such start is valid.
// 4. Shortest augmenting paths (Dijkstra over reduced costs) place the remaining rows in index order:
//    the contested part from the auction's start, the rest from zero prices. A row reached through its
//    column is scanned lazily: it enters the queue at its column's label plus a lower bound of its
//    cheapest other arc, so the many rows that are content where they are are never scanned before the
//    search ends. Each column keeps its rows in a heap on that bound (shifted per column as prices change)
//    and the search walks the heap in order. Integer labels go through a radix heap.
#include <cstdint>
#include <optional>
#include <vector>

#include "placement/round_solver.hpp"

namespace kwm::placement::detail {

// The score of every arc times 10^decimals, exactly, for the fewest decimals (at most nine) that make all
// of them whole; none when some score is no such decimal (or would be 9e15 or more).
std::optional<std::vector<std::int64_t>> integer_scores(const std::vector<double>& scores);

// Rows are the round's employees in input order; employee[r] is the index of row r in the problem, which
// decides ties as described above. Returns the column of every row (-1 = unplaced), or none when the
// weights do not fit 64-bit arithmetic.
std::optional<std::vector<Index>> solve_integer_round(const SparseGraph& graph, const std::vector<std::int64_t>& weight,
                                                      const std::vector<Index>& employee, Index employee_count,
                                                      const std::vector<std::int64_t>& capacity);

// Step 1 on its own, exposed for tests: a maximum matching and the contested rows.
struct Cardinality {
  std::vector<Index> column_of;  // per row, -1 = unplaced
  std::vector<char> contested;   // per row
  Index placed = 0;
};
Cardinality max_cardinality(const SparseGraph& graph, const std::vector<std::int64_t>& capacity);

}  // namespace kwm::placement::detail
