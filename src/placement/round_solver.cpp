#include "placement/round_solver.hpp"

#include "placement/integer_round.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <queue>

namespace kwm::placement::detail {
namespace {

// A column settled by the search, with its final label.
struct Settled {
  Index column;
  double label;
};

// Relaxes all columns from one dense row: label = h + w[j] - score[j] where w[j] = -price[j], or +inf
// for columns already settled or closed, so those never improve. NaN scores (not allowed) never compare
// smaller. Returns the smallest label left. Written with vector extensions so it runs 4 lanes at a time;
// the AVX2 clone is picked at load time where the CPU has it.
__attribute__((target_clones("avx2", "default"))) double relax_dense_row(const double* score, const double* w,
                                                                        double* label, std::int64_t* pred,
                                                                        std::size_t columns, double h,
                                                                        std::int64_t row) {
  using v4d = double __attribute__((vector_size(32)));
  using v4l = std::int64_t __attribute__((vector_size(32)));
  const v4d hv = {h, h, h, h};
  const v4l rowv = {row, row, row, row};
  v4d smallest = {infinite_cost, infinite_cost, infinite_cost, infinite_cost};
  std::size_t j = 0;
  for (; j + 4 <= columns; j += 4) {
    v4d s, wv, d;
    v4l p;
    std::memcpy(&s, score + j, sizeof s);
    std::memcpy(&wv, w + j, sizeof wv);
    std::memcpy(&d, label + j, sizeof d);
    std::memcpy(&p, pred + j, sizeof p);
    const v4d candidate = hv + wv - s;
    const v4l better = candidate < d;
    d = better ? candidate : d;
    p = better ? rowv : p;
    smallest = d < smallest ? d : smallest;
    std::memcpy(label + j, &d, sizeof d);
    std::memcpy(pred + j, &p, sizeof p);
  }
  double result = std::min(std::min(smallest[0], smallest[1]), std::min(smallest[2], smallest[3]));
  for (; j < columns; ++j) {
    const double candidate = h + w[j] - score[j];
    if (candidate < label[j]) {
      label[j] = candidate;
      pred[j] = row;
    }
    result = std::min(result, label[j]);
  }
  return result;
}

// Search frontier over a dense graph: every scan touches all columns, which suits full matrices.
class DenseFrontier {
 public:
  DenseFrontier(const DenseGraph& graph, const Matching& matching)
      : graph_(graph), w_(graph.columns), label_(graph.columns), pred_(graph.columns) {
    for (Index j = 0; j < graph.columns; ++j) w_[j] = matching.spare[j] > 0 || !matching.rows_on[j].empty() ? 0.0 : infinite_cost;
  }

  void start() {
    std::fill(label_.begin(), label_.end(), infinite_cost);
    smallest_ = infinite_cost;
  }

  void scan(Index row, double h) {
    smallest_ = relax_dense_row(graph_.scores + graph_.row_offset[row], w_.data(), label_.data(), pred_.data(),
                                label_.size(), h, row);
  }

  // The unsettled column with the smallest label; among equals a free one first, then the lowest index.
  bool pop(const Matching& matching, Settled& next) {
    if (smallest_ == infinite_cost) return false;
    Index chosen = -1;
    const Index columns = graph_.columns;
    for (Index j = 0; j < columns; ++j) {
      if (label_[j] != smallest_) continue;
      if (matching.spare[j] > 0) {
        chosen = j;
        break;
      }
      if (chosen < 0) chosen = j;
    }
    next = {chosen, smallest_};
    label_[chosen] = infinite_cost;
    w_[chosen] = infinite_cost;
    // Settling a free column ends the search; a full one is followed by scans that recompute the minimum.
    smallest_ = infinite_cost;
    return true;
  }

  Index pred(Index column) const { return static_cast<Index>(pred_[column]); }

  bool has_arc_to_live_column(Index row, const std::vector<char>& dead) const {
    const double* score = graph_.scores + graph_.row_offset[row];
    for (Index j = 0; j < graph_.columns; ++j)
      if (!dead[j] && !std::isnan(score[j]) && w_[j] != infinite_cost) return true;
    return false;
  }

