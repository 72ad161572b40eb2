// Reading: a SAX handler on Boost.JSON's basic_parser fills the problem as the text goes by (a score
// matrix straight into its vector of doubles), checking each value's type where it appears and keeping
// only a stack of where it is, so a JSON path is formatted only for an error. Ids may be referred to before
// they are listed (keys come in any order), so they are interned while reading and resolved afterwards.
// Writing: the result goes straight into one text buffer.
#include "placement/json_format.hpp"

#include <boost/json.hpp>
#include <boost/json/basic_parser_impl.hpp>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fmt/format.h>
#include <optional>
#include <span>
#include <unordered_map>

#include "core/error.hpp"

namespace kwm::placement {
namespace json = boost::json;
namespace {

[[noreturn]] void bad(const std::string& path, const std::string& message) { fail_invalid(path, message); }

// --------------------------------------------------------------------------------------------- reading

// An id as written: a string (by its number in the table of strings read) or an integer.
struct RawId {
  enum class Kind : std::uint8_t { string, integer, large_integer } kind = Kind::string;
  std::uint64_t value = 0;  // string number, int64 bits, or an integer above INT64_MAX
};

struct RawCandidate {
  RawId employee, position;
  double score = 0;
};

struct RawMatrix {
  std::vector<RawId> employees, positions;
  std::vector<double> scores;            // row after row, as written
  std::vector<std::size_t> row_lengths;  // per row
};

struct RawRound {
  std::string name;
  std::optional<std::vector<RawCandidate>> candidates;
  std::optional<RawMatrix> matrix;
};

struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct RawProblem {
  std::vector<RawId> position_ids;
  std::vector<std::int64_t> slots;
  std::vector<RawId> employee_ids;
  std::vector<RawRound> rounds;
  // The strings used as ids: their numbers, and by number a view of the key held in the map.
  std::unordered_map<std::string, std::uint64_t, TransparentHash, std::equal_to<>> string_numbers;
  std::vector<std::string_view> strings;
};

// What a value is to the format, from where it stands.
enum class Role : std::uint8_t {
  root, positions, position, position_id, slots, employees, employee, employee_id, rounds, round, round_name,
  candidates, candidate, candidate_employee, candidate_position, candidate_score, matrix, matrix_employees,
  matrix_employee, matrix_positions, matrix_position, scores, score_row, score, ignored,
};

bool is_object(Role role) {
  return role == Role::root || role == Role::position || role == Role::employee || role == Role::round ||
         role == Role::candidate || role == Role::matrix;
}
bool is_array(Role role) {
  return role == Role::positions || role == Role::employees || role == Role::rounds || role == Role::candidates ||
         role == Role::matrix_employees || role == Role::matrix_positions || role == Role::scores ||
         role == Role::score_row;
}
bool is_id(Role role) {
  return role == Role::position_id || role == Role::employee_id || role == Role::candidate_employee ||
         role == Role::candidate_position || role == Role::matrix_employee || role == Role::matrix_position;
}

// The complaint about a value of the wrong kind in this role.
const char* expected(Role role) {
  if (is_object(role)) return "expected an object";
  if (is_array(role)) return "expected an array";
  if (is_id(role)) return "an id must be a string or an integer";
  switch (role) {
    case Role::slots: return "expected an integer";
    case Role::round_name: return "expected a string";
    case Role::candidate_score: return "expected a number";
    default: return "expected a number or null";
  }
}

Role element_of(Role array) {
  switch (array) {
    case Role::positions: return Role::position;
    case Role::employees: return Role::employee;
    case Role::rounds: return Role::round;
    case Role::candidates: return Role::candidate;
    case Role::matrix_employees: return Role::matrix_employee;
    case Role::matrix_positions: return Role::matrix_position;
    case Role::scores: return Role::score_row;
    case Role::score_row: return Role::score;
    default: return Role::ignored;
  }
}

// The members an object of a role reads, in the order their absence is reported.
struct Member {
  std::string_view key;
  Role role;
};
constexpr Member root_members[] = {{"positions", Role::positions}, {"employees", Role::employees}, {"rounds", Role::rounds}};
constexpr Member position_members[] = {{"id", Role::position_id}, {"slots", Role::slots}};
constexpr Member employee_members[] = {{"id", Role::employee_id}};
constexpr Member round_members[] = {{"name", Role::round_name}, {"candidates", Role::candidates}, {"matrix", Role::matrix}};
constexpr Member candidate_members[] = {
    {"employee", Role::candidate_employee}, {"position", Role::candidate_position}, {"score", Role::candidate_score}};
constexpr Member matrix_members[] = {
    {"employees", Role::matrix_employees}, {"positions", Role::matrix_positions}, {"scores", Role::scores}};

std::span<const Member> members_of(Role object) {
  switch (object) {
    case Role::root: return root_members;
    case Role::position: return position_members;
    case Role::employee: return employee_members;
    case Role::round: return round_members;
    case Role::candidate: return candidate_members;
    case Role::matrix: return matrix_members;
    default: return {};
  }
}

// The SAX handler. Every event first finds the role of the value it starts (from the object key or the
// array around it), so a value of the wrong kind fails on the spot with its path.
class ProblemReader {
 public:
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  RawProblem problem;
  std::optional<Error> failure;

