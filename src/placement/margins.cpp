// Margins are exact shortest cycles in the residual network of a round's optimum: forcing an unchosen pair
// (e, p) into the result costs cost(e, p) plus the shortest way back from p to e through the current
// placements, the source (an employee gives up a place) and the sink (a slot is freed or taken). An
// optimum has no negative cycle, so potentials exist that make every residual arc non-negative; they are
// found once per round by label correcting, after which each position needs one Dijkstra search.
#include <algorithm>
#include <cmath>
#include <limits>
#include <deque>
#include <map>
#include <queue>

#include "placement/placement.hpp"

namespace kwm::placement {
namespace {

struct Pair {
  Index employee;
  Index position;
  double score;
};

struct Arc {
  Index to;
  double cost;
};

class ResidualNetwork {
 public:
  explicit ResidualNetwork(Index nodes) : arcs_(nodes) {}
  void add(Index from, Index to, double cost) { arcs_[from].push_back({to, cost}); }
  Index size() const { return static_cast<Index>(arcs_.size()); }

  // Shortest distances from a virtual node joined to every node at cost 0; valid potentials because the
  // network has no negative cycle.
  std::vector<double> potentials() const {
    std::vector<double> distance(arcs_.size(), 0.0);
    std::vector<char> queued(arcs_.size(), 1);
    std::deque<Index> queue(arcs_.size());
    for (Index v = 0; v < size(); ++v) queue[v] = v;
    while (!queue.empty()) {
      const Index from = queue.front();
      queue.pop_front();
      queued[from] = 0;
      for (const Arc& arc : arcs_[from]) {
        if (!(distance[from] + arc.cost < distance[arc.to])) continue;
        distance[arc.to] = distance[from] + arc.cost;
        if (!queued[arc.to]) {
          queued[arc.to] = 1;
          queue.push_back(arc.to);
        }
      }
    }
    return distance;
  }

  // True shortest distances from `source`, using reduced costs cost + phi[from] - phi[to] >= 0.
  std::vector<double> distances_from(Index source, const std::vector<double>& phi) const {
    const double unreachable = std::numeric_limits<double>::infinity();
    std::vector<double> reduced(arcs_.size(), unreachable);
    using Entry = std::pair<double, Index>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
    reduced[source] = 0;
    heap.push({0.0, source});
    while (!heap.empty()) {
      const auto [label, from] = heap.top();
      heap.pop();
      if (label != reduced[from]) continue;
      for (const Arc& arc : arcs_[from]) {
        const double next = label + std::max(0.0, arc.cost + phi[from] - phi[arc.to]);
        if (next < reduced[arc.to]) {
          reduced[arc.to] = next;
          heap.push({next, arc.to});
        }
      }
    }
    for (Index v = 0; v < size(); ++v)
      if (reduced[v] != unreachable) reduced[v] += phi[v] - phi[source];
    return reduced;
  }

 private:
  std::vector<std::vector<Arc>> arcs_;
};

std::vector<Pair> available_pairs(const Round& round, const std::vector<Index>& position_of,
                                  const std::vector<std::int64_t>& open) {
  std::vector<Pair> pairs;
  const auto keep = [&](Index e, Index p) { return position_of[e] < 0 && open[p] > 0; };
  if (const auto* candidates = std::get_if<std::vector<Candidate>>(&round.pairs)) {
    for (const Candidate& c : *candidates)
      if (keep(c.employee, c.position)) pairs.push_back({c.employee, c.position, c.score});
    return pairs;
  }
  const auto& matrix = std::get<ScoreMatrix>(round.pairs);
  const std::size_t columns = matrix.positions.size();
  for (std::size_t r = 0; r < matrix.employees.size(); ++r)
    for (std::size_t c = 0; c < columns; ++c) {
      const double score = matrix.scores[r * columns + c];
      if (!std::isnan(score) && keep(matrix.employees[r], matrix.positions[c]))
        pairs.push_back({matrix.employees[r], matrix.positions[c], score});
    }
  return pairs;
}

void round_margins(std::vector<Pair> pairs, const std::vector<Placement>& chosen, const std::vector<std::int64_t>& open,
                   Index round, std::vector<Margin>& out) {
  // Local node numbers: employees, then positions, then source and sink.
  std::map<Index, Index> employee_node, position_node;
  for (const Pair& pair : pairs) {
    employee_node.emplace(pair.employee, 0);
    position_node.emplace(pair.position, 0);
  }
  Index next = 0;
  for (auto& [e, node] : employee_node) node = next++;
  for (auto& [p, node] : position_node) node = next++;
  const Index source = next++, sink = next++;

  std::map<Index, Index> position_of;  // within this round
  std::map<Index, std::int64_t> used;
  for (const Placement& placement : chosen) {
    position_of[placement.employee] = placement.position;
    ++used[placement.position];
  }
  const auto is_chosen = [&](const Pair& pair) {
    const auto found = position_of.find(pair.employee);
    return found != position_of.end() && found->second == pair.position;
  };

  ResidualNetwork network(next);
  for (const Pair& pair : pairs) {
    const Index e = employee_node[pair.employee], p = position_node[pair.position];
    if (is_chosen(pair))
      network.add(p, e, pair.score);
    else
      network.add(e, p, -pair.score);
  }
  for (const auto& [employee, node] : employee_node) {
    if (position_of.count(employee))
      network.add(node, source, 0);
    else
      network.add(source, node, 0);
  }
  for (const auto& [position, node] : position_node) {
    const std::int64_t taken = used.count(position) ? used[position] : 0;
    if (taken < open[position]) network.add(node, sink, 0);
    if (taken > 0) network.add(sink, node, 0);
  }

  const std::vector<double> phi = network.potentials();
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
    return a.position != b.position ? a.position < b.position : a.employee < b.employee;
  });
  std::vector<double> distance;
  Index searched = -1;
  for (const Pair& pair : pairs) {
    if (is_chosen(pair)) continue;
    if (pair.position != searched) {
      distance = network.distances_from(position_node[pair.position], phi);
      searched = pair.position;
    }
    const double back = distance[employee_node[pair.employee]];
    Margin margin{pair.employee, pair.position, round, std::nullopt};
    // Rounding can leave a hair below zero where the exact value is zero.
    if (back != std::numeric_limits<double>::infinity()) margin.points = std::max(0.0, back - pair.score);
    out.push_back(margin);
  }
}

}  // namespace

std::vector<Margin> margins(const Problem& problem, const Solution& solution) {
  std::vector<Margin> out;
  std::vector<Index> position_of(problem.employee_count, -1);
  std::vector<std::int64_t> open = problem.slots;
  for (std::size_t k = 0; k < problem.rounds.size(); ++k) {
    const auto round = static_cast<Index>(k);
    std::vector<Placement> chosen;
    for (const Placement& placement : solution.placements)
      if (placement.round == round) chosen.push_back(placement);
    round_margins(available_pairs(problem.rounds[k], position_of, open), chosen, open, round, out);
    for (const Placement& placement : chosen) {
      position_of[placement.employee] = placement.position;
      --open[placement.position];
    }
  }
  return out;
}

}  // namespace kwm::placement
