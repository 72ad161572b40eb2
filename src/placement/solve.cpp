#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <numeric>

#include "core/error.hpp"
#include "placement/placement.hpp"
#include "placement/round_solver.hpp"

namespace kwm::placement {
namespace {

// Paths are formatted only for a failure: a large matrix has millions of scores.
template <class PathOf>
void check_score(double score, bool null_allowed, PathOf path_of) {
  if (null_allowed && std::isnan(score)) return;
  if (!std::isfinite(score)) fail_invalid(path_of(), "score must be a finite number");
  if (score < 0) fail_invalid(path_of(), "score must not be negative");
}

template <class PathOf>
void check_index(Index index, Index count, const char* what, PathOf path_of) {
  if (index < 0 || index >= count) fail_invalid(path_of(), fmt::format("unknown {}", what));
}

// Fails on the second occurrence of any key, naming it by `path_of(position in keys)`.
template <class PathOf>
void check_unique(const std::vector<std::int64_t>& keys, PathOf path_of, const char* message) {
  std::vector<std::size_t> order(keys.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  std::size_t first_duplicate = keys.size();
  for (std::size_t k = 1; k < order.size(); ++k)
    if (keys[order[k]] == keys[order[k - 1]]) first_duplicate = std::min(first_duplicate, order[k]);
  if (first_duplicate < keys.size()) fail_invalid(path_of(first_duplicate), message);
}

void validate_candidates(const Problem& problem, const std::vector<Candidate>& candidates, const std::string& at) {
  const auto positions = static_cast<Index>(problem.slots.size());
  std::vector<std::int64_t> keys;
  keys.reserve(candidates.size());
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    const Candidate& candidate = candidates[c];
    const auto path = [&](const char* member) { return fmt::format("{}.candidates[{}].{}", at, c, member); };
    check_index(candidate.employee, problem.employee_count, "employee", [&] { return path("employee"); });
    check_index(candidate.position, positions, "position", [&] { return path("position"); });
    check_score(candidate.score, false, [&] { return path("score"); });
    keys.push_back(std::int64_t{candidate.employee} * positions + candidate.position);
  }
  check_unique(
      keys, [&](std::size_t c) { return fmt::format("{}.candidates[{}]", at, c); },
      "duplicate pair: this employee and position already appear in this round");
}

void validate_matrix(const Problem& problem, const ScoreMatrix& matrix, const std::string& at) {
  const auto positions = static_cast<Index>(problem.slots.size());
  for (std::size_t r = 0; r < matrix.employees.size(); ++r)
    check_index(matrix.employees[r], problem.employee_count, "employee",
                [&] { return fmt::format("{}.matrix.employees[{}]", at, r); });
  for (std::size_t c = 0; c < matrix.positions.size(); ++c)
    check_index(matrix.positions[c], positions, "position", [&] { return fmt::format("{}.matrix.positions[{}]", at, c); });
  check_unique(
      {matrix.employees.begin(), matrix.employees.end()},
      [&](std::size_t r) { return fmt::format("{}.matrix.employees[{}]", at, r); }, "duplicate employee in matrix");
  check_unique(
      {matrix.positions.begin(), matrix.positions.end()},
      [&](std::size_t c) { return fmt::format("{}.matrix.positions[{}]", at, c); }, "duplicate position in matrix");
  const std::size_t columns = matrix.positions.size();
  if (matrix.scores.size() != matrix.employees.size() * columns)
    fail_invalid(at + ".matrix.scores",
                 fmt::format("expected {} rows of {} scores", matrix.employees.size(), columns));
  for (std::size_t k = 0; k < matrix.scores.size(); ++k)
    check_score(matrix.scores[k], true, [&] { return fmt::format("{}.matrix.scores[{}][{}]", at, k / columns, k % columns); });
}

struct Progress {
  std::vector<Index> position_of;  // per employee, -1 while unplaced
  std::vector<std::int64_t> open;  // per position
};

// Appends the placements of one round and returns its outcome.
RoundOutcome record(Solution& solution, Progress& progress, Index round, std::vector<Placement> placed) {
  std::sort(placed.begin(), placed.end(), [](const Placement& a, const Placement& b) { return a.employee < b.employee; });
  RoundOutcome outcome;
  for (const Placement& placement : placed) {
    progress.position_of[placement.employee] = placement.position;
    --progress.open[placement.position];
    ++outcome.placed;
    outcome.total_score += placement.score;
    solution.placements.push_back(placement);
  }
  return outcome;
}

RoundOutcome solve_sparse(const std::vector<Candidate>& candidates, Index round, Solution& solution,
                          Progress& progress) {
  const auto positions = static_cast<Index>(progress.open.size());
  const auto available = [&](const Candidate& c) {
    return progress.position_of[c.employee] < 0 && progress.open[c.position] > 0;
  };
  std::vector<Index> employees;
  for (const Candidate& c : candidates)
    if (available(c)) employees.push_back(c.employee);
  std::sort(employees.begin(), employees.end());
  employees.erase(std::unique(employees.begin(), employees.end()), employees.end());
  std::vector<Index> row_of(progress.position_of.size(), -1);
  for (std::size_t r = 0; r < employees.size(); ++r) row_of[employees[r]] = static_cast<Index>(r);

  detail::SparseGraph graph;
  graph.columns = positions;
  graph.employee = employees;
  graph.employee_count = static_cast<Index>(progress.position_of.size());
  graph.first.assign(employees.size() + 1, 0);
  for (const Candidate& c : candidates)
    if (available(c)) ++graph.first[row_of[c.employee] + 1];
  std::partial_sum(graph.first.begin(), graph.first.end(), graph.first.begin());
  graph.column.resize(graph.first.back());
  graph.score.resize(graph.first.back());
  std::vector<std::int64_t> fill(graph.first.begin(), graph.first.end() - 1);
  for (const Candidate& c : candidates) {
    if (!available(c)) continue;
    const std::int64_t arc = fill[row_of[c.employee]]++;
    graph.column[arc] = c.position;
    graph.score[arc] = c.score;
  }

  const std::vector<Index> column_of = detail::solve_round(graph, progress.open);
  std::vector<Placement> placed;
  for (std::size_t r = 0; r < employees.size(); ++r) {
    const Index column = column_of[r];
    if (column < 0) continue;
    double score = 0;
    for (std::int64_t a = graph.first[r]; a < graph.first[r + 1]; ++a)
      if (graph.column[a] == column) score = graph.score[a];
    placed.push_back({employees[r], column, round, score});
  }
  return record(solution, progress, round, std::move(placed));
}

RoundOutcome solve_dense(const ScoreMatrix& matrix, Index round, Solution& solution, Progress& progress) {
  const std::size_t columns = matrix.positions.size();
  detail::DenseGraph graph;
  graph.scores = matrix.scores.data();
  graph.columns = static_cast<Index>(columns);
  std::vector<Index> matrix_row;
  for (std::size_t r = 0; r < matrix.employees.size(); ++r) {
    if (progress.position_of[matrix.employees[r]] >= 0) continue;
    matrix_row.push_back(static_cast<Index>(r));
    graph.row_offset.push_back(r * columns);
  }
  std::vector<std::int64_t> capacity(columns);
  for (std::size_t c = 0; c < columns; ++c) capacity[c] = progress.open[matrix.positions[c]];

  const std::vector<Index> column_of = detail::solve_round(graph, std::move(capacity));
  std::vector<Placement> placed;
  for (std::size_t r = 0; r < matrix_row.size(); ++r) {
    const Index column = column_of[r];
    if (column < 0) continue;
    placed.push_back({matrix.employees[matrix_row[r]], matrix.positions[column], round,
                      matrix.scores[graph.row_offset[r] + column]});
  }
  return record(solution, progress, round, std::move(placed));
}

}  // namespace

void validate(const Problem& problem) {
  if (problem.employee_count < 0) fail_invalid("employees", "negative employee count");
  for (std::size_t p = 0; p < problem.slots.size(); ++p)
    if (problem.slots[p] < 0) fail_invalid(fmt::format("positions[{}].slots", p), "slots must not be negative");
  for (std::size_t k = 0; k < problem.rounds.size(); ++k) {
    const std::string at = fmt::format("rounds[{}]", k);
    if (const auto* candidates = std::get_if<std::vector<Candidate>>(&problem.rounds[k].pairs))
      validate_candidates(problem, *candidates, at);
    else
      validate_matrix(problem, std::get<ScoreMatrix>(problem.rounds[k].pairs), at);
  }
}

Solution solve(const Problem& problem) {
  Solution solution;
  Progress progress{std::vector<Index>(problem.employee_count, -1), problem.slots};
  for (std::size_t k = 0; k < problem.rounds.size(); ++k) {
    const auto round = static_cast<Index>(k);
    const RoundOutcome outcome =
        std::visit(
            [&](const auto& pairs) {
              if constexpr (std::is_same_v<std::decay_t<decltype(pairs)>, ScoreMatrix>)
                return solve_dense(pairs, round, solution, progress);
              else
                return solve_sparse(pairs, round, solution, progress);
            },
            problem.rounds[k].pairs);
    solution.rounds.push_back(outcome);
    solution.objective.placed += outcome.placed;
    solution.objective.total_score += outcome.total_score;
  }
  for (Index e = 0; e < problem.employee_count; ++e)
    if (progress.position_of[e] < 0) solution.unplaced.push_back(e);
  solution.open_slots = std::move(progress.open);
  return solution;
}

}  // namespace kwm::placement
