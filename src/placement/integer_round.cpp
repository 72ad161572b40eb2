#include "placement/integer_round.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kwm::placement::detail {
namespace {

// Labels, prices and sums of weights stay below this in absolute value (checked on the weights).
constexpr std::int64_t label_budget = std::int64_t{1} << 60;

// One part of a round: rows with their arcs (CSR), weights to maximise.
struct Arcs {
  std::vector<std::int64_t> first{0};  // per row, plus one
  std::vector<Index> column;
  std::vector<std::int64_t> weight;

  Index rows() const { return static_cast<Index>(first.size() - 1); }
  void add(Index to, std::int64_t w) {
    column.push_back(to);
    weight.push_back(w);
  }
  void end_row() { first.push_back(static_cast<std::int64_t>(column.size())); }
};

// ------------------------------------------------------------------------------------------ cardinality

// Slots of the columns as one array: column j owns [start[j], start[j] + capacity[j]), the first count[j]
// of them taken.
struct SlotTable {
  explicit SlotTable(const std::vector<std::int64_t>& capacity) : start(capacity.size() + 1, 0), count(capacity.size(), 0) {
    for (std::size_t j = 0; j < capacity.size(); ++j) start[j + 1] = start[j] + capacity[j];
    row.resize(static_cast<std::size_t>(start.back()));
  }
  bool full(Index j) const { return start[j] + count[j] == start[j + 1]; }
  std::int64_t capacity(Index j) const { return start[j + 1] - start[j]; }

  std::vector<std::int64_t> start;
  std::vector<std::int64_t> count;
  std::vector<Index> row;
};

class HopcroftKarp {
 public:
  HopcroftKarp(const SparseGraph& graph, const std::vector<std::int64_t>& capacity)
      : graph_(graph), rows_(static_cast<Index>(graph.first.size() - 1)), slots_(capacity), column_of_(rows_, -1),
        slot_of_(rows_, -1), layer_(rows_), used_(rows_), next_arc_(rows_), next_slot_(rows_),
        column_seen_(capacity.size()) {}

  Cardinality run() {
    greedy();
    while (build_layers()) augment_layers();
    Cardinality result;
    result.contested.assign(rows_, 0);
    // The last layering found no open slot: what it reached is exactly what alternating paths from the
    // rows left out reach.
    for (Index i : queue_) result.contested[i] = 1;
    for (Index i = 0; i < rows_; ++i) result.placed += column_of_[i] >= 0 ? 1 : 0;
    result.column_of = std::move(column_of_);
    return result;
  }

 private:
  void take(Index i, Index j) {
    const Index from = column_of_[i];
    if (from >= 0) {
      const std::int64_t s = slot_of_[i], last = slots_.start[from] + --slots_.count[from];
      slots_.row[s] = slots_.row[last];
      slot_of_[slots_.row[s]] = s;
    }
    const std::int64_t s = slots_.start[j] + slots_.count[j]++;
    slots_.row[s] = i;
    slot_of_[i] = s;
    column_of_[i] = j;
  }

  void greedy() {
    for (Index i = 0; i < rows_; ++i)
      for (std::int64_t a = graph_.first[i]; a < graph_.first[i + 1]; ++a)
        if (!slots_.full(graph_.column[a])) {
          take(i, graph_.column[a]);
          break;
        }
  }

  // Breadth-first layers from every unplaced row through full columns to the rows on them; true when an
  // open slot was reached (at distance found_layer_).
  bool build_layers() {
    std::fill(layer_.begin(), layer_.end(), -1);
    std::fill(column_seen_.begin(), column_seen_.end(), 0);
    queue_.clear();
    for (Index i = 0; i < rows_; ++i)
      if (column_of_[i] < 0) {
        layer_[i] = 0;
        queue_.push_back(i);
      }
    found_layer_ = -1;
    for (std::size_t q = 0; q < queue_.size(); ++q) {
      const Index i = queue_[q];
      if (found_layer_ >= 0 && layer_[i] >= found_layer_) break;
      for (std::int64_t a = graph_.first[i]; a < graph_.first[i + 1]; ++a) {
        const Index j = graph_.column[a];
        if (column_seen_[j]) continue;
        column_seen_[j] = 1;
        if (!slots_.full(j)) {
          found_layer_ = layer_[i] + 1;
          continue;
        }
        for (std::int64_t s = slots_.start[j]; s < slots_.start[j] + slots_.count[j]; ++s)
          if (layer_[slots_.row[s]] < 0) {
            layer_[slots_.row[s]] = layer_[i] + 1;
            queue_.push_back(slots_.row[s]);
          }
      }
    }
    return found_layer_ >= 0;
  }

