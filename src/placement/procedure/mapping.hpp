#pragma once
// Which old function continues in which new one. The mapping is proposed from the competency profiles
// (competence::classify_match) and confirmed by HR; the confirmed match is what the rounds use:
// "exchangeable" lets an incumbent follow their function (round 1), "suitable" or better makes a new
// function a suitable one for people without assessment results (round 3).
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "competence/profile.hpp"
#include "org/model.hpp"

namespace kwm::placement::procedure {

using competence::FunctionMatch;
std::optional<FunctionMatch> function_match_from_string(std::string_view text);

struct FunctionLevel {
  std::int64_t function_id = 0;
  std::string code;
  std::string name;
  std::string level;
  org::FunctionStatus status = org::FunctionStatus::Unchanged;
  std::optional<competence::FunctionProfile> profile;  // empty, or without requirements: no profile
};

struct MappingPair {
  std::int64_t old_function_id = 0;
  std::int64_t new_function_id = 0;
  FunctionMatch proposed = FunctionMatch::None;
  std::optional<double> overlap;     // from the profiles; empty when they could not be compared
  std::vector<std::string> reasons;  // Dutch, the deciding one first
  FunctionMatch match = FunctionMatch::None;  // what counts: HR's confirmed value, else the proposal
};

// One pair per old × new function level, old order first. With a profile on both sides the profiles
// decide; otherwise only the same function level can be proposed (exchangeable when unchanged, equivalent
// when slightly changed), and the reason says that no profile was there to compare.
std::vector<MappingPair> propose_mapping(std::span<const FunctionLevel> old_functions, std::span<const FunctionLevel> new_functions,
                                         const competence::MatchThresholds& thresholds = {});

// The confirmed relation between the function an employee holds and a new function level.
class FunctionMapping {
 public:
  FunctionMapping() = default;
  explicit FunctionMapping(std::span<const MappingPair> pairs);
  FunctionMatch match(std::optional<std::int64_t> old_function_id, std::int64_t new_function_id) const;
  // A new function level is "new" when no old function is exchangeable or equivalent with it.
  bool continues(std::int64_t new_function_id) const;

 private:
  std::map<std::pair<std::int64_t, std::int64_t>, FunctionMatch> matches_;
};

}  // namespace kwm::placement::procedure
