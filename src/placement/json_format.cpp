#include "placement/json_format.hpp"

#include <boost/json.hpp>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fmt/format.h>
#include <unordered_map>

#include "core/error.hpp"

namespace kwm::placement {
namespace json = boost::json;
namespace {

[[noreturn]] void bad(const std::string& path, const std::string& message) { fail_invalid(path, message); }

const json::object& as_object(const json::value& value, const std::string& path) {
  if (!value.is_object()) bad(path, "expected an object");
  return value.get_object();
}

const json::array& as_array(const json::value& value, const std::string& path) {
  if (!value.is_array()) bad(path, "expected an array");
  return value.get_array();
}

const json::value& member(const json::object& object, std::string_view key, const std::string& path) {
  const json::value* found = object.if_contains(key);
  if (!found) bad(fmt::format("{}.{}", path, key), "missing");
  return *found;
}

// JSON numbers come as int64, uint64 or double; all three are scores.
bool read_number(const json::value& value, double& out) {
  if (value.is_double()) out = value.get_double();
  else if (value.is_int64()) out = static_cast<double>(value.get_int64());
  else if (value.is_uint64()) out = static_cast<double>(value.get_uint64());
  else return false;
  return true;
}

double read_score(const json::value& value, const std::string& path) {
  double score = 0;
  if (!read_number(value, score)) bad(path, "expected a number");
  return score;
}

// Ids are strings or integers; "7" and 7 are different ids.
class IdIndex {
 public:
  Index add(const json::value& id, const std::string& path, const char* what) {
    bool inserted = false;
    const auto next = static_cast<Index>(size_);
    if (id.is_string()) inserted = strings_.emplace(std::string(id.get_string()), next).second;
    else if (id.is_int64() || id.is_uint64()) inserted = integers_.emplace(id.to_number<std::int64_t>(), next).second;
    else bad(path, "an id must be a string or an integer");
    if (!inserted) bad(path, fmt::format("duplicate {} id", what));
    return static_cast<Index>(size_++);
  }