  // Depth-first along the layers from each unplaced row: vertex-disjoint shortest augmenting paths.
  void augment_layers() {
    std::fill(used_.begin(), used_.end(), 0);
    for (Index i = 0; i < rows_; ++i) next_arc_[i] = graph_.first[i];
    for (Index root = 0; root < rows_; ++root) {
      if (column_of_[root] >= 0 || layer_[root] != 0) continue;
      path_rows_.assign(1, root);
      path_columns_.clear();
      next_slot_[root] = -1;
      while (!path_rows_.empty()) {
        const Index i = path_rows_.back();
        const Index deeper = step(i);
        if (deeper == augmented) break;
        if (deeper >= 0) {
          used_[deeper] = 1;
          path_rows_.push_back(deeper);
          next_arc_[deeper] = graph_.first[deeper];
          next_slot_[deeper] = -1;
          continue;
        }
        path_rows_.pop_back();
        if (!path_columns_.empty()) path_columns_.pop_back();
      }
    }
  }

  static constexpr Index augmented = -2;

  // Advances row i's exploration: returns the next row to descend to, `augmented` after shifting the
  // path into an open slot, or -1 when i is a dead end.
  Index step(Index i) {
    for (; next_arc_[i] < graph_.first[i + 1]; ++next_arc_[i], next_slot_[i] = -1) {
      const Index j = graph_.column[next_arc_[i]];
      if (!slots_.full(j)) {
        if (layer_[i] + 1 != found_layer_) continue;
        path_columns_.push_back(j);
        for (std::size_t t = path_rows_.size(); t-- > 0;) take(path_rows_[t], path_columns_[t]);
        return augmented;
      }
      if (layer_[i] + 1 >= found_layer_) continue;
      if (next_slot_[i] < 0) next_slot_[i] = 0;
      while (next_slot_[i] < slots_.count[j]) {
        const Index k = slots_.row[slots_.start[j] + next_slot_[i]++];
        if (layer_[k] == layer_[i] + 1 && !used_[k]) {
          path_columns_.push_back(j);
          return k;
        }
      }
    }
    return -1;
  }

  const SparseGraph& graph_;
  Index rows_;
  SlotTable slots_;
  std::vector<Index> column_of_;
  std::vector<std::int64_t> slot_of_;
  std::vector<int> layer_;
  std::vector<char> used_;
  std::vector<std::int64_t> next_arc_, next_slot_;
  std::vector<char> column_seen_;
  std::vector<Index> queue_, path_rows_, path_columns_;
  int found_layer_ = -1;
};

// ---------------------------------------------------------------------------------------------- auction

struct Start {
  std::vector<std::int64_t> price;       // per column
  std::vector<Index> column_of;          // per row, -1 = to be placed by shortest paths
  std::vector<std::int64_t> own_weight;  // per row, the weight of its arc to column_of
};

// Forward auction with epsilon-scaling on a balanced part (see the header). Each slot has a price; a row
// bids for its best column (value = weight - price of the column's cheapest slot) by taking that slot at
// the price that leaves it epsilon below its second-best value, evicting whoever held it. Between phases
// a row keeps its slot while its value there is within the new epsilon of its best.
class Auction {
 public:
  Auction(const Arcs& arcs, const std::vector<std::int64_t>& capacity)
      : arcs_(arcs), capacity_(capacity), start_(capacity.size() + 1, 0), column_of_(arcs.rows(), -1),
        own_weight_(arcs.rows(), 0), slot_of_(arcs.rows(), -1), queue_(static_cast<std::size_t>(arcs.rows())) {
    for (std::size_t j = 0; j < capacity.size(); ++j) start_[j + 1] = start_[j] + capacity[j];
    slot_.assign(static_cast<std::size_t>(start_.back()), Slot{0, -1});
    if (!arcs.weight.empty()) {
      const auto [lightest, heaviest] = std::minmax_element(arcs.weight.begin(), arcs.weight.end());
      range_ = *heaviest - *lightest;
    }
  }

