#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "placement/placement.hpp"
#include "reference.hpp"

namespace kwm::placement {
namespace {

using reference::Pair;
using reference::RoundView;
using reference::Shape;

bool chosen(const Solution& solution, const Margin& m) {
  return std::any_of(solution.placements.begin(), solution.placements.end(), [&](const Placement& p) {
    return p.round == m.round && p.employee == m.employee && p.position == m.position;
  });
}

// A copy of the problem with the score of one pair of one round raised.
Problem raised(const Problem& problem, const Margin& m, double by) {
  Problem copy = problem;
  std::visit(
      [&](auto& pairs) {
        if constexpr (std::is_same_v<std::decay_t<decltype(pairs)>, ScoreMatrix>) {
          const auto row = std::find(pairs.employees.begin(), pairs.employees.end(), m.employee) - pairs.employees.begin();
          const auto col = std::find(pairs.positions.begin(), pairs.positions.end(), m.position) - pairs.positions.begin();
          pairs.scores[row * pairs.positions.size() + col] += by;
        } else {
          for (Candidate& c : pairs)
            if (c.employee == m.employee && c.position == m.position) c.score += by;
        }
      },
      copy.rounds[m.round].pairs);
  return copy;
}

// Against enumeration: the margin is the gap between the optimum and the best result that contains the
// pair, and there is none exactly when no result with as many placements contains it.
TEST(PlacementMargins, EqualTheGapToTheBestResultWithThePair) {
  for (std::uint64_t seed = 70'000; seed < 72'000; ++seed) {
    std::mt19937_64 random(seed);
    const Problem problem = reference::random_problem(random, Shape{});
    const Solution solution = solve(problem);
    const std::vector<Margin> all = margins(problem, solution);
    const std::vector<RoundView> views = reference::round_views(problem, solution);
    std::size_t expected_count = 0;
    for (std::size_t k = 0; k < views.size(); ++k) {
      const reference::Exhaustive exhaustive = reference::enumerate(views[k], problem.employee_count);
      for (std::size_t q = 0; q < views[k].pairs.size(); ++q) {
        const Pair& pair = views[k].pairs[q];
        const Margin probe{pair.employee, pair.position, static_cast<Index>(k), std::nullopt};
        if (chosen(solution, probe)) continue;
        ++expected_count;
        const auto found = std::find_if(all.begin(), all.end(), [&](const Margin& m) {
          return m.round == probe.round && m.employee == probe.employee && m.position == probe.position;
        });
        ASSERT_NE(found, all.end()) << "seed " << seed;
        const reference::Value& with = exhaustive.best_with[q];
        if (with.placed < exhaustive.best.placed) {
          EXPECT_FALSE(found->points.has_value()) << "seed " << seed;
        } else {
          ASSERT_TRUE(found->points.has_value()) << "seed " << seed;
          EXPECT_NEAR(*found->points, exhaustive.best.score - with.score, 1e-9) << "seed " << seed;
        }
      }
    }
    EXPECT_EQ(all.size(), expected_count) << "seed " << seed;
    if (::testing::Test::HasFailure()) FAIL() << "first failing seed " << seed;
  }
}

// Against the engine itself: raising the pair's score by a little more than its margin makes the engine
// choose it; by a little less, it still does not.
TEST(PlacementMargins, RaisingTheScoreByTheMarginTipsTheChoice) {
  const double epsilon = 0.25;  // scores are multiples of 0.5, so margins are too
  int tipped = 0;
  for (std::uint64_t seed = 80'000; seed < 81'000; ++seed) {
    std::mt19937_64 random(seed);
    const Problem problem = reference::random_problem(random, Shape{.max_employees = 5, .max_positions = 4});
    const Solution solution = solve(problem);
    for (const Margin& m : margins(problem, solution)) {
      ASSERT_FALSE(chosen(solution, m));
      if (!m.points) {
        EXPECT_FALSE(chosen(solve(raised(problem, m, 1000)), m)) << "seed " << seed;
        continue;
      }
      EXPECT_GE(*m.points, 0);
      const Solution more = solve(raised(problem, m, *m.points + epsilon));
      EXPECT_TRUE(chosen(more, m)) << "seed " << seed;
      ++tipped;
      if (*m.points >= epsilon) {
        EXPECT_FALSE(chosen(solve(raised(problem, m, *m.points - epsilon)), m)) << "seed " << seed;
      }
    }
    if (::testing::Test::HasFailure()) FAIL() << "first failing seed " << seed;
  }
  EXPECT_GT(tipped, 1000);
}

}  // namespace
}  // namespace kwm::placement