  Index find(const json::value& id, const std::string& path, const char* what) const {
    if (id.is_string()) {
      if (const auto found = strings_.find(std::string_view(id.get_string())); found != strings_.end())
        return found->second;
    } else if (id.is_int64() || (id.is_uint64() && id.get_uint64() <= INT64_MAX)) {
      if (const auto found = integers_.find(id.to_number<std::int64_t>()); found != integers_.end())
        return found->second;
    } else {
      bad(path, "an id must be a string or an integer");
    }
    bad(path, fmt::format("unknown {} id {}", what, json::serialize(id)));
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, Index, Hash, std::equal_to<>> strings_;
  std::unordered_map<std::int64_t, Index> integers_;
  std::size_t size_ = 0;
};

json::value parse_json(std::string_view text) {
  json::stream_parser parser;
  // One arena for the whole document: large problems are hundreds of thousands of small objects.
  parser.reset(json::make_shared_resource<json::monotonic_resource>());
  boost::system::error_code error;
  const std::size_t consumed = parser.write(text.data(), text.size(), error);
  if (!error) parser.finish(error);
  if (error) {
    const std::string_view before = text.substr(0, std::min(consumed, text.size()));
    const std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t newline = before.rfind('\n');
    const std::size_t column = before.size() - (newline == std::string_view::npos ? 0 : newline + 1) + 1;
    bad("$", fmt::format("malformed JSON at line {}, column {}: {}", line, column, error.message()));
  }
  return parser.release();
}

void read_ids(const json::object& root, std::string_view key, std::vector<json::value>& ids, IdIndex& index,
              const char* what, std::vector<std::int64_t>* slots) {
  const std::string path = fmt::format("$.{}", key);
  const json::array& items = as_array(member(root, key, "$"), path);
  for (std::size_t k = 0; k < items.size(); ++k) {
    const std::string at = fmt::format("{}[{}]", path, k);
    const json::object& item = as_object(items[k], at);
    const json::value& id = member(item, "id", at);
    index.add(id, at + ".id", what);
    ids.push_back(id);
    if (!slots) continue;
    const json::value& count = member(item, "slots", at);
    if (!count.is_int64() && !count.is_uint64()) bad(at + ".slots", "expected an integer");
    if (count.is_uint64() && count.get_uint64() > INT64_MAX) bad(at + ".slots", "too large");
    slots->push_back(count.to_number<std::int64_t>());
  }
}

std::vector<Candidate> read_candidates(const json::value& value, const std::string& path, const IdIndex& employees,
                                       const IdIndex& positions) {
  const json::array& items = as_array(value, path);
  std::vector<Candidate> candidates;
  candidates.reserve(items.size());
  for (std::size_t c = 0; c < items.size(); ++c) {
    const std::string at = fmt::format("{}[{}]", path, c);
    const json::object& item = as_object(items[c], at);
    Candidate candidate;
    candidate.employee = employees.find(member(item, "employee", at), at + ".employee", "employee");
    candidate.position = positions.find(member(item, "position", at), at + ".position", "position");
    candidate.score = read_score(member(item, "score", at), at + ".score");
    candidates.push_back(candidate);
  }
  return candidates;
}

ScoreMatrix read_matrix(const json::value& value, const std::string& path, const IdIndex& employees,
                        const IdIndex& positions) {
  const json::object& object = as_object(value, path);
  ScoreMatrix matrix;
  const auto read_id_list = [&](std::string_view key, const IdIndex& index, const char* what) {
    std::vector<Index> list;
    const std::string at = fmt::format("{}.{}", path, key);
    const json::array& items = as_array(member(object, key, path), at);
    for (std::size_t k = 0; k < items.size(); ++k) list.push_back(index.find(items[k], fmt::format("{}[{}]", at, k), what));
    return list;
  };
  matrix.employees = read_id_list("employees", employees, "employee");
  matrix.positions = read_id_list("positions", positions, "position");
  const std::string at = path + ".scores";
  const json::array& rows = as_array(member(object, "scores", path), at);
  if (rows.size() != matrix.employees.size())
    bad(at, fmt::format("expected {} rows (one per employee), got {}", matrix.employees.size(), rows.size()));
  const std::size_t columns = matrix.positions.size();
  matrix.scores.reserve(rows.size() * columns);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const std::string row_path = fmt::format("{}[{}]", at, r);
    const json::array& row = as_array(rows[r], row_path);
    if (row.size() != columns)
      bad(row_path, fmt::format("expected {} scores (one per position), got {}", columns, row.size()));
    for (std::size_t c = 0; c < columns; ++c) {
      double score = not_allowed;
      if (!row[c].is_null() && !read_number(row[c], score)) bad(fmt::format("{}[{}]", row_path, c), "expected a number or null");
      matrix.scores.push_back(score);
    }
  }
  return matrix;
}

// Whole numbers print as integers, not as 1E1.
json::value number(double x) {
  if (x == std::trunc(x) && std::fabs(x) < 9e15) return static_cast<std::int64_t>(x);
  return x;
}

}  // namespace

ParsedProblem parse_problem(std::string_view text) {
  const json::value document = parse_json(text);
  const json::object& root = as_object(document, "$");
  ParsedProblem parsed;
  IdIndex employees, positions;
  read_ids(root, "positions", parsed.position_ids, positions, "position", &parsed.problem.slots);
  read_ids(root, "employees", parsed.employee_ids, employees, "employee", nullptr);
  parsed.problem.employee_count = static_cast<Index>(parsed.employee_ids.size());

  const json::array& rounds = as_array(member(root, "rounds", "$"), "$.rounds");
  for (std::size_t k = 0; k < rounds.size(); ++k) {
    const std::string at = fmt::format("$.rounds[{}]", k);
    const json::object& object = as_object(rounds[k], at);
    Round round;
    const json::value& name = member(object, "name", at);
    if (!name.is_string()) bad(at + ".name", "expected a string");
    round.name = std::string(name.get_string());
    const json::value* candidates = object.if_contains("candidates");
    const json::value* matrix = object.if_contains("matrix");
    if ((candidates != nullptr) == (matrix != nullptr)) bad(at, "a round has either \"candidates\" or \"matrix\"");
    if (candidates)
      round.pairs = read_candidates(*candidates, at + ".candidates", employees, positions);
    else
      round.pairs = read_matrix(*matrix, at + ".matrix", employees, positions);
    parsed.round_names.push_back(round.name);
    parsed.problem.rounds.push_back(std::move(round));
  }

  try {
    validate(parsed.problem);
  } catch (const Failure& failure) {
    // The engine names elements by the same paths, relative to the document root.
    Error error = failure.error();
    error.field = "$." + error.field;
    throw Failure(std::move(error));
  }
  return parsed;
}

std::string format_result(const ParsedProblem& parsed, const Solution& solution, const Timing& timing,
                          const std::vector<Margin>* margins) {
  json::object result;
  json::array placements;
  placements.reserve(solution.placements.size());
  for (const Placement& p : solution.placements)
    placements.push_back(json::object{{"employee", parsed.employee_ids[p.employee]},
                                      {"position", parsed.position_ids[p.position]},
                                      {"round", p.round},
                                      {"score", number(p.score)}});
  result["placements"] = std::move(placements);

  json::array unplaced;
  for (Index e : solution.unplaced) unplaced.push_back(parsed.employee_ids[e]);
  result["unplaced"] = std::move(unplaced);

  json::array open_slots;
  for (std::size_t p = 0; p < solution.open_slots.size(); ++p)
    if (solution.open_slots[p] > 0)
      open_slots.push_back(json::object{{"position", parsed.position_ids[p]}, {"slots", solution.open_slots[p]}});
  result["open_slots"] = std::move(open_slots);

  json::array rounds;
  for (std::size_t k = 0; k < solution.rounds.size(); ++k)
    rounds.push_back(json::object{{"name", parsed.round_names[k]},
                                  {"placed", solution.rounds[k].placed},
                                  {"total_score", number(solution.rounds[k].total_score)}});
  result["rounds"] = std::move(rounds);
  result["objective"] = json::object{{"placed", solution.objective.placed},
                                     {"total_score", number(solution.objective.total_score)}};
  if (margins) {
    json::array list;
    for (const Margin& m : *margins)
      list.push_back(json::object{{"employee", parsed.employee_ids[m.employee]},
                                  {"position", parsed.position_ids[m.position]},
                                  {"round", m.round},
                                  {"margin", m.points ? number(*m.points) : json::value(nullptr)}});
    result["margins"] = std::move(list);
  }
  result["timing"] = json::object{{"parse_ms", timing.parse_ms}, {"solve_ms", timing.solve_ms}};
  return json::serialize(result) + "\n";
}

}  // namespace kwm::placement