  // Phases from a large epsilon down to an eighth of a score unit (where the tie terms start to count);
  // none when the weights span less than a few units, where bidding only stirs up ties.
  Start run(std::int64_t unit) {
    constexpr std::int64_t scaling = 8;
    const std::int64_t last = std::max<std::int64_t>(1, unit / scaling);
    if (range_ >= scaling * unit)
      for (std::int64_t epsilon = range_ / scaling;; epsilon = std::max(last, epsilon / scaling)) {
        phase(epsilon);
        if (epsilon == last) break;
      }
    return start();
  }

 private:
  struct Slot {
    std::int64_t price;
    Index row;  // -1: open
  };

  std::int64_t price(Index column) const { return slot_[start_[column]].price; }

  // Restores the min-heap on price of one column's slots after its cheapest slot was raised.
  void sift_down(Index column) {
    Slot* heap = slot_.data() + start_[column];
    const std::int64_t n = capacity_[column];
    const Slot moving = heap[0];
    std::int64_t at = 0;
    for (;;) {
      std::int64_t child = 2 * at + 1;
      if (child >= n) break;
      if (child + 1 < n && heap[child + 1].price < heap[child].price) ++child;
      if (!(heap[child].price < moving.price)) break;
      heap[at] = heap[child];
      if (heap[at].row >= 0) slot_of_[heap[at].row] = start_[column] + at;
      at = child;
    }
    heap[at] = moving;
    if (moving.row >= 0) slot_of_[moving.row] = start_[column] + at;
  }

  bool content(Index row, std::int64_t epsilon) const {
    const std::int64_t own = own_weight_[row] - price(column_of_[row]);
    for (std::int64_t a = arcs_.first[row]; a < arcs_.first[row + 1]; ++a)
      if (arcs_.weight[a] - price(arcs_.column[a]) > own + epsilon) return false;
    return true;
  }

  void phase(std::int64_t epsilon) {
    const Index rows = arcs_.rows();
    std::size_t head = 0, tail = 0;
    for (Index i = 0; i < rows; ++i) {
      if (column_of_[i] >= 0 && content(i, epsilon)) continue;
      if (column_of_[i] >= 0) slot_[slot_of_[i]].row = -1;
      column_of_[i] = -1;
      queue_[tail++ % rows] = i;
    }
    while (head != tail) {
      const Index i = queue_[head++ % rows];
      const Index evicted = bid(i, epsilon);
      if (evicted >= 0) queue_[tail++ % rows] = evicted;
    }
  }

  // Row i takes the cheapest slot of its best column; returns the row that held it (-1: none).
  Index bid(Index i, std::int64_t epsilon) {
    std::int64_t best = std::numeric_limits<std::int64_t>::min(), second = best, best_weight = 0;
    Index best_column = -1;
    for (std::int64_t a = arcs_.first[i]; a < arcs_.first[i + 1]; ++a) {
      const std::int64_t value = arcs_.weight[a] - price(arcs_.column[a]);
      if (value > best) {
        second = best;
        best = value;
        best_column = arcs_.column[a];
        best_weight = arcs_.weight[a];
      } else if (value > second) {
        second = value;
      }
    }
    // A row with one column must have it: bid well above.
    if (arcs_.first[i + 1] - arcs_.first[i] == 1) second = best - range_ - epsilon;
    Slot& cheapest = slot_[start_[best_column]];
    const Index evicted = cheapest.row;
    if (evicted >= 0) column_of_[evicted] = -1;
    cheapest = {best_weight - second + epsilon, i};
    column_of_[i] = best_column;
    own_weight_[i] = best_weight;
    sift_down(best_column);
    return evicted;
  }

  // Column prices are the cheapest slots; a row keeps its column only where that is exactly its best at
  // these prices: then it is tight and no other arc of it has a negative reduced cost.
  Start start() const {
    Start result;
    const auto columns = static_cast<Index>(capacity_.size());
    result.price.assign(columns, 0);
    for (Index j = 0; j < columns; ++j)
      if (capacity_[j] > 0) result.price[j] = price(j);
    result.column_of = column_of_;
    result.own_weight = own_weight_;
    for (Index i = 0; i < arcs_.rows(); ++i)
      if (column_of_[i] >= 0 && !content(i, 0)) result.column_of[i] = -1;
    return result;
  }