  void finish(const std::vector<Settled>& settled, const Matching& matching) {
    for (const Settled& s : settled) w_[s.column] = -matching.column_price[s.column];
  }

 private:
  const DenseGraph& graph_;
  std::vector<double> w_;
  std::vector<double> label_;
  std::vector<std::int64_t> pred_;
  double smallest_ = infinite_cost;
};

// Search frontier over a sparse graph: a binary heap with lazy deletion.
class SparseFrontier {
 public:
  SparseFrontier(const SparseGraph& graph, const Matching&)
      : graph_(graph), label_(graph.columns, infinite_cost), pred_(graph.columns, -1), settled_(graph.columns, 0) {}

  void start() {
    for (Index j : touched_) {
      label_[j] = infinite_cost;
      settled_[j] = 0;
    }
    touched_.clear();
    heap_.clear();
  }

  void scan(Index row, double h, const Matching& matching) {
    for (std::int64_t a = graph_.first[row]; a < graph_.first[row + 1]; ++a) {
      const Index j = graph_.column[a];
      if (settled_[j]) continue;
      const double candidate = h - graph_.score[a] - matching.column_price[j];
      if (!(candidate < label_[j])) continue;
      if (label_[j] == infinite_cost) touched_.push_back(j);
      label_[j] = candidate;
      pred_[j] = row;
      heap_.push_back({candidate, matching.spare[j] > 0 ? 0 : 1, j});
      std::push_heap(heap_.begin(), heap_.end());
    }
  }

  bool pop(const Matching&, Settled& next) {
    while (!heap_.empty()) {
      std::pop_heap(heap_.begin(), heap_.end());
      const Entry top = heap_.back();
      heap_.pop_back();
      if (settled_[top.column] || top.label != label_[top.column]) continue;
      settled_[top.column] = 1;
      next = {top.column, top.label};
      return true;
    }
    return false;
  }

  Index pred(Index column) const { return pred_[column]; }

  bool has_arc_to_live_column(Index row, const std::vector<char>& dead) const {
    for (std::int64_t a = graph_.first[row]; a < graph_.first[row + 1]; ++a)
      if (!dead[graph_.column[a]]) return true;
    return false;
  }

  void finish(const std::vector<Settled>&, const Matching&) {}

