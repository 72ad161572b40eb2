#include "reference.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace kwm::placement::reference {

std::vector<RoundView> round_views(const Problem& problem, const Solution& solution) {
  std::vector<RoundView> views;
  std::vector<bool> placed(problem.employee_count, false);
  std::vector<std::int64_t> open = problem.slots;
  for (std::size_t k = 0; k < problem.rounds.size(); ++k) {
    RoundView view;
    view.open = open;
    const auto keep = [&](Index e, Index p) { return !placed[e] && open[p] > 0; };
    if (const auto* candidates = std::get_if<std::vector<Candidate>>(&problem.rounds[k].pairs)) {
      for (const Candidate& c : *candidates)
        if (keep(c.employee, c.position)) view.pairs.push_back({c.employee, c.position, c.score});
    } else {
      const auto& m = std::get<ScoreMatrix>(problem.rounds[k].pairs);
      for (std::size_t r = 0; r < m.employees.size(); ++r)
        for (std::size_t c = 0; c < m.positions.size(); ++c) {
          const double s = m.scores[r * m.positions.size() + c];
          if (!std::isnan(s) && keep(m.employees[r], m.positions[c])) view.pairs.push_back({m.employees[r], m.positions[c], s});
        }
    }
    for (const Placement& p : solution.placements)
      if (p.round == static_cast<Index>(k)) {
        placed[p.employee] = true;
        --open[p.position];
      }
    views.push_back(std::move(view));
  }
  return views;
}

Exhaustive enumerate(const RoundView& view, Index employee_count) {
  std::vector<std::vector<std::size_t>> options(employee_count);
  for (std::size_t k = 0; k < view.pairs.size(); ++k) options[view.pairs[k].employee].push_back(k);
  Exhaustive result;
  result.best_with.assign(view.pairs.size(), Value{});
  std::vector<std::int64_t> open = view.open;
  std::vector<std::size_t> chosen;
  std::vector<bool> unplaced(employee_count, false);
  std::vector<bool> unplaced_at_most;  // for the results with the most placements seen so far
  Index most_placed = -1;
  Value current{0, 0};
  std::int64_t index_sum = 0;
  std::function<void(Index)> visit = [&](Index e) {
    if (e == employee_count) {
      if (current.better_than(result.best) || result.best.placed < 0) {
        result.best = current;
        result.least_index_sum = index_sum;
      } else if (!result.best.better_than(current)) {
        result.least_index_sum = std::min(result.least_index_sum, index_sum);
      }
      for (std::size_t k : chosen)
        if (current.better_than(result.best_with[k]) || result.best_with[k].placed < 0) result.best_with[k] = current;
      if (current.placed > most_placed) {
        most_placed = current.placed;
        unplaced_at_most = unplaced;
      } else if (current.placed == most_placed) {
        for (Index i = 0; i < employee_count; ++i) unplaced_at_most[i] = unplaced_at_most[i] || unplaced[i];
      }
      return;
    }
    unplaced[e] = true;
    visit(e + 1);  // e stays unplaced
    unplaced[e] = false;
    for (std::size_t k : options[e]) {
      const Pair& pair = view.pairs[k];
      if (open[pair.position] == 0) continue;
      --open[pair.position];
      chosen.push_back(k);
      ++current.placed;
      current.score += pair.score;
      index_sum += e;
      visit(e + 1);
      index_sum -= e;
      current.score -= pair.score;
      --current.placed;
      chosen.pop_back();
      ++open[pair.position];
    }
  };
  visit(0);
  result.unplaced_in_some_maximum = unplaced_at_most;
  return result;
}