  const Arcs& arcs_;
  const std::vector<std::int64_t>& capacity_;
  std::vector<std::int64_t> start_;  // per column, its first slot
  std::vector<Slot> slot_;           // per column a min-heap on price
  std::vector<Index> column_of_;
  std::vector<std::int64_t> own_weight_;
  std::vector<std::int64_t> slot_of_;
  std::vector<Index> queue_;
  std::int64_t range_ = 0;
};

// ----------------------------------------------------------------------------------- shortest paths

// A radix heap: a priority queue for integer keys that never go below the last key taken out.
class RadixHeap {
 public:
  struct Entry {
    std::uint64_t key;
    std::uint32_t item;
  };

  void clear() {
    for (auto& bucket : buckets_) bucket.clear();
    last_ = 0;
    size_ = 0;
  }
  bool empty() const { return size_ == 0; }
  // A key below the last one taken out is taken as equal to it.
  void push(std::uint64_t key, std::uint32_t item) {
    key = std::max(key, last_);
    buckets_[bucket(key)].push_back({key, item});
    ++size_;
  }
  Entry pop() {
    if (buckets_[0].empty()) {
      std::size_t b = 1;
      while (buckets_[b].empty()) ++b;
      last_ = std::min_element(buckets_[b].begin(), buckets_[b].end(), [](const Entry& x, const Entry& y) {
                return x.key < y.key;
              })->key;
      for (const Entry& e : buckets_[b]) buckets_[bucket(e.key)].push_back(e);
      buckets_[b].clear();
    }
    const Entry top = buckets_[0].back();
    buckets_[0].pop_back();
    --size_;
    return top;
  }

 private:
  std::size_t bucket(std::uint64_t key) const {
    return key == last_ ? 0 : 64 - static_cast<std::size_t>(__builtin_clzll(key ^ last_));
  }
  std::vector<Entry> buckets_[65];
  std::uint64_t last_ = 0;
  std::size_t size_ = 0;
};

// Successive shortest augmenting paths, one root at a time, in the max-weight form: a price p[j] per
// column, a placed row's value u = weight(own arc) - p[own]; reduced cost of an arc (i, k) is
// u[i] + p[k] - w(i, k) >= 0, zero on every row's own arc. A search from an unplaced root labels columns
// with path costs (root arcs p[k] - w, then + reduced costs) and ends at the first column with an open
// slot; prices of the columns settled below that label rise to it, which keeps every reduced cost >= 0
// and makes the path tight, and the path shifts one row per column.
class ShortestPaths {
 public:
  ShortestPaths(const Arcs& arcs, const std::vector<std::int64_t>& capacity, std::vector<std::int64_t> price)
      : arcs_(arcs), price_(std::move(price)), shift_(capacity.size(), 0), slots_(capacity),
        key_(slots_.row.size(), 0), column_of_(arcs.rows(), -1), slot_of_(arcs.rows(), -1),
        own_weight_(arcs.rows(), 0), scanned_(arcs.rows(), 0), search_(capacity.size()) {}

  // Places a row on a column where that arc is tight and no other arc of the row has a negative reduced cost.
  void keep(Index row, Index column, std::int64_t weight) {
    own_weight_[row] = weight;
    insert(row, column, 0);
  }

  // Places `root` along a shortest augmenting path; false when no column with an open slot is reachable.
  bool place(Index root) {
    const Index end = search(root);
    if (end < 0) return false;
    const std::int64_t end_label = search_[end].label;
    for (const auto& [row, bound] : scanned_bounds_) set_bound(row, bound);
    for (const auto& [column, label] : settled_) {
      if (label >= end_label) continue;
      price_[column] += end_label - label;
      shift_[column] += end_label - label;
    }
    for (Index column = end;;) {
      const Index row = search_[column].pred;
      const Index from = column_of_[row];
      if (from >= 0) erase(row);
      own_weight_[row] = search_[column].pred_weight;
      insert(row, column, 0);
      if (from < 0) return true;
      column = from;
    }
  }

  Index column_of(Index row) const { return column_of_[row]; }

 private:
  static constexpr std::uint32_t row_entry = 0x80000000u;
  static constexpr std::int64_t key_offset = std::int64_t{1} << 61;
  static constexpr std::int64_t no_bound = label_budget;