  bool on_document_begin(boost::system::error_code&) { return true; }
  bool on_document_end(boost::system::error_code&) { return true; }

  bool on_object_begin(boost::system::error_code& ec) {
    const Role role = next_role();
    if (role != Role::ignored && !is_object(role)) return reject(ec, expected(role));
    begin(role);
    if (role == Role::round) problem.rounds.emplace_back();
    if (role == Role::matrix) problem.rounds.back().matrix.emplace();
    if (role == Role::candidate) problem.rounds.back().candidates->emplace_back();
    if (role == Role::position) {
      problem.position_ids.emplace_back();
      problem.slots.push_back(0);
    }
    if (role == Role::employee) problem.employee_ids.emplace_back();
    return true;
  }

  bool on_object_end(std::size_t, boost::system::error_code& ec) {
    const Frame& frame = frames_.back();
    const std::span<const Member> members = members_of(frame.role);
    for (std::size_t m = 0; m < members.size(); ++m) {
      if (frame.seen & (1u << m)) continue;
      // A round has one of its two forms; which one is missing is no error by itself.
      if (frame.role == Role::round && m > 0) continue;
      return reject_object(ec, "missing", members[m].key);
    }
    if (frame.role == Role::round) {
      const RawRound& round = problem.rounds.back();
      if (round.candidates.has_value() == round.matrix.has_value())
        return reject_object(ec, "a round has either \"candidates\" or \"matrix\"");
    }
    frames_.pop_back();
    return true;
  }

  bool on_array_begin(boost::system::error_code& ec) {
    const Role role = next_role();
    if (role != Role::ignored && !is_array(role)) return reject(ec, expected(role));
    begin(role);
    RawRound* round = problem.rounds.empty() ? nullptr : &problem.rounds.back();
    // A key given twice counts with its last value, as in Boost.JSON's documents.
    switch (role) {
      case Role::positions:
        problem.position_ids.clear();
        problem.slots.clear();
        break;
      case Role::employees: problem.employee_ids.clear(); break;
      case Role::rounds: problem.rounds.clear(); break;
      case Role::candidates: round->candidates.emplace(); break;
      case Role::matrix_employees: round->matrix->employees.clear(); break;
      case Role::matrix_positions: round->matrix->positions.clear(); break;
      case Role::scores:
        round->matrix->scores.clear();
        round->matrix->row_lengths.clear();
        // The lists usually come first; then the matrix's size is known.
        round->matrix->scores.reserve(round->matrix->employees.size() * round->matrix->positions.size());
        break;
      case Role::score_row: round->matrix->row_lengths.push_back(0); break;
      default: break;
    }
    return true;
  }

  bool on_array_end(std::size_t, boost::system::error_code&) {
    frames_.pop_back();
    return true;
  }

  bool on_key_part(json::string_view part, std::size_t, boost::system::error_code&) {
    text_.append(part.data(), part.size());
    return true;
  }
  bool on_key(json::string_view last, std::size_t, boost::system::error_code&) {
    const std::string_view key = whole(last);
    Frame& frame = frames_.back();
    frame.member = -1;
    frame.pending = Role::ignored;
    const std::span<const Member> members = members_of(frame.role);
    for (std::size_t m = 0; m < members.size(); ++m)
      if (members[m].key == key) {
        frame.member = static_cast<int>(m);
        frame.pending = members[m].role;
        frame.seen |= 1u << m;
      }
    text_.clear();
    return true;
  }

