// Benchmark reference, never part of the product: solves the single sparse round of a placement problem
// file with LEMON's NetworkSimplex or CostScaling and prints the objective and the time of model
// construction plus solve (reading the JSON is excluded, as the engine's solve_ms excludes it).
//
// Model: source -> employee (1) -> position (arc per candidate) -> sink (slots), plus a bypass arc from
// source to sink, with the full employee count as supply. A placement costs -(score + M) with M larger
// than any total score, so in exact integer arithmetic the minimum cost places as many as possible first
// and then maximises the score: the same lexicographic objective as the engine.
#include <lemon/cost_scaling.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace json = boost::json;

namespace {

struct Instance {
  std::int64_t employees = 0;
  std::vector<std::int64_t> slots;
  struct Arc {
    std::int64_t employee, position, score;
  };
  std::vector<Arc> arcs;
};

std::string key_of(const json::value& id) { return json::serialize(id); }

Instance read_instance(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  const json::object root = json::parse(text.str()).as_object();
  Instance instance;
  std::unordered_map<std::string, std::int64_t> employee_of, position_of;
  for (const json::value& p : root.at("positions").as_array()) {
    position_of.emplace(key_of(p.at("id")), static_cast<std::int64_t>(instance.slots.size()));
    instance.slots.push_back(p.at("slots").to_number<std::int64_t>());
  }
  for (const json::value& e : root.at("employees").as_array()) employee_of.emplace(key_of(e.at("id")), instance.employees++);
  const json::array& rounds = root.at("rounds").as_array();
  if (rounds.size() != 1 || !rounds[0].as_object().contains("candidates"))
    throw std::runtime_error("the LEMON reference takes exactly one round with candidates");
  for (const json::value& c : rounds[0].at("candidates").as_array()) {
    const double score = c.at("score").to_number<double>();
    if (score != std::floor(score)) throw std::runtime_error("the LEMON reference needs integer scores");
    instance.arcs.push_back({employee_of.at(key_of(c.at("employee"))), position_of.at(key_of(c.at("position"))),
                             static_cast<std::int64_t>(score)});
  }
  return instance;
}

struct Outcome {
  std::int64_t placed = 0;
  std::int64_t total_score = 0;
};

template <class Algorithm>
Outcome solve(const Instance& instance) {
  using Graph = lemon::SmartDigraph;
  Graph graph;
  const auto positions = static_cast<std::int64_t>(instance.slots.size());
  graph.reserveNode(static_cast<int>(instance.employees + positions + 2));
  graph.reserveArc(static_cast<int>(instance.arcs.size() + instance.employees + positions + 1));
  const Graph::Node source = graph.addNode(), sink = graph.addNode();
  std::vector<Graph::Node> employee(instance.employees), position(positions);
  for (auto& node : employee) node = graph.addNode();
  for (auto& node : position) node = graph.addNode();
  Graph::ArcMap<std::int64_t> capacity(graph), cost(graph);
  std::int64_t largest = 0;
  for (const auto& a : instance.arcs) largest = std::max(largest, a.score);
  const std::int64_t bonus = (largest + 1) * (instance.employees + 1);
  for (std::int64_t e = 0; e < instance.employees; ++e) {
    const Graph::Arc arc = graph.addArc(source, employee[e]);
    capacity[arc] = 1;
    cost[arc] = 0;
  }
  std::vector<Graph::Arc> placement_arcs;
  placement_arcs.reserve(instance.arcs.size());
  for (const auto& a : instance.arcs) {
    const Graph::Arc arc = graph.addArc(employee[a.employee], position[a.position]);
    capacity[arc] = 1;
    cost[arc] = -(a.score + bonus);
    placement_arcs.push_back(arc);
  }
  for (std::int64_t p = 0; p < positions; ++p) {
    const Graph::Arc arc = graph.addArc(position[p], sink);
    capacity[arc] = instance.slots[p];
    cost[arc] = 0;
  }
  const Graph::Arc bypass = graph.addArc(source, sink);
  capacity[bypass] = instance.employees;
  cost[bypass] = 0;

  Algorithm algorithm(graph);
  algorithm.upperMap(capacity).costMap(cost).stSupply(source, sink, instance.employees);
  if (algorithm.run() != Algorithm::OPTIMAL) throw std::runtime_error("LEMON found no optimum");
  Outcome outcome;
  for (std::size_t k = 0; k < placement_arcs.size(); ++k)
    if (algorithm.flow(placement_arcs[k]) > 0) {
      ++outcome.placed;
      outcome.total_score += instance.arcs[k].score;
    }
  return outcome;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc != 3) throw std::runtime_error("usage: placement_lemon_reference network-simplex|cost-scaling PROBLEM.json");
    const std::string algorithm = argv[1];
    const Instance instance = read_instance(argv[2]);
    using Graph = lemon::SmartDigraph;
    const auto start = std::chrono::steady_clock::now();
    Outcome outcome;
    if (algorithm == "network-simplex")
      outcome = solve<lemon::NetworkSimplex<Graph, std::int64_t, std::int64_t>>(instance);
    else if (algorithm == "cost-scaling")
      outcome = solve<lemon::CostScaling<Graph, std::int64_t, std::int64_t>>(instance);
    else
      throw std::runtime_error("unknown algorithm " + algorithm);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::cout << json::serialize(json::object{{"algorithm", algorithm},
                                              {"solve_ms", ms},
                                              {"placed", outcome.placed},
                                              {"total_score", outcome.total_score},
                                              {"unplaced", instance.employees - outcome.placed}})
              << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "placement_lemon_reference: " << e.what() << "\n";
    return 1;
  }
}