  struct ColumnSearch {
    std::int64_t label = 0;
    std::int64_t pred_weight = 0;
    Index pred = -1;
    std::uint32_t seen = 0;     // search stamp: label valid
    std::uint32_t settled = 0;  // search stamp
  };

  // Queue keys: twice the label (offset to stay positive) plus one for anything but a column with an open
  // slot, so among equal labels the search ends as early as it can.
  static std::uint64_t key(std::int64_t label, bool after) {
    return (static_cast<std::uint64_t>(label + key_offset) << 1) | (after ? 1u : 0u);
  }
  static std::int64_t label_of(std::uint64_t key) { return static_cast<std::int64_t>(key >> 1) - key_offset; }

  std::int64_t value(Index row) const { return own_weight_[row] - price_[column_of_[row]]; }
  std::int64_t bound(std::int64_t slot, Index column) const { return std::max<std::int64_t>(0, key_[slot] - shift_[column]); }

  // ---- the rows of a column as a min-heap on their lower bounds, in the column's slots
  void place_slot(std::int64_t slot, Index row, std::int64_t stored) {
    slots_.row[slot] = row;
    key_[slot] = stored;
    slot_of_[row] = slot;
  }
  void sift_up(Index column, std::int64_t at) {
    const std::int64_t base = slots_.start[column];
    const Index row = slots_.row[base + at];
    const std::int64_t stored = key_[base + at];
    while (at > 0) {
      const std::int64_t parent = (at - 1) / 2;
      if (!(stored < key_[base + parent])) break;
      place_slot(base + at, slots_.row[base + parent], key_[base + parent]);
      at = parent;
    }
    place_slot(base + at, row, stored);
  }
  void sift_down(Index column, std::int64_t at) {
    const std::int64_t base = slots_.start[column], n = slots_.count[column];
    const Index row = slots_.row[base + at];
    const std::int64_t stored = key_[base + at];
    for (;;) {
      std::int64_t child = 2 * at + 1;
      if (child >= n) break;
      if (child + 1 < n && key_[base + child + 1] < key_[base + child]) ++child;
      if (!(key_[base + child] < stored)) break;
      place_slot(base + at, slots_.row[base + child], key_[base + child]);
      at = child;
    }
    place_slot(base + at, row, stored);
  }
  void insert(Index row, Index column, std::int64_t lower_bound) {
    const std::int64_t at = slots_.count[column]++;
    place_slot(slots_.start[column] + at, row, lower_bound + shift_[column]);
    column_of_[row] = column;
    sift_up(column, at);
  }
  void erase(Index row) {
    const Index column = column_of_[row];
    const std::int64_t base = slots_.start[column], at = slot_of_[row] - base, last = --slots_.count[column];
    column_of_[row] = -1;
    if (at == last) return;
    place_slot(base + at, slots_.row[base + last], key_[base + last]);
    if (at > 0 && key_[base + at] < key_[base + (at - 1) / 2])
      sift_up(column, at);
    else
      sift_down(column, at);
  }
  void set_bound(Index row, std::int64_t lower_bound) {
    const Index column = column_of_[row];
    const std::int64_t at = slot_of_[row] - slots_.start[column];
    const std::int64_t old = key_[slot_of_[row]];
    key_[slot_of_[row]] = lower_bound + shift_[column];
    if (key_[slot_of_[row]] < old)
      sift_up(column, at);
    else
      sift_down(column, at);
  }

  // ---- the search
  void relax(Index column, std::int64_t label, Index row, std::int64_t weight) {
    ColumnSearch& c = search_[column];
    if (c.settled == stamp_) return;
    if (c.seen == stamp_ && !(label < c.label)) return;
    c.seen = stamp_;
    c.label = label;
    c.pred = row;
    c.pred_weight = weight;
    queue_.push(key(label, slots_.full(column)), static_cast<std::uint32_t>(column));
  }

  // Relaxes every arc of `row`, reached at path cost h (for a placed row: its column's label plus its
  // value); for a placed row, remembers its exact cheapest reduced cost to another column.
  void scan(Index row, std::int64_t h) {
    scanned_[row] = stamp_;
    const Index own = column_of_[row];
    const std::int64_t reached_at = own >= 0 ? h - value(row) : h;
    std::int64_t cheapest = no_bound + reached_at;
    for (std::int64_t a = arcs_.first[row]; a < arcs_.first[row + 1]; ++a) {
      const Index column = arcs_.column[a];
      if (column == own) continue;
      const std::int64_t label = h + price_[column] - arcs_.weight[a];
      cheapest = std::min(cheapest, label);
      relax(column, label, row, arcs_.weight[a]);
    }
    if (own >= 0) scanned_bounds_.push_back({row, cheapest - reached_at});
  }