  bool on_string_part(json::string_view part, std::size_t, boost::system::error_code&) {
    text_.append(part.data(), part.size());
    return true;
  }
  bool on_string(json::string_view last, std::size_t, boost::system::error_code& ec) {
    const Role role = next_role();
    const std::string_view text = whole(last);
    bool ok = true;
    if (role == Role::round_name)
      problem.rounds.back().name = std::string(text);
    else if (is_id(role))
      id_slot(role) = RawId{RawId::Kind::string, intern(text)};
    else if (role != Role::ignored)
      ok = reject(ec, expected(role));
    text_.clear();
    return ok;
  }

  bool on_number_part(json::string_view, boost::system::error_code&) { return true; }

  bool on_int64(std::int64_t value, json::string_view, boost::system::error_code& ec) {
    const Role role = next_role();
    if (role == Role::score) return score(static_cast<double>(value));
    if (is_id(role)) {
      id_slot(role) = RawId{RawId::Kind::integer, static_cast<std::uint64_t>(value)};
      return true;
    }
    if (role == Role::slots) {
      problem.slots.back() = value;
      return true;
    }
    return number(role, static_cast<double>(value), ec);
  }
  bool on_uint64(std::uint64_t value, json::string_view, boost::system::error_code& ec) {
    const Role role = next_role();
    const bool large = value > static_cast<std::uint64_t>(INT64_MAX);
    if (is_id(role)) {
      id_slot(role) = RawId{large ? RawId::Kind::large_integer : RawId::Kind::integer, value};
      return true;
    }
    if (role == Role::slots) {
      if (large) return reject(ec, "too large");
      problem.slots.back() = static_cast<std::int64_t>(value);
      return true;
    }
    return number(role, static_cast<double>(value), ec);
  }
  bool on_double(double value, json::string_view, boost::system::error_code& ec) {
    return number(next_role(), value, ec);
  }

  bool on_bool(bool, boost::system::error_code& ec) { return scalar(ec); }
  bool on_null(boost::system::error_code& ec) {
    const Role role = next_role();
    if (role == Role::score) return score(not_allowed);
    return role == Role::ignored || reject(ec, expected(role));
  }
  bool on_comment_part(json::string_view, boost::system::error_code&) { return true; }
  bool on_comment(json::string_view, boost::system::error_code&) { return true; }

 private:
  struct Frame {
    Role role;
    Role pending = Role::ignored;  // objects: the role of the current member's value
    int member = -1;               // objects: which of members_of(role) is current
    std::uint32_t seen = 0;        // objects: members present
    std::size_t count = 0;         // arrays: elements so far
  };

  // The role of the value that starts now; for an array, counts it as the next element.
  Role next_role() {
    if (frames_.empty()) return Role::root;
    Frame& frame = frames_.back();
    if (is_object(frame.role)) return frame.pending;
    if (frame.role == Role::ignored) return Role::ignored;
    ++frame.count;
    return element_of(frame.role);
  }

  void begin(Role role) { frames_.push_back(Frame{role}); }

  std::string_view whole(json::string_view last) {
    if (text_.empty()) return {last.data(), last.size()};
    text_.append(last.data(), last.size());
    return text_;
  }

  std::uint64_t intern(std::string_view text) {
    const auto found = problem.string_numbers.find(text);
    if (found != problem.string_numbers.end()) return found->second;
    const auto inserted = problem.string_numbers.emplace(std::string(text), problem.strings.size()).first;
    problem.strings.push_back(inserted->first);
    return inserted->second;
  }

  RawId& id_slot(Role role) {
    switch (role) {
      case Role::position_id: return problem.position_ids.back();
      case Role::employee_id: return problem.employee_ids.back();
      case Role::candidate_employee: return problem.rounds.back().candidates->back().employee;
      case Role::candidate_position: return problem.rounds.back().candidates->back().position;
      case Role::matrix_employee: return problem.rounds.back().matrix->employees.emplace_back();
      default: return problem.rounds.back().matrix->positions.emplace_back();
    }
  }

  bool score(double value) {
    RawMatrix& matrix = *problem.rounds.back().matrix;
    matrix.scores.push_back(value);
    ++matrix.row_lengths.back();
    return true;
  }