Value min_cost_max_flow(const RoundView& view, Index employee_count) {
  // Nodes: source, employees, positions, sink.
  const auto positions = static_cast<Index>(view.open.size());
  const Index source = 0, sink = 1 + employee_count + positions;
  struct Edge {
    Index to;
    std::int64_t capacity;
    double cost;
  };
  std::vector<Edge> edges;
  std::vector<std::vector<std::size_t>> out(sink + 1);
  const auto add = [&](Index from, Index to, std::int64_t capacity, double cost) {
    out[from].push_back(edges.size());
    edges.push_back({to, capacity, cost});
    out[to].push_back(edges.size());
    edges.push_back({from, 0, -cost});
  };
  for (Index e = 0; e < employee_count; ++e) add(source, 1 + e, 1, 0);
  for (const Pair& pair : view.pairs) add(1 + pair.employee, 1 + employee_count + pair.position, 1, -pair.score);
  for (Index p = 0; p < positions; ++p) add(1 + employee_count + p, sink, view.open[p], 0);

  Value value{0, 0};
  for (;;) {
    std::vector<double> distance(sink + 1, std::numeric_limits<double>::infinity());
    std::vector<std::size_t> via(sink + 1, SIZE_MAX);
    distance[source] = 0;
    for (Index pass = 0; pass <= sink; ++pass) {
      bool changed = false;
      for (Index v = 0; v <= sink; ++v) {
        if (distance[v] == std::numeric_limits<double>::infinity()) continue;
        for (std::size_t k : out[v])
          if (edges[k].capacity > 0 && distance[v] + edges[k].cost < distance[edges[k].to] - 1e-12) {
            distance[edges[k].to] = distance[v] + edges[k].cost;
            via[edges[k].to] = k;
            changed = true;
          }
      }
      if (!changed) break;
    }
    if (distance[sink] == std::numeric_limits<double>::infinity()) return value;
    for (Index v = sink; v != source;) {
      const std::size_t k = via[v];
      --edges[k].capacity;
      ++edges[k ^ 1].capacity;
      v = edges[k ^ 1].to;
    }
    ++value.placed;
    value.score -= distance[sink];
  }
}

Problem random_problem(std::mt19937_64& random, const Shape& shape) {
  const auto below = [&](std::int64_t n) { return std::uniform_int_distribution<std::int64_t>(0, n)(random); };
  const auto chance = [&](double p) { return std::bernoulli_distribution(p)(random); };
  Problem problem;
  // Mostly near the maximum size, sometimes anything down to empty.
  const auto size = [&](std::int64_t max) { return chance(0.15) ? below(max) : max / 2 + below(max - max / 2); };
  problem.employee_count = static_cast<Index>(size(shape.max_employees));
  const auto positions = static_cast<Index>(size(shape.max_positions));
  for (Index p = 0; p < positions; ++p) problem.slots.push_back(below(shape.max_slots));
  const auto rounds = static_cast<Index>(size(shape.max_rounds));
  const double density = shape.density * std::uniform_real_distribution<double>(0.5, 1.0)(random);
  // Scores in halves, so sums are exact and ties are common (or in thirds, see Shape).
  const auto score = [&] {
    const auto level = static_cast<double>(below(shape.distinct_scores - 1));
    return shape.thirds ? level / 3.0 : level * (chance(0.3) ? 0.5 : 1.0);
  };
  for (Index k = 0; k < rounds; ++k) {
    Round round;
    round.name = "round " + std::to_string(k);
    if (shape.sparse_only || chance(0.5)) {
      std::vector<Candidate> candidates;
      for (Index e = 0; e < problem.employee_count; ++e)
        for (Index p = 0; p < positions; ++p)
          if (chance(density)) candidates.push_back({e, p, score()});
      std::shuffle(candidates.begin(), candidates.end(), random);
      round.pairs = std::move(candidates);
    } else {
      ScoreMatrix matrix;
      for (Index e = 0; e < problem.employee_count; ++e)
        if (chance(0.8)) matrix.employees.push_back(e);
      for (Index p = 0; p < positions; ++p)
        if (chance(0.8)) matrix.positions.push_back(p);
      std::shuffle(matrix.employees.begin(), matrix.employees.end(), random);
      std::shuffle(matrix.positions.begin(), matrix.positions.end(), random);
      for (std::size_t k2 = 0; k2 < matrix.employees.size() * matrix.positions.size(); ++k2)
        matrix.scores.push_back(chance(density) ? score() : not_allowed);
      round.pairs = std::move(matrix);
    }
    problem.rounds.push_back(std::move(round));
  }
  return problem;
}

}  // namespace kwm::placement::reference