  void push_slot(Index column, std::int64_t at) {
    const std::int64_t slot = slots_.start[column] + at;
    queue_.push(key(search_[column].label + bound(slot, column), true), row_entry | static_cast<std::uint32_t>(slot));
  }

  Index search(Index root) {
    ++stamp_;
    queue_.clear();
    settled_.clear();
    scanned_bounds_.clear();
    scan(root, 0);
    while (!queue_.empty()) {
      const RadixHeap::Entry top = queue_.pop();
      if (top.item & row_entry) {
        // The next row of a settled column, in the order of its lower bound.
        const auto slot = static_cast<std::int64_t>(top.item & ~row_entry);
        const Index row = slots_.row[slot];
        const Index column = column_of_[row];
        const std::int64_t at = slot - slots_.start[column];
        if (scanned_[row] != stamp_) scan(row, search_[column].label + value(row));
        for (std::int64_t child = 2 * at + 1; child <= 2 * at + 2 && child < slots_.count[column]; ++child)
          push_slot(column, child);
        continue;
      }
      const auto column = static_cast<Index>(top.item);
      ColumnSearch& c = search_[column];
      if (c.settled == stamp_ || c.label != label_of(top.key)) continue;
      c.settled = stamp_;
      settled_.push_back({column, c.label});
      if (!slots_.full(column)) return column;
      if (slots_.count[column] > 0) push_slot(column, 0);
    }
    return -1;
  }

  const Arcs& arcs_;
  std::vector<std::int64_t> price_;
  std::vector<std::int64_t> shift_;  // per column: the rows' stored bounds minus this are their bounds
  SlotTable slots_;                  // each column's rows, a min-heap on key_
  std::vector<std::int64_t> key_;    // per slot
  std::vector<Index> column_of_;
  std::vector<std::int64_t> slot_of_;
  std::vector<std::int64_t> own_weight_;
  std::vector<std::uint32_t> scanned_;  // per row, search stamp
  std::vector<ColumnSearch> search_;
  std::vector<std::pair<Index, std::int64_t>> settled_;
  std::vector<std::pair<Index, std::int64_t>> scanned_bounds_;
  RadixHeap queue_;
  std::uint32_t stamp_ = 0;
};

// ---------------------------------------------------------------------------------------------- parts

// One part of the round: its rows (indices in the round), its columns and their arcs.
struct Part {
  std::vector<Index> rows;
  std::vector<Index> columns;  // round column of each part column (the dummy has none)
  std::vector<std::int64_t> capacity;
  Arcs arcs;
};

// The balanced contested part: warm prices from the auction, then shortest paths for the rest. False if
// some row found no open slot, which the decomposition rules out.
bool solve_contested(const Part& part, std::int64_t unit, std::vector<Index>& column_of) {
  const Start start = Auction(part.arcs, part.capacity).run(unit);
  ShortestPaths paths(part.arcs, part.capacity, start.price);
  const Index rows = part.arcs.rows();
  for (Index r = 0; r < rows; ++r)
    if (start.column_of[r] >= 0) paths.keep(r, start.column_of[r], start.own_weight[r]);
  for (Index r = 0; r < rows; ++r)
    if (start.column_of[r] < 0 && !paths.place(r)) return false;
  const auto real_columns = static_cast<Index>(part.columns.size());
  for (Index r = 0; r < rows; ++r) {
    const Index c = paths.column_of(r);
    column_of[part.rows[r]] = c < real_columns ? part.columns[c] : -1;
  }
  return true;
}

// The row-perfect rest: shortest paths from zero prices, so every column with an open slot keeps price 0
// and each step is optimal for the rows placed so far. False as above.
bool solve_rest(const Part& part, std::vector<Index>& column_of) {
  ShortestPaths paths(part.arcs, part.capacity, std::vector<std::int64_t>(part.capacity.size(), 0));
  const Index rows = part.arcs.rows();
  for (Index r = 0; r < rows; ++r)
    if (!paths.place(r)) return false;
  for (Index r = 0; r < rows; ++r) column_of[part.rows[r]] = part.columns[paths.column_of(r)];
  return true;
}

// No column holds more rows than there are: this bounds the slot arrays.
std::vector<std::int64_t> clamped(std::vector<std::int64_t> capacity, Index rows) {
  for (std::int64_t& c : capacity) c = std::min<std::int64_t>(c, rows);
  return capacity;
}

}  // namespace

