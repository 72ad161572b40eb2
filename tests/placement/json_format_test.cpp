#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "core/error.hpp"
#include "placement/json_format.hpp"

namespace kwm::placement {
namespace {

namespace json = boost::json;

const char* const valid_problem = R"({
  "positions": [{"id": "P1", "slots": 1}, {"id": 2, "slots": 2}, {"id": "closed", "slots": 0}],
  "employees": [{"id": "A"}, {"id": "B"}, {"id": 7}, {"id": "7"}],
  "rounds": [
    {"name": "person follows function", "candidates": [{"employee": "A", "position": "P1", "score": 1.5}]},
    {"name": "suitable", "matrix": {"employees": ["B", 7, "7"], "positions": ["P1", 2],
                                    "scores": [[9, 3], [null, 4.25], [8, null]]}}
  ]
})";

// Replaces the first occurrence of `from` in the valid problem.
std::string with(const std::string& from, const std::string& to) {
  std::string text = valid_problem;
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

struct Rejection {
  std::string text;
  std::string field;
};

std::string rejected_field(const std::string& text) {
  try {
    parse_problem(text);
  } catch (const Failure& failure) {
    EXPECT_EQ(failure.error().kind, ErrorKind::invalid);
    EXPECT_FALSE(failure.error().message.empty());
    return failure.error().field;
  }
  return "(accepted)";
}

TEST(PlacementJson, ParsesBothFormsAndWritesTheResult) {
  const ParsedProblem parsed = parse_problem(valid_problem);
  EXPECT_EQ(parsed.problem.employee_count, 4);
  EXPECT_EQ(parsed.problem.slots, (std::vector<std::int64_t>{1, 2, 0}));
  ASSERT_EQ(parsed.problem.rounds.size(), 2u);
  const auto& matrix = std::get<ScoreMatrix>(parsed.problem.rounds[1].pairs);
  EXPECT_EQ(matrix.employees, (std::vector<Index>{1, 2, 3}));
  EXPECT_TRUE(std::isnan(matrix.scores[2]));

  const Solution solution = solve(parsed.problem);
  const std::vector<Margin> margin_list = margins(parsed.problem, solution);
  const json::object result =
      json::parse(format_result(parsed, solution, Timing{1.25, 0.5}, &margin_list)).as_object();
  // Round 0 places A on P1; round 1 fills both slots of position 2 with B and 7 ("7" has only P1, now full).
  EXPECT_EQ(result.at("placements"), json::parse(
            R"([{"employee":"A","position":"P1","round":0,"score":1.5},)"
            R"({"employee":"B","position":2,"round":1,"score":3},)"
            R"({"employee":7,"position":2,"round":1,"score":4.25}])"));
  EXPECT_EQ(result.at("unplaced"), json::parse(R"(["7"])"));
  EXPECT_EQ(result.at("open_slots"), json::parse("[]"));
  EXPECT_EQ(result.at("rounds"), json::parse(
            R"([{"name":"person follows function","placed":1,"total_score":1.5},)"
            R"({"name":"suitable","placed":2,"total_score":7.25}])"));
  EXPECT_EQ(result.at("objective"), json::parse(R"({"placed":3,"total_score":8.75})"));
  EXPECT_EQ(result.at("timing").at("parse_ms").as_double(), 1.25);
  EXPECT_EQ(result.at("timing").at("solve_ms").as_double(), 0.5);
  // Every pair still available in its round was chosen: P1 is full after round 0, both slots of 2 went.
  EXPECT_TRUE(result.at("margins").as_array().empty());
}

TEST(PlacementJson, MarginsNameTheirPairs) {
  const ParsedProblem parsed = parse_problem(R"({"positions": [{"id": "X", "slots": 1}, {"id": "Y", "slots": 1}],
    "employees": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
    "rounds": [{"name": "r", "candidates": [{"employee": "a", "position": "X", "score": 5},
      {"employee": "a", "position": "Y", "score": 1}, {"employee": "b", "position": "X", "score": 1},
      {"employee": "c", "position": "Y", "score": 0.5}]}]})");
  const Solution solution = solve(parsed.problem);
  const std::vector<Margin> margin_list = margins(parsed.problem, solution);
  const json::object result = json::parse(format_result(parsed, solution, Timing{}, &margin_list)).as_object();
  // Optimum: a on X and c on Y (5.5). The best with b on X is b on X and a on Y (2), and that is also the
  // best with a on Y: both pairs fall 3.5 points short.
  EXPECT_EQ(result.at("placements"), json::parse(
            R"([{"employee":"a","position":"X","round":0,"score":5},{"employee":"c","position":"Y","round":0,"score":0.5}])"));
  EXPECT_EQ(result.at("margins"), json::parse(
            R"([{"employee":"b","position":"X","round":0,"margin":3.5},{"employee":"a","position":"Y","round":0,"margin":3.5}])"));
}