 private:
  struct Entry {
    double label;
    int busy;  // free columns first among equal labels
    Index column;
    bool operator<(const Entry& other) const {  // reversed: the std heap functions build a max-heap
      if (label != other.label) return label > other.label;
      if (busy != other.busy) return busy > other.busy;
      return column > other.column;
    }
  };
  const SparseGraph& graph_;
  std::vector<double> label_;
  std::vector<Index> pred_;
  std::vector<char> settled_;
  std::vector<Index> touched_;
  std::vector<Entry> heap_;  // a max-heap under Entry::operator<, reused across searches
};

void scan_row(DenseFrontier& frontier, Index row, double h, const Matching&) { frontier.scan(row, h); }
void scan_row(SparseFrontier& frontier, Index row, double h, const Matching& matching) {
  frontier.scan(row, h, matching);
}

void move_row(Matching& matching, Index row, Index to) {
  const Index from = matching.column_of[row];
  if (from >= 0) {
    auto& rows = matching.rows_on[from];
    *std::find(rows.begin(), rows.end(), row) = rows.back();
    rows.pop_back();
  }
  matching.column_of[row] = to;
  if (to >= 0) matching.rows_on[to].push_back(row);
}

// Makes the tree up to label `end_label` tight (so the path becomes a set of reduced-cost-0 arcs and
// every other arc keeps a reduced cost >= 0), then shifts the path: each row on it moves to the column
// that reached it from its predecessor, the root takes the first column.
template <class Frontier>
void shift_path(Matching& matching, const Frontier& frontier, const std::vector<Settled>& settled, Index root,
                Index end_column, double end_label) {
  for (const Settled& s : settled) {
    if (!(s.label < end_label)) continue;
    const double delta = end_label - s.label;
    matching.column_price[s.column] -= delta;
    for (Index i : matching.rows_on[s.column]) matching.row_potential[i] += delta;
  }
  matching.row_potential[root] = end_label;
  Index column = end_column;
  for (;;) {
    const Index row = frontier.pred(column);
    const Index previous = matching.column_of[row];
    move_row(matching, row, column);
    if (row == root) break;
    column = previous;
  }
}

// Swaps only pay off beyond rounding noise, so an exact tie never displaces a placed row.
double swap_threshold(double largest_score) { return -1e-12 * std::max(1.0, largest_score); }

template <class Graph, class Frontier>
std::vector<Index> solve_with(const Graph& graph, Index rows, std::vector<std::int64_t> capacity,
                              double largest_score) {
  Matching matching(rows, std::move(capacity));
  Frontier frontier(graph, matching);
  std::vector<Settled> settled;
  std::vector<char> dead(matching.spare.size(), 0);
  const double threshold = swap_threshold(largest_score);
  for (Index root = 0; root < rows; ++root) {
    frontier.start();
    settled.clear();
    // Only a replacement can help a row whose columns are all dead, and a replacement must beat a placed
    // row's potential, so that search may stop at the largest one.
    const bool replacement_only = !frontier.has_arc_to_live_column(root, dead);
    double stop_at = infinite_cost;
    if (replacement_only) {
      stop_at = -infinite_cost;
      for (Index i = 0; i < rows; ++i)
        if (matching.column_of[i] >= 0) stop_at = std::max(stop_at, matching.row_potential[i]);
    }
    scan_row(frontier, root, 0.0, matching);
    // Best replacement seen so far: the placed row that would drop out and its column.
    double best_gain = threshold;
    Index drop_row = -1;
    Settled drop_at{-1, 0};
    bool augmented = false;
    Settled next{};
    while (frontier.pop(matching, next)) {
      settled.push_back(next);
      // Through row i a replacement costs label - u[i] >= label - max u, so past max u + the best cost so
      // far nothing better can come.
      if (!(next.label < stop_at + std::min(best_gain, 0.0))) break;
      if (matching.spare[next.column] > 0) {
        shift_path(matching, frontier, settled, root, next.column, next.label);
        --matching.spare[next.column];
        augmented = true;
        break;
      }
      for (Index i : matching.rows_on[next.column]) {
        const double h = next.label - matching.row_potential[i];
        // h is also the cost of replacing i by the root along the tree path; later rows lose ties.
        if (h < best_gain || (h == best_gain && drop_row >= 0 && i > drop_row)) {
          best_gain = h;
          drop_row = i;
          drop_at = next;
        }
        scan_row(frontier, i, h, matching);
      }
    }
    // A complete search that found no free column has visited a closed region: no free column will be
    // reachable from any of its columns for the rest of the round (augmenting paths elsewhere cannot enter
    // it, and replacements only rearrange rows inside it).
    if (!augmented && !replacement_only)
      for (const Settled& s : settled) dead[s.column] = 1;
    if (!augmented && drop_row >= 0) {
      move_row(matching, drop_row, -1);
      // The column lost its row; the path brings one in again, so the slot count stays the same.
      shift_path(matching, frontier, settled, root, drop_at.column, drop_at.label);
    }
    frontier.finish(settled, matching);
  }
  return std::move(matching.column_of);
}

}  // namespace

std::vector<Index> solve_round(const DenseGraph& graph, std::vector<std::int64_t> capacity) {
  double largest = 0;
  for (std::size_t offset : graph.row_offset)
    for (Index j = 0; j < graph.columns; ++j)
      if (graph.scores[offset + j] > largest) largest = graph.scores[offset + j];
  const auto rows = static_cast<Index>(graph.row_offset.size());
  return solve_with<DenseGraph, DenseFrontier>(graph, rows, std::move(capacity), largest);
}

std::vector<Index> solve_round(const SparseGraph& graph, std::vector<std::int64_t> capacity) {
  if (const auto weight = integer_scores(graph.score))
    if (auto column_of = solve_integer_round(graph, *weight, graph.employee, graph.employee_count, capacity))
      return std::move(*column_of);
  double largest = 0;
  for (double s : graph.score) largest = std::max(largest, s);
  const auto rows = static_cast<Index>(graph.first.size() - 1);
  return solve_with<SparseGraph, SparseFrontier>(graph, rows, std::move(capacity), largest);
}

}  // namespace kwm::placement::detail