  bool number(Role role, double value, boost::system::error_code& ec) {
    if (role == Role::score) return score(value);
    if (role == Role::candidate_score) {
      problem.rounds.back().candidates->back().score = value;
      return true;
    }
    return role == Role::ignored || reject(ec, expected(role));
  }

  bool scalar(boost::system::error_code& ec) {
    const Role role = next_role();
    return role == Role::ignored || reject(ec, expected(role));
  }

  // "$" and the member or element each of the first `depth` frames is at.
  std::string path_through(std::size_t depth) const {
    std::string path = "$";
    for (std::size_t f = 0; f < depth; ++f) {
      const Frame& frame = frames_[f];
      if (!is_object(frame.role))
        path += fmt::format("[{}]", frame.count - 1);
      else if (frame.member >= 0)
        path += fmt::format(".{}", members_of(frame.role)[frame.member].key);
    }
    return path;
  }

  bool fail_at(boost::system::error_code& ec, std::string path, std::string message) {
    failure = Error{ErrorKind::invalid, "invalid", std::move(message), std::move(path), {}};
    ec = std::make_error_code(std::errc::invalid_argument);
    return false;
  }
  // About the value that just started.
  bool reject(boost::system::error_code& ec, const char* message) {
    return fail_at(ec, path_through(frames_.size()), message);
  }
  // About the object that is ending, or one of its members.
  bool reject_object(boost::system::error_code& ec, const char* message, std::string_view member = {}) {
    std::string path = path_through(frames_.size() - 1);
    if (!member.empty()) path += fmt::format(".{}", member);
    return fail_at(ec, std::move(path), message);
  }

  std::vector<Frame> frames_;
  std::string text_;  // a key or string that came in parts
};

std::string describe(const RawId& id, const RawProblem& problem) {
  switch (id.kind) {
    case RawId::Kind::string: return json::serialize(json::value(json::string_view(problem.strings[id.value])));
    case RawId::Kind::integer: return std::to_string(static_cast<std::int64_t>(id.value));
    default: return std::to_string(id.value);
  }
}

json::value to_json(const RawId& id, const RawProblem& problem) {
  switch (id.kind) {
    case RawId::Kind::string: return json::string(problem.strings[id.value]);
    case RawId::Kind::integer: return static_cast<std::int64_t>(id.value);
    default: return id.value;
  }
}

// Ids of one list to their index; "7" and 7 are different ids.
class IdIndex {
 public:
  explicit IdIndex(std::size_t strings) : by_string_(strings, -1) {}

  // path_of() formats the JSON path, for a failure only.
  template <class PathOf>
  void add(const RawId& id, const char* what, PathOf path_of) {
    Index& slot = find_slot(id);
    if (slot >= 0) bad(path_of(), fmt::format("duplicate {} id", what));
    slot = size_++;
  }

  template <class PathOf>
  Index find(const RawId& id, const RawProblem& problem, const char* what, PathOf path_of) {
    const Index index = find_slot(id);
    if (index < 0) bad(path_of(), fmt::format("unknown {} id {}", what, describe(id, problem)));
    return index;
  }

