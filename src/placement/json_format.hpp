#pragma once
// The JSON problem and result format of `kwartiermaker place` (docs/placement-format.md). Text in, text
// out: reading and writing files is the caller's business.
#include <boost/json/value.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "placement/placement.hpp"

namespace kwm::placement {

struct ParsedProblem {
  Problem problem;
  std::vector<boost::json::value> employee_ids;  // as given: a string or an integer
  std::vector<boost::json::value> position_ids;
  std::vector<std::string> round_names;
};

// Parses and validates a problem. Bad input throws kwm::Failure (kind invalid) whose field is the JSON
// path of the offending element, e.g. "$.rounds[0].candidates[3].score", or "$" with line and column
// for malformed JSON.
ParsedProblem parse_problem(std::string_view text);

struct Timing {
  double parse_ms = 0;
  double solve_ms = 0;
};

// The result document; margins are included when given (an empty list still adds the key).
std::string format_result(const ParsedProblem& parsed, const Solution& solution, const Timing& timing,
                          const std::vector<Margin>* margins = nullptr);

}  // namespace kwm::placement