TEST(PlacementJson, ResultWithoutMarginsHasNoMarginsKey) {
  const ParsedProblem parsed = parse_problem(valid_problem);
  const json::object result = json::parse(format_result(parsed, solve(parsed.problem), Timing{})).as_object();
  EXPECT_FALSE(result.contains("margins"));
}

TEST(PlacementJson, EveryRejectionNamesItsJsonPath) {
  const std::vector<Rejection> rejections = {
      {"{\"positions\": [", "$"},
      {"[1, 2]", "$"},
      {with("\"positions\"", "\"places\""), "$.positions"},
      {with("\"positions\": [", "\"positions\": \"P1\", \"unused\": ["), "$.positions"},
      {with("{\"id\": \"P1\", \"slots\": 1}", "\"P1\""), "$.positions[0]"},
      {with("{\"id\": \"P1\", \"slots\": 1}", "{\"slots\": 1}"), "$.positions[0].id"},
      {with("{\"id\": \"P1\", \"slots\": 1}", "{\"id\": true, \"slots\": 1}"), "$.positions[0].id"},
      {with("{\"id\": 2, \"slots\": 2}", "{\"id\": \"P1\", \"slots\": 2}"), "$.positions[1].id"},
      {with("\"slots\": 1}", "\"slots\": 1.5}"), "$.positions[0].slots"},
      {with("\"slots\": 1}", "\"slots\": \"1\"}"), "$.positions[0].slots"},
      {with(", \"slots\": 1}", "}"), "$.positions[0].slots"},
      {with("\"slots\": 1}", "\"slots\": -1}"), "$.positions[0].slots"},
      {with("\"employees\": [{", "\"staff\": [{"), "$.employees"},
      {with("{\"id\": \"B\"}", "{\"id\": \"A\"}"), "$.employees[1].id"},
      {with("{\"id\": \"B\"}", "{\"name\": \"B\"}"), "$.employees[1].id"},
      {with("\"rounds\"", "\"steps\""), "$.rounds"},
      {with("\"rounds\": [", "\"rounds\": [3, "), "$.rounds[0]"},
      {with("{\"name\": \"person follows function\", ", "{"), "$.rounds[0].name"},
      {with("\"name\": \"suitable\"", "\"name\": 2"), "$.rounds[1].name"},
      {with("\"candidates\"", "\"pairs\""), "$.rounds[0]"},
      {with("\"name\": \"suitable\",", "\"name\": \"suitable\", \"candidates\": [],"), "$.rounds[1]"},
      {with("\"candidates\": [{\"employee\": \"A\", \"position\": \"P1\", \"score\": 1.5}]", "\"candidates\": {}"),
       "$.rounds[0].candidates"},
      {with("{\"employee\": \"A\", \"position\": \"P1\", \"score\": 1.5}", "[\"A\"]"), "$.rounds[0].candidates[0]"},
      {with("{\"employee\": \"A\", \"position\": \"P1\", \"score\": 1.5}",
            "{\"employee\": \"A\", \"position\": \"P1\", \"score\": 1.5}, {\"employee\": \"Z\", \"position\": \"P1\", \"score\": 1}"),
       "$.rounds[0].candidates[1].employee"},
      {with("\"position\": \"P1\", \"score\": 1.5", "\"position\": \"P9\", \"score\": 1.5"), "$.rounds[0].candidates[0].position"},
      {with("\"position\": \"P1\", \"score\": 1.5", "\"position\": \"2\", \"score\": 1.5"), "$.rounds[0].candidates[0].position"},
      {with("\"employee\": \"A\", \"position\": \"P1\",", "\"position\": \"P1\","), "$.rounds[0].candidates[0].employee"},
      {with("\"score\": 1.5", "\"score\": \"high\""), "$.rounds[0].candidates[0].score"},
      {with("\"score\": 1.5", "\"score\": null"), "$.rounds[0].candidates[0].score"},
      {with("\"score\": 1.5", "\"score\": -0.5"), "$.rounds[0].candidates[0].score"},
      {with("\"score\": 1.5", "\"score\": 1e999"), "$.rounds[0].candidates[0].score"},
      {with("\"score\": 1.5}", "\"score\": 1.5}, {\"employee\": \"A\", \"position\": \"P1\", \"score\": 2}"),
       "$.rounds[0].candidates[1]"},
      {with("\"matrix\": {", "\"matrix\": 5, \"unused\": {"), "$.rounds[1].matrix"},
      {with("\"employees\": [\"B\", 7, \"7\"], ", ""), "$.rounds[1].matrix.employees"},
      {with("\"employees\": [\"B\", 7, \"7\"]", "\"employees\": [\"B\", 8, \"7\"]"), "$.rounds[1].matrix.employees[1]"},
      {with("\"employees\": [\"B\", 7, \"7\"]", "\"employees\": [\"B\", 7, 7]"), "$.rounds[1].matrix.employees[2]"},
      {with("\"positions\": [\"P1\", 2]", "\"positions\": [\"P1\", {\"id\": 2}]"), "$.rounds[1].matrix.positions[1]"},
      {with("\"positions\": [\"P1\", 2]", "\"positions\": [2, 2]"), "$.rounds[1].matrix.positions[1]"},
      {with("\"scores\": [[9, 3], [null, 4.25], [8, null]]", "\"scores\": [[9, 3], [null, 4.25]]"),
       "$.rounds[1].matrix.scores"},
      {with("\"scores\": [[9, 3], [null, 4.25], [8, null]]", "\"scores\": {}"), "$.rounds[1].matrix.scores"},
      {with("[null, 4.25]", "[null, 4.25, 1]"), "$.rounds[1].matrix.scores[1]"},
      {with("[null, 4.25]", "4.25"), "$.rounds[1].matrix.scores[1]"},
      {with("[null, 4.25]", "[\"x\", 4.25]"), "$.rounds[1].matrix.scores[1][0]"},
      {with("[null, 4.25]", "[null, -4.25]"), "$.rounds[1].matrix.scores[1][1]"},
      {with("[null, 4.25]", "[null, -1e999]"), "$.rounds[1].matrix.scores[1][1]"},
  };
  for (const Rejection& rejection : rejections) EXPECT_EQ(rejected_field(rejection.text), rejection.field) << rejection.text;
}

