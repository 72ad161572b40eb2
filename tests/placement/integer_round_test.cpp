// The integer method for sparse rounds (src/placement/integer_round.hpp), piece by piece: reading decimal
// scores exactly, and the maximum matching with its split into contested rows and the rest, against
// enumeration. The engine tests check what it solves.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "placement/integer_round.hpp"
#include "reference.hpp"

namespace kwm::placement {
namespace {

using detail::integer_scores;

TEST(IntegerRound, ReadsDecimalScoresExactly) {
  EXPECT_EQ(integer_scores({0, 7, 12}), (std::vector<std::int64_t>{0, 7, 12}));
  EXPECT_EQ(integer_scores({0, 1, 2.5, 65.25}), (std::vector<std::int64_t>{0, 100, 250, 6525}));
  EXPECT_EQ(integer_scores({0.1, 0.2, 0.3}), (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(integer_scores({0.123456789, 1}), (std::vector<std::int64_t>{123456789, 1000000000}));
  EXPECT_EQ(integer_scores({}), (std::vector<std::int64_t>{}));
  EXPECT_EQ(integer_scores({1.0 / 3}), std::nullopt);
  EXPECT_EQ(integer_scores({0.1 + 0.2}), std::nullopt);  // 0.30000000000000004
  EXPECT_EQ(integer_scores({0.0123456789}), std::nullopt);
  EXPECT_EQ(integer_scores({1e300}), std::nullopt);
}

// One row per employee of the round (also those without pairs), arcs in pair order.
detail::SparseGraph graph_of(const reference::RoundView& view, Index employee_count) {
  std::vector<reference::Pair> pairs = view.pairs;
  std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.employee < b.employee; });
  detail::SparseGraph graph;
  graph.columns = static_cast<Index>(view.open.size());
  graph.first.assign(employee_count + 1, 0);
  for (const auto& pair : pairs) ++graph.first[pair.employee + 1];
  std::partial_sum(graph.first.begin(), graph.first.end(), graph.first.begin());
  for (const auto& pair : pairs) {
    graph.column.push_back(pair.position);
    graph.score.push_back(pair.score);
  }
  return graph;
}

// The contested rows are exactly those that some maximum matching leaves out (Dulmage-Mendelsohn).
TEST(IntegerRound, MaxCardinalityFindsTheRowsThatCanBeLeftOut) {
  const reference::Shape shapes[] = {
      {.max_employees = 7, .max_positions = 4, .max_slots = 2, .max_rounds = 1, .density = 0.5, .sparse_only = true},
      {.max_employees = 8, .max_positions = 3, .max_slots = 3, .max_rounds = 1, .density = 0.3, .sparse_only = true},
      {.max_employees = 4, .max_positions = 6, .max_slots = 1, .max_rounds = 1, .density = 0.4, .sparse_only = true},
  };
  int with_contested = 0;
  std::uint64_t seed = 100'000;
  for (const reference::Shape& shape : shapes)
    for (int k = 0; k < 1500; ++k, ++seed) {
      std::mt19937_64 random(seed);
      const Problem problem = reference::random_problem(random, shape);
      if (problem.rounds.empty()) continue;
      const reference::RoundView view = reference::round_views(problem, solve(problem))[0];
      const detail::Cardinality cardinality = detail::max_cardinality(graph_of(view, problem.employee_count), view.open);
      const reference::Exhaustive exhaustive = reference::enumerate(view, problem.employee_count);
      ASSERT_EQ(cardinality.placed, exhaustive.best.placed) << "seed " << seed;
      std::vector<std::int64_t> used(view.open.size(), 0);
      Index placed = 0;
      for (Index e = 0; e < problem.employee_count; ++e) {
        const Index p = cardinality.column_of[e];
        EXPECT_EQ(static_cast<bool>(cardinality.contested[e]), exhaustive.unplaced_in_some_maximum[e])
            << "seed " << seed << " employee " << e;
        if (p < 0) continue;
        ++placed;
        ++used[p];
        EXPECT_TRUE(std::any_of(view.pairs.begin(), view.pairs.end(),
                                [&](const auto& pair) { return pair.employee == e && pair.position == p; }))
            << "seed " << seed;
      }
      EXPECT_EQ(placed, cardinality.placed) << "seed " << seed;
      for (std::size_t p = 0; p < used.size(); ++p) EXPECT_LE(used[p], view.open[p]) << "seed " << seed;
      with_contested += std::count(cardinality.contested.begin(), cardinality.contested.end(), 1) > 0 ? 1 : 0;
      if (::testing::Test::HasFailure()) FAIL() << "first failing seed " << seed;
    }
  EXPECT_GT(with_contested, 1000);
}

}  // namespace
}  // namespace kwm::placement
