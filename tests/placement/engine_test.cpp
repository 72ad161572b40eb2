#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/error.hpp"
#include "placement/placement.hpp"
#include "reference.hpp"

namespace kwm::placement {
namespace {

using reference::Pair;
using reference::RoundView;
using reference::Shape;
using reference::Value;

// Every placement is an available pair of its round with its own score, nobody is placed twice, no
// position gets more than its slots, and the totals add up.
void expect_feasible(const Problem& problem, const Solution& solution) {
  const std::vector<RoundView> views = reference::round_views(problem, solution);
  std::vector<int> times_placed(problem.employee_count, 0);
  std::vector<std::int64_t> open = problem.slots;
  std::vector<RoundOutcome> rounds(problem.rounds.size());
  for (const Placement& p : solution.placements) {
    ASSERT_GE(p.round, 0);
    ASSERT_LT(p.round, static_cast<Index>(views.size()));
    const auto& pairs = views[p.round].pairs;
    const auto found = std::find_if(pairs.begin(), pairs.end(), [&](const Pair& pair) {
      return pair.employee == p.employee && pair.position == p.position;
    });
    ASSERT_NE(found, pairs.end()) << "placement of an unavailable pair";
    EXPECT_EQ(found->score, p.score);
    ++times_placed[p.employee];
    --open[p.position];
    ++rounds[p.round].placed;
    rounds[p.round].total_score += p.score;
  }
  for (Index e = 0; e < problem.employee_count; ++e) {
    EXPECT_LE(times_placed[e], 1);
    const bool listed = std::binary_search(solution.unplaced.begin(), solution.unplaced.end(), e);
    EXPECT_EQ(listed, times_placed[e] == 0);
  }
  for (std::int64_t slots : open) EXPECT_GE(slots, 0);
  EXPECT_EQ(open, solution.open_slots);
  ASSERT_EQ(rounds.size(), solution.rounds.size());
  for (std::size_t k = 0; k < rounds.size(); ++k) {
    EXPECT_EQ(rounds[k].placed, solution.rounds[k].placed);
    EXPECT_DOUBLE_EQ(rounds[k].total_score, solution.rounds[k].total_score);
  }
}

bool same(const Solution& a, const Solution& b) {
  if (a.placements.size() != b.placements.size() || a.unplaced != b.unplaced) return false;
  for (std::size_t k = 0; k < a.placements.size(); ++k) {
    const Placement &x = a.placements[k], &y = b.placements[k];
    if (x.employee != y.employee || x.position != y.position || x.round != y.round || x.score != y.score) return false;
  }
  return true;
}

void expect_round_optimal(const Value& best, const RoundOutcome& outcome, std::uint64_t seed, std::size_t round) {
  EXPECT_EQ(outcome.placed, best.placed) << "seed " << seed << " round " << round;
  EXPECT_NEAR(outcome.total_score, best.score, 1e-9) << "seed " << seed << " round " << round;
}

// Runs the engine on `count` random problems of one shape and checks each round against enumeration.
void check_against_enumeration(const Shape& shape, std::uint64_t first_seed, int count) {
  for (std::uint64_t seed = first_seed; seed < first_seed + count; ++seed) {
    std::mt19937_64 random(seed);
    const Problem problem = reference::random_problem(random, shape);
    ASSERT_NO_THROW(validate(problem));
    const Solution solution = solve(problem);
    expect_feasible(problem, solution);
    EXPECT_TRUE(same(solution, solve(problem))) << "not deterministic, seed " << seed;
    const std::vector<RoundView> views = reference::round_views(problem, solution);
    for (std::size_t k = 0; k < views.size(); ++k)
      expect_round_optimal(reference::enumerate(views[k], problem.employee_count).best, solution.rounds[k], seed, k);
    if (::testing::Test::HasFailure()) FAIL() << "first failing seed " << seed;
  }
}

TEST(PlacementEngine, MatchesEnumerationOnMixedSmallProblems) { check_against_enumeration(Shape{}, 1, 5000); }

TEST(PlacementEngine, MatchesEnumerationWithMoreEmployeesThanSlots) {
  check_against_enumeration(Shape{.max_employees = 7, .max_positions = 2, .max_slots = 2, .density = 0.9}, 10'000, 800);
}

TEST(PlacementEngine, MatchesEnumerationWithMoreSlotsThanEmployees) {
  check_against_enumeration(Shape{.max_employees = 3, .max_positions = 5, .max_slots = 3, .density = 0.7}, 20'000, 800);
}

TEST(PlacementEngine, MatchesEnumerationWithAllScoresEqual) {
  check_against_enumeration(Shape{.max_employees = 6, .max_positions = 4, .density = 0.6, .distinct_scores = 1}, 30'000,
                            600);
}

TEST(PlacementEngine, MatchesEnumerationWithManyDistinctScores) {
  check_against_enumeration(Shape{.distinct_scores = 1000}, 40'000, 600);
}

TEST(PlacementEngine, MatchesEnumerationWhenScoresAreNoDecimals) {
  // Thirds: sparse rounds take the floating-point route instead of the integer one.
  check_against_enumeration(Shape{.thirds = true}, 90'000, 2000);
  check_against_enumeration(Shape{.max_employees = 7, .max_positions = 2, .max_slots = 2, .density = 0.9, .thirds = true},
                            95'000, 500);
}

// Among the optimal results of a sparse round with decimal scores, the engine returns one whose placed
// employees have the smallest sum of input positions.
TEST(PlacementEngine, TiesInSparseRoundsPlaceTheEarliestEmployees) {
  const Shape shapes[] = {
      {.max_employees = 7, .max_positions = 3, .max_slots = 2, .density = 0.8, .distinct_scores = 2, .sparse_only = true},
      {.max_employees = 7, .max_positions = 4, .max_slots = 3, .density = 0.6, .distinct_scores = 3, .sparse_only = true},
      {.distinct_scores = 6, .sparse_only = true},
  };
  std::uint64_t seed = 110'000;
  int contested = 0;
  for (const Shape& shape : shapes)
    for (int k = 0; k < 1500; ++k, ++seed) {
      std::mt19937_64 random(seed);
      const Problem problem = reference::random_problem(random, shape);
      const Solution solution = solve(problem);
      expect_feasible(problem, solution);
      const std::vector<RoundView> views = reference::round_views(problem, solution);
      for (std::size_t r = 0; r < views.size(); ++r) {
        const reference::Exhaustive exhaustive = reference::enumerate(views[r], problem.employee_count);
        expect_round_optimal(exhaustive.best, solution.rounds[r], seed, r);
        std::int64_t index_sum = 0;
        for (const Placement& p : solution.placements)
          if (p.round == static_cast<Index>(r)) index_sum += p.employee;
        EXPECT_EQ(index_sum, exhaustive.least_index_sum) << "seed " << seed << " round " << r;
        const auto available = std::count_if(exhaustive.unplaced_in_some_maximum.begin(),
                                             exhaustive.unplaced_in_some_maximum.end(), [](bool b) { return b; });
        contested += available > 0 && exhaustive.best.placed > 0 ? 1 : 0;
      }
      if (::testing::Test::HasFailure()) FAIL() << "first failing seed " << seed;
    }
  EXPECT_GT(contested, 2000);
}

// Medium and larger rounds against min-cost max-flow: both forms and several rounds, then sparse rounds
// shaped to reach every part of the integer method: mostly contested (many more employees than slots),
// mostly placed-in-every-maximum (many more slots), wide score ranges (several auction phases), large
// capacities (long heaps of rows per position), and thirds (the floating-point route).
TEST(PlacementEngine, MatchesMinCostFlowOnMediumProblems) {
  struct Batch {
    Shape shape;
    std::uint64_t first_seed;
    int count;
  };
  const Batch batches[] = {
      {{.max_employees = 80, .max_positions = 25, .max_slots = 3, .max_rounds = 2, .density = 0.3, .distinct_scores = 8},
       50'000, 1000},
      {{.max_employees = 150, .max_positions = 12, .max_slots = 4, .max_rounds = 1, .density = 0.12,
        .distinct_scores = 30, .sparse_only = true},
       51'000, 150},
      {{.max_employees = 40, .max_positions = 40, .max_slots = 6, .max_rounds = 1, .density = 0.1,
        .distinct_scores = 1000, .sparse_only = true},
       52'000, 300},
      {{.max_employees = 120, .max_positions = 30, .max_slots = 3, .max_rounds = 2, .density = 0.06,
        .distinct_scores = 4, .sparse_only = true},
       53'000, 150},
      {{.max_employees = 120, .max_positions = 6, .max_slots = 25, .max_rounds = 1, .density = 0.3,
        .distinct_scores = 200, .sparse_only = true},
       54'000, 100},
      {{.max_employees = 80, .max_positions = 20, .max_slots = 4, .max_rounds = 2, .density = 0.2, .distinct_scores = 9,
        .thirds = true, .sparse_only = true},
       55'000, 200},
  };
  for (const Batch& batch : batches)
    for (std::uint64_t seed = batch.first_seed; seed < batch.first_seed + batch.count; ++seed) {
      std::mt19937_64 random(seed);
      const Problem problem = reference::random_problem(random, batch.shape);
      const Solution solution = solve(problem);
      expect_feasible(problem, solution);
      EXPECT_TRUE(same(solution, solve(problem))) << "not deterministic, seed " << seed;
      const std::vector<RoundView> views = reference::round_views(problem, solution);
      for (std::size_t k = 0; k < views.size(); ++k)
        expect_round_optimal(reference::min_cost_max_flow(views[k], problem.employee_count), solution.rounds[k], seed, k);
      if (::testing::Test::HasFailure()) FAIL() << "first failing seed " << seed;
    }
}

TEST(PlacementEngine, HugeSlotCountsAreFine) {
  Problem problem;
  problem.employee_count = 3;
  problem.slots = {1'000'000'000'000, 0, std::numeric_limits<std::int64_t>::max()};
  problem.rounds.push_back({"r", std::vector<Candidate>{{0, 0, 1}, {1, 0, 2.5}, {2, 1, 3}, {2, 2, 0.5}}});
  const Solution solution = solve(problem);
  EXPECT_EQ(solution.objective.placed, 3);
  EXPECT_EQ(solution.objective.total_score, 4);
  EXPECT_EQ(solution.open_slots[0], 999'999'999'998);
}

// The same round in dense and in sparse form has the same optimum.
TEST(PlacementEngine, DenseAndSparseFormsAgree) {
  for (std::uint64_t seed = 60'000; seed < 60'100; ++seed) {
    std::mt19937_64 random(seed);
    const Shape shape{.max_employees = 30, .max_positions = 30, .max_slots = 2, .max_rounds = 1, .density = 0.8,
                      .distinct_scores = 5};
    Problem dense;
    do dense = reference::random_problem(random, shape);
    while (dense.rounds.empty() || !std::holds_alternative<ScoreMatrix>(dense.rounds[0].pairs));
    const auto& matrix = std::get<ScoreMatrix>(dense.rounds[0].pairs);
    std::vector<Candidate> candidates;
    for (std::size_t r = 0; r < matrix.employees.size(); ++r)
      for (std::size_t c = 0; c < matrix.positions.size(); ++c)
        if (const double s = matrix.scores[r * matrix.positions.size() + c]; !std::isnan(s))
          candidates.push_back({matrix.employees[r], matrix.positions[c], s});
    Problem sparse = dense;
    sparse.rounds[0].pairs = candidates;
    const Solution a = solve(dense), b = solve(sparse);
    EXPECT_EQ(a.objective.placed, b.objective.placed) << "seed " << seed;
    EXPECT_DOUBLE_EQ(a.objective.total_score, b.objective.total_score) << "seed " << seed;
  }
}

TEST(PlacementEngine, LaterRoundsSeeOnlyWhatIsLeft) {
  Problem problem;
  problem.employee_count = 3;
  problem.slots = {1, 2};
  problem.rounds.push_back({"person follows function", std::vector<Candidate>{{0, 0, 1}}});
  problem.rounds.push_back({"preference", std::vector<Candidate>{{0, 1, 9}, {1, 0, 9}, {1, 1, 2}, {2, 1, 1}}});
  problem.rounds.push_back({"empty", std::vector<Candidate>{}});
  const Solution solution = solve(problem);
  ASSERT_EQ(solution.placements.size(), 3u);
  EXPECT_EQ(solution.placements[0].employee, 0);
  EXPECT_EQ(solution.placements[0].round, 0);
  EXPECT_EQ(solution.rounds[1].placed, 2);  // employee 1 cannot take position 0 any more
  EXPECT_EQ(solution.rounds[1].total_score, 3);
  EXPECT_EQ(solution.rounds[2].placed, 0);
  EXPECT_TRUE(solution.unplaced.empty());
  EXPECT_EQ(solution.open_slots, (std::vector<std::int64_t>{0, 0}));
}

TEST(PlacementEngine, CardinalityComesBeforeScore) {
  // One high score would block two placements; two placements win.
  Problem problem;
  problem.employee_count = 2;
  problem.slots = {1, 1};
  problem.rounds.push_back({"r", std::vector<Candidate>{{0, 0, 100}, {1, 0, 1}, {0, 1, 0}}});
  const Solution solution = solve(problem);
  EXPECT_EQ(solution.objective.placed, 2);
  EXPECT_EQ(solution.objective.total_score, 1);
}

TEST(PlacementEngine, TiesGoToTheEarlierEmployee) {
  Problem problem;
  problem.employee_count = 3;
  problem.slots = {1};
  problem.rounds.push_back({"r", std::vector<Candidate>{{2, 0, 5}, {1, 0, 5}, {0, 0, 5}}});
  const Solution solution = solve(problem);
  ASSERT_EQ(solution.placements.size(), 1u);
  EXPECT_EQ(solution.placements[0].employee, 0);
}

std::string failing_field(const Problem& problem) {
  try {
    validate(problem);
  } catch (const Failure& failure) {
    return failure.error().field;
  }
  return "(accepted)";
}

TEST(PlacementEngine, ValidationNamesTheElement) {
  Problem base;
  base.employee_count = 2;
  base.slots = {1, 1};
  base.rounds.push_back({"r", std::vector<Candidate>{{0, 0, 1}, {1, 1, 2}}});
  EXPECT_EQ(failing_field(base), "(accepted)");

  Problem p = base;
  p.slots[1] = -1;
  EXPECT_EQ(failing_field(p), "positions[1].slots");
  p = base;
  std::get<std::vector<Candidate>>(p.rounds[0].pairs)[1].score = -0.5;
  EXPECT_EQ(failing_field(p), "rounds[0].candidates[1].score");
  p = base;
  std::get<std::vector<Candidate>>(p.rounds[0].pairs)[0].score = std::numeric_limits<double>::infinity();
  EXPECT_EQ(failing_field(p), "rounds[0].candidates[0].score");
  p = base;
  std::get<std::vector<Candidate>>(p.rounds[0].pairs)[1].employee = 2;
  EXPECT_EQ(failing_field(p), "rounds[0].candidates[1].employee");
  p = base;
  std::get<std::vector<Candidate>>(p.rounds[0].pairs).push_back({0, 0, 3});
  EXPECT_EQ(failing_field(p), "rounds[0].candidates[2]");

  p = base;
  p.rounds.push_back({"m", ScoreMatrix{{0, 1}, {1}, {1.0, not_allowed}}});
  EXPECT_EQ(failing_field(p), "(accepted)");
  std::get<ScoreMatrix>(p.rounds[1].pairs).scores.pop_back();
  EXPECT_EQ(failing_field(p), "rounds[1].matrix.scores");
  p.rounds[1] = {"m", ScoreMatrix{{0, 0}, {1}, {1.0, 2.0}}};
  EXPECT_EQ(failing_field(p), "rounds[1].matrix.employees[1]");
  p.rounds[1] = {"m", ScoreMatrix{{0, 1}, {1}, {1.0, -2.0}}};
  EXPECT_EQ(failing_field(p), "rounds[1].matrix.scores[1][0]");
}

}  // namespace
}  // namespace kwm::placement