std::optional<std::vector<std::int64_t>> integer_scores(const std::vector<double>& scores) {
  constexpr int most_decimals = 9;
  int decimals = 0;
  double power = 1;
  const auto whole_at = [](double score, double scale) {
    const double scaled = std::nearbyint(score * scale);
    return scaled < 9.0e15 && scaled / scale == score;
  };
  for (double score : scores) {
    while (!whole_at(score, power)) {
      if (++decimals > most_decimals) return std::nullopt;
      power *= 10;
    }
  }
  std::vector<std::int64_t> result(scores.size());
  for (std::size_t a = 0; a < scores.size(); ++a) result[a] = static_cast<std::int64_t>(std::nearbyint(scores[a] * power));
  return result;
}

Cardinality max_cardinality(const SparseGraph& graph, const std::vector<std::int64_t>& capacity) {
  return HopcroftKarp(graph, clamped(capacity, static_cast<Index>(graph.first.size() - 1))).run();
}

std::optional<std::vector<Index>> solve_integer_round(const SparseGraph& graph, const std::vector<std::int64_t>& weight,
                                                      const std::vector<Index>& employee, Index employee_count,
                                                      const std::vector<std::int64_t>& all_slots) {
  const auto rows = static_cast<Index>(graph.first.size() - 1);
  const std::vector<std::int64_t> capacity = clamped(all_slots, rows);
  const auto columns = static_cast<Index>(capacity.size());
  std::int64_t heaviest = 0;
  for (std::int64_t w : weight) heaviest = std::max(heaviest, w);
  // Every label, price and sum stays within (4 rows + 8) times the largest weight.
  const auto fits = [&](std::int64_t multiplier) {
    const std::int64_t per_weight = label_budget / (4 * std::int64_t{rows} + 8);
    return multiplier <= per_weight && heaviest <= per_weight / multiplier;
  };
  if (!fits(1)) return std::nullopt;

  const Cardinality cardinality = max_cardinality(graph, capacity);
  const Index left_out = rows - cardinality.placed;
  std::int64_t unit = std::int64_t{left_out} * employee_count + 1;
  if (left_out == 0 || !fits(unit)) unit = 1;

  std::vector<char> contested_column(columns, 0);
  for (Index r = 0; r < rows; ++r)
    if (cardinality.contested[r])
      for (std::int64_t a = graph.first[r]; a < graph.first[r + 1]; ++a) contested_column[graph.column[a]] = 1;
  Part contested, rest;
  std::vector<Index> part_column(columns, -1);
  for (Index j = 0; j < columns; ++j) {
    Part& part = contested_column[j] ? contested : rest;
    part_column[j] = static_cast<Index>(part.columns.size());
    part.columns.push_back(j);
    part.capacity.push_back(capacity[j]);
  }
  const auto dummy = static_cast<Index>(contested.columns.size());
  contested.capacity.push_back(left_out);
  for (Index r = 0; r < rows; ++r) {
    const bool is_contested = cardinality.contested[r];
    Part& part = is_contested ? contested : rest;
    part.rows.push_back(r);
    for (std::int64_t a = graph.first[r]; a < graph.first[r + 1]; ++a) {
      const Index j = graph.column[a];
      // A row placed in every maximum matching never uses a contested column in one.
      if (capacity[j] == 0 || contested_column[j] != is_contested) continue;
      part.arcs.add(part_column[j], weight[a] * (is_contested ? unit : 1));
    }
    if (is_contested) part.arcs.add(dummy, unit > 1 ? employee[r] : 0);
    part.arcs.end_row();
  }

  std::vector<Index> column_of(rows, -1);
  if (!solve_contested(contested, unit, column_of) || !solve_rest(rest, column_of)) return std::nullopt;
  return column_of;
}

}  // namespace kwm::placement::detail
