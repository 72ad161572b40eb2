// The `place` command's input format (placement/json_format.hpp) and, for a problem it accepts that is small
// enough to enumerate, the engine: solve, margins and the result document, as `kwartiermaker place
// --margins` runs them. Besides the sanitizers: the result is feasible, every round is as good as the
// exhaustive search of the unit tests finds (tests/placement/reference.hpp), margins are not negative and
// the result document is valid JSON.
#include <boost/json/parse.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <variant>

#include "core/error.hpp"
#include "fuzz_support.hpp"
#include "placement/json_format.hpp"
#include "placement/placement.hpp"
#include "../tests/placement/reference.hpp"

namespace {

using namespace kwm;
using namespace kwm::placement;

// The exhaustive search tries every choice per employee: its work is the product of (options + 1) over the
// employees of a round. Keep each input to milliseconds.
constexpr double kMaxEnumeration = 20'000;
constexpr Index kMaxEmployees = 10;
constexpr std::size_t kMaxPositions = 10;

bool small_enough(const Problem& problem, const std::vector<reference::RoundView>& views) {
  for (const reference::RoundView& view : views) {
    std::vector<double> options(problem.employee_count, 1.0);
    for (const reference::Pair& pair : view.pairs) options[pair.employee] += 1;
    double work = 1;
    for (double o : options) work *= o;
    if (work > kMaxEnumeration) return false;
  }
  return true;
}

void check_feasible(const Problem& problem, const Solution& solution, const std::vector<reference::RoundView>& views) {
  std::vector<int> times_placed(problem.employee_count, 0);
  std::vector<std::int64_t> open = problem.slots;
  std::vector<Index> placed_in(problem.rounds.size(), 0);
  for (const Placement& p : solution.placements) {
    fuzz::require(p.round >= 0 && p.round < static_cast<Index>(views.size()), "a placement's round exists");
    const auto& pairs = views[p.round].pairs;
    const bool available = std::any_of(pairs.begin(), pairs.end(), [&](const reference::Pair& pair) {
      return pair.employee == p.employee && pair.position == p.position && pair.score == p.score;
    });
    fuzz::require(available, "a placement is an available pair with its own score");
    ++times_placed[p.employee];
    --open[p.position];
    ++placed_in[p.round];
  }
  for (Index e = 0; e < problem.employee_count; ++e) {
    fuzz::require(times_placed[e] <= 1, "nobody is placed twice");
    const bool listed = std::binary_search(solution.unplaced.begin(), solution.unplaced.end(), e);
    fuzz::require(listed == (times_placed[e] == 0), "the unplaced are exactly those not placed");
  }
  for (std::int64_t slots : open) fuzz::require(slots >= 0, "no position gets more than its slots");
  fuzz::require(open == solution.open_slots, "open slots add up");
  for (std::size_t k = 0; k < placed_in.size(); ++k)
    fuzz::require(placed_in[k] == solution.rounds[k].placed, "a round's count adds up");
}

void check_optimal(const Problem& problem, const Solution& solution, const std::vector<reference::RoundView>& views) {
  for (std::size_t k = 0; k < views.size(); ++k) {
    const reference::Value best = reference::enumerate(views[k], problem.employee_count).best;
    fuzz::require(solution.rounds[k].placed == best.placed, "a round places as many as possible");
    double magnitude = 1;
    for (const reference::Pair& pair : views[k].pairs) magnitude += pair.score;
    const double gap = std::fabs(solution.rounds[k].total_score - best.score);
    if (gap > 1e-9 * magnitude) {
      std::fprintf(stderr, "round %zu: engine %.17g, exhaustive %.17g\n", k, solution.rounds[k].total_score, best.score);
      fuzz::require(false, "a round has the best total score");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ParsedProblem parsed;
  try {
    parsed = parse_problem(fuzz::text_of(data, size));
  } catch (const Failure&) {
    return 0;
  }
  const Problem& problem = parsed.problem;
  if (problem.employee_count > kMaxEmployees || problem.slots.size() > kMaxPositions) return 0;
  // The views of the rounds depend on who was placed before; with nobody placed they bound the work from above.
  if (!small_enough(problem, reference::round_views(problem, Solution{}))) return 0;

  const Solution solution = solve(problem);
  const std::vector<reference::RoundView> views = reference::round_views(problem, solution);
  check_feasible(problem, solution, views);
  check_optimal(problem, solution, views);
  const std::vector<Margin> found = margins(problem, solution);
  for (const Margin& m : found)
    if (m.points) fuzz::require(*m.points >= 0 && std::isfinite(*m.points), "a margin is a finite number of points >= 0");
  boost::system::error_code error;
  boost::json::parse(format_result(parsed, solution, Timing{}, &found), error);
  fuzz::require(!error, "the result document is valid JSON");
  return 0;
}