// Members come in any order (ids may be used before they are listed), unknown members of any shape are
// skipped, and a member given twice counts with its last value.
TEST(PlacementJson, ReadsMembersInAnyOrderAndSkipsOthers) {
  const ParsedProblem parsed = parse_problem(R"({
    "rounds": [{"matrix": {"scores": [[1.5, null]], "positions": ["X", "Y"], "employees": ["b"]}, "note": [1, {"x": null}],
                "name": "first"},
               {"candidates": [{"score": 2, "position": "Y", "employee": "a", "extra": {"deep": [[true]]}}],
                "name": "second", "name": "second, renamed"}],
    "meta": {"version": 3, "tags": ["a", {"b": [null, false]}], "empty": {}},
    "employees": [{"id": "a", "age": 40}, {"id": "b"}],
    "positions": [{"slots": 1, "id": "X"}, {"id": "Y", "slots": 5, "slots": 1}]
  })");
  EXPECT_EQ(parsed.problem.employee_count, 2);
  EXPECT_EQ(parsed.problem.slots, (std::vector<std::int64_t>{1, 1}));
  EXPECT_EQ(parsed.round_names, (std::vector<std::string>{"first", "second, renamed"}));
  const auto& matrix = std::get<ScoreMatrix>(parsed.problem.rounds[0].pairs);
  EXPECT_EQ(matrix.employees, (std::vector<Index>{1}));
  EXPECT_EQ(matrix.positions, (std::vector<Index>{0, 1}));
  ASSERT_EQ(matrix.scores.size(), 2u);
  EXPECT_EQ(matrix.scores[0], 1.5);
  EXPECT_TRUE(std::isnan(matrix.scores[1]));
  const auto& candidates = std::get<std::vector<Candidate>>(parsed.problem.rounds[1].pairs);
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0].employee, 0);
  EXPECT_EQ(candidates[0].position, 1);
  EXPECT_EQ(candidates[0].score, 2);
}