 private:
  Index& find_slot(const RawId& id) {
    if (id.kind == RawId::Kind::string) return by_string_[id.value];
    return by_integer_.try_emplace({id.value, id.kind == RawId::Kind::large_integer}, -1).first->second;
  }
  struct Hash {
    std::size_t operator()(const std::pair<std::uint64_t, bool>& key) const {
      return std::hash<std::uint64_t>{}(key.first) ^ (key.second ? 0x9e3779b97f4a7c15u : 0);
    }
  };
  std::vector<Index> by_string_;
  std::unordered_map<std::pair<std::uint64_t, bool>, Index, Hash> by_integer_;
  Index size_ = 0;
};

RawProblem read_raw(std::string_view text) {
  json::basic_parser<ProblemReader> parser{json::parse_options{}};
  boost::system::error_code error;
  const std::size_t consumed = parser.write_some(false, text.data(), text.size(), error);
  if (parser.handler().failure) throw Failure(std::move(*parser.handler().failure));
  if (error) {
    const std::string_view before = text.substr(0, std::min(consumed, text.size()));
    const std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t newline = before.rfind('\n');
    const std::size_t column = before.size() - (newline == std::string_view::npos ? 0 : newline + 1) + 1;
    bad("$", fmt::format("malformed JSON at line {}, column {}: {}", line, column, error.message()));
  }
  return std::move(parser.handler().problem);
}

ScoreMatrix resolve_matrix(RawMatrix& raw, const RawProblem& problem, const std::string& at, IdIndex& employees,
                           IdIndex& positions) {
  ScoreMatrix matrix;
  matrix.employees.reserve(raw.employees.size());
  for (std::size_t k = 0; k < raw.employees.size(); ++k)
    matrix.employees.push_back(
        employees.find(raw.employees[k], problem, "employee", [&] { return fmt::format("{}.employees[{}]", at, k); }));
  matrix.positions.reserve(raw.positions.size());
  for (std::size_t k = 0; k < raw.positions.size(); ++k)
    matrix.positions.push_back(
        positions.find(raw.positions[k], problem, "position", [&] { return fmt::format("{}.positions[{}]", at, k); }));
  if (raw.row_lengths.size() != matrix.employees.size())
    bad(at + ".scores", fmt::format("expected {} rows (one per employee), got {}", matrix.employees.size(),
                                    raw.row_lengths.size()));
  for (std::size_t r = 0; r < raw.row_lengths.size(); ++r)
    if (raw.row_lengths[r] != matrix.positions.size())
      bad(fmt::format("{}.scores[{}]", at, r), fmt::format("expected {} scores (one per position), got {}",
                                                           matrix.positions.size(), raw.row_lengths[r]));
  matrix.scores = std::move(raw.scores);
  return matrix;
}

// --------------------------------------------------------------------------------------------- writing

class Writer {
 public:
  void raw(std::string_view text) { out_.append(text.data(), text.data() + text.size()); }

  void string(std::string_view text) {
    out_.push_back('"');
    for (const char c : text) {
      switch (c) {
        case '"': raw("\\\""); break;
        case '\\': raw("\\\\"); break;
        case '\n': raw("\\n"); break;
        case '\r': raw("\\r"); break;
        case '\t': raw("\\t"); break;
        case '\b': raw("\\b"); break;
        case '\f': raw("\\f"); break;
        default:
          if (static_cast<unsigned char>(c) < 0x20)
            fmt::format_to(std::back_inserter(out_), "\\u{:04x}", static_cast<unsigned>(c));
          else
            out_.push_back(c);
      }
    }
    out_.push_back('"');
  }

  void id(const json::value& id) {
    if (id.is_string())
      string(id.get_string());
    else if (id.is_int64())
      fmt::format_to(std::back_inserter(out_), "{}", id.get_int64());
    else
      fmt::format_to(std::back_inserter(out_), "{}", id.get_uint64());
  }

  // Whole numbers as integers, not as 1E1; others in the shortest form that reads back the same.
  void number(double x) {
    if (x == std::trunc(x) && std::fabs(x) < 9e15)
      fmt::format_to(std::back_inserter(out_), "{}", static_cast<std::int64_t>(x));
    else
      fmt::format_to(std::back_inserter(out_), "{}", x);
  }
  void integer(std::int64_t x) { fmt::format_to(std::back_inserter(out_), "{}", x); }
  // Always with a fraction or exponent, so that it reads back as a floating-point number.
  void real(double x) {
    const std::size_t before = out_.size();
    fmt::format_to(std::back_inserter(out_), "{}", x);
    if (std::string_view(out_.data() + before, out_.size() - before).find_first_of(".eE") == std::string_view::npos)
      raw(".0");
  }

  std::string text() && { return fmt::to_string(out_); }

 private:
  fmt::memory_buffer out_;
};

// `{"employee":…,"position":…,"round":…,"<last>":`, after a comma unless first: the common start of a
// placement and a margin.
void pair_head(Writer& out, const ParsedProblem& parsed, bool first, Index employee, Index position, Index round,
               std::string_view last) {
  out.raw(first ? "{\"employee\":" : ",{\"employee\":");
  out.id(parsed.employee_ids[employee]);
  out.raw(",\"position\":");
  out.id(parsed.position_ids[position]);
  out.raw(",\"round\":");
  out.integer(round);
  out.raw(",\"");
  out.raw(last);
  out.raw("\":");
}

}  // namespace

ParsedProblem parse_problem(std::string_view text) {
  RawProblem raw = read_raw(text);
  ParsedProblem parsed;
  IdIndex positions(raw.strings.size()), employees(raw.strings.size());
  for (std::size_t k = 0; k < raw.position_ids.size(); ++k) {
    positions.add(raw.position_ids[k], "position", [&] { return fmt::format("$.positions[{}].id", k); });
    parsed.position_ids.push_back(to_json(raw.position_ids[k], raw));
  }
  parsed.problem.slots = std::move(raw.slots);
  for (std::size_t k = 0; k < raw.employee_ids.size(); ++k) {
    employees.add(raw.employee_ids[k], "employee", [&] { return fmt::format("$.employees[{}].id", k); });
    parsed.employee_ids.push_back(to_json(raw.employee_ids[k], raw));
  }
  parsed.problem.employee_count = static_cast<Index>(parsed.employee_ids.size());

  for (std::size_t k = 0; k < raw.rounds.size(); ++k) {
    RawRound& raw_round = raw.rounds[k];
    Round round;
    round.name = std::move(raw_round.name);
    if (raw_round.candidates) {
      std::vector<Candidate> candidates;
      candidates.reserve(raw_round.candidates->size());
      for (std::size_t c = 0; c < raw_round.candidates->size(); ++c) {
        const RawCandidate& rc = (*raw_round.candidates)[c];
        const auto at = [&](const char* member) {
          return [=] { return fmt::format("$.rounds[{}].candidates[{}].{}", k, c, member); };
        };
        Candidate candidate;
        candidate.employee = employees.find(rc.employee, raw, "employee", at("employee"));
        candidate.position = positions.find(rc.position, raw, "position", at("position"));
        candidate.score = rc.score;
        candidates.push_back(candidate);
      }
      round.pairs = std::move(candidates);
    } else {
      round.pairs = resolve_matrix(*raw_round.matrix, raw, fmt::format("$.rounds[{}].matrix", k), employees, positions);
    }
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
  Writer out;
  out.raw("{\"placements\":[");
  for (std::size_t k = 0; k < solution.placements.size(); ++k) {
    const Placement& p = solution.placements[k];
    pair_head(out, parsed, k == 0, p.employee, p.position, p.round, "score");
    out.number(p.score);
    out.raw("}");
  }
  out.raw("],\"unplaced\":[");
  for (std::size_t k = 0; k < solution.unplaced.size(); ++k) {
    if (k) out.raw(",");
    out.id(parsed.employee_ids[solution.unplaced[k]]);
  }
  out.raw("],\"open_slots\":[");
  bool first = true;
  for (std::size_t p = 0; p < solution.open_slots.size(); ++p) {
    if (solution.open_slots[p] <= 0) continue;
    out.raw(first ? "{\"position\":" : ",{\"position\":");
    first = false;
    out.id(parsed.position_ids[p]);
    out.raw(",\"slots\":");
    out.integer(solution.open_slots[p]);
    out.raw("}");
  }
  out.raw("],\"rounds\":[");
  for (std::size_t k = 0; k < solution.rounds.size(); ++k) {
    out.raw(k ? ",{\"name\":" : "{\"name\":");
    out.string(parsed.round_names[k]);
    out.raw(",\"placed\":");
    out.integer(solution.rounds[k].placed);
    out.raw(",\"total_score\":");
    out.number(solution.rounds[k].total_score);
    out.raw("}");
  }
  out.raw("],\"objective\":{\"placed\":");
  out.integer(solution.objective.placed);
  out.raw(",\"total_score\":");
  out.number(solution.objective.total_score);
  out.raw("}");
  if (margins) {
    out.raw(",\"margins\":[");
    for (std::size_t k = 0; k < margins->size(); ++k) {
      const Margin& m = (*margins)[k];
      pair_head(out, parsed, k == 0, m.employee, m.position, m.round, "margin");
      if (m.points)
        out.number(*m.points);
      else
        out.raw("null");
      out.raw("}");
    }
    out.raw("]");
  }
  out.raw(",\"timing\":{\"parse_ms\":");
  out.real(timing.parse_ms);
  out.raw(",\"solve_ms\":");
  out.real(timing.solve_ms);
  out.raw("}}\n");
  return std::move(out).text();
}

}  // namespace kwm::placement