// Ids with escapes, non-ASCII text and integers beyond int64 come back out as they went in; scores that
// are not whole read back exactly; timings stay floating-point numbers.
TEST(PlacementJson, WritesIdsAndNumbersThatReadBackTheSame) {
  const ParsedProblem parsed = parse_problem(R"({
    "positions": [{"id": "P \"1\" \\ \n \u0001", "slots": 2}, {"id": 18446744073709551615, "slots": 1}],
    "employees": [{"id": "caf\u00e9"}, {"id": -7}, {"id": 9223372036854775807}],
    "rounds": [{"name": "r\t1", "candidates": [
      {"employee": "café", "position": "P \"1\" \\ \n \u0001", "score": 0.1},
      {"employee": -7, "position": 18446744073709551615, "score": 1e-7},
      {"employee": 9223372036854775807, "position": "P \"1\" \\ \n \u0001", "score": 123456789.125}]}]})");
  const Solution solution = solve(parsed.problem);
  ASSERT_EQ(solution.objective.placed, 3);
  const json::object result = json::parse(format_result(parsed, solution, Timing{2.0, 0.25})).as_object();
  EXPECT_EQ(result.at("placements"), json::parse(R"([
    {"employee": "café", "position": "P \"1\" \\ \n \u0001", "round": 0, "score": 0.1},
    {"employee": -7, "position": 18446744073709551615, "round": 0, "score": 1e-7},
    {"employee": 9223372036854775807, "position": "P \"1\" \\ \n \u0001", "round": 0, "score": 123456789.125}])"));
  EXPECT_EQ(result.at("rounds").at(0).at("name"), "r\t1");
  EXPECT_TRUE(result.at("timing").at("parse_ms").is_double());
  EXPECT_EQ(result.at("timing").at("parse_ms").as_double(), 2.0);
  EXPECT_EQ(result.at("objective").at("total_score").as_double(), 0.1 + 1e-7 + 123456789.125);
}

TEST(PlacementJson, MalformedJsonSaysWhere) {
  try {
    parse_problem("{\n  \"positions\": [,]\n}");
    FAIL() << "accepted";
  } catch (const Failure& failure) {
    EXPECT_EQ(failure.error().field, "$");
    EXPECT_NE(failure.error().message.find("line 2, column 17"), std::string::npos) << failure.error().message;
  }
}

}  // namespace
}  // namespace kwm::placement
