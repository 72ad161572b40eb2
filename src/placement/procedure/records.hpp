#pragma once
// The procedure's results as records: what a run keeps for each employee (placement or surplus, and the
// explanation), its rounds and open slots, and a pair's suitability with its breakdown. Points are written
// as numbers of points (hundredths divided by 100). A run stores these records as they were made, so an
// explanation reads the same at confirmation, in an objection and a year later. Their wire format is in
// placement/wire.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/fte.hpp"
#include "core/spelling.hpp"
#include "placement/procedure/explanation.hpp"
#include "placement/procedure/figures.hpp"

namespace kwm::placement::procedure {

struct PersonRef {
  std::int64_t person_id = 0;
  std::string personnel_number;
  std::string name;
};

struct PositionRef {
  std::int64_t position_id = 0;
  std::string unit_code;
  std::string unit_name;
  std::int64_t function_id = 0;
  std::string function_code;
  std::string function_name;
  std::string level;
};

struct ComponentRecord {
  ComponentKind kind = ComponentKind::Competency;
  ComponentStatus status = ComponentStatus::Missing;
  std::optional<double> value;
  std::optional<double> scaled;
  double weight = 0;
  double share = 0;
  double contribution = 0;
  std::string text;
};

// How a pair takes part in one round: kind is the round's kind, or "lock" for HR's fixed pairs.
struct RoundEntryRecord {
  std::int64_t index = 0;
  std::string kind;
  std::string name;
  bool candidate = false;
  double bonus = 0;
  std::optional<double> points;  // when a candidate
  std::string text;
};

struct SuitabilityRecord {
  PersonRef person;
  PositionRef position;
  double score = 0;
  std::vector<ComponentRecord> components;
  std::optional<std::string> verdict;  // competence::VerdictKind
  bool suitable = false;
  SuitableBasis suitable_basis = SuitableBasis::FunctionMatch;
  std::string function_match;          // competence::FunctionMatch
  std::vector<ConstraintCheck> constraints;
  bool eligible = true;
  std::optional<int> preference_rank;
  bool locked = false;
  std::vector<RoundEntryRecord> rounds;
};

struct PlacementRecord {
  PersonRef person;
  PositionRef position;
  std::int64_t round = 0;
  std::string round_name;
  double points = 0;
  double suitability = 0;
  double bonus = 0;
  std::optional<int> preference_rank;
  bool locked = false;
};

struct NearMissRecord {
  std::int64_t position_id = 0;
  std::string unit_code;
  std::string function_code;
  std::string function_name;
  std::string level;
  std::int64_t round = 0;
  std::string round_name;
  std::optional<double> points_short;
  std::string text;
};

struct BlockedRecord {
  PositionRef position;
  std::vector<std::string> constraints;
};

struct SurplusRecord {
  PersonRef person;
  std::string unit_code;
  std::string function_code;
  std::string function_name;
  std::string level;
  std::vector<NearMissRecord> near_misses;
  std::vector<BlockedRecord> blocked;
};

struct RoundRef {
  std::int64_t index = 0;
  std::string name;
};

struct ScoreRecord {
  double points = 0;
  double suitability = 0;
  double bonus = 0;
  std::vector<ComponentRecord> components;
  std::vector<ConstraintCheck> constraints;
};

struct PreferenceOutcomeRecord {
  int rank = 1;
  std::int64_t function_id = 0;
  std::string function_code;
  std::string function_name;
  std::string level;
  PreferenceStatus status = PreferenceStatus::NotGranted;
  std::optional<RefusalReason> reason;
  std::optional<double> points_short;
  std::string text;
};

enum class Outcome { Placed, Surplus };

struct ExplanationRecord {
  PersonRef person;
  Outcome outcome = Outcome::Surplus;
  std::optional<RoundRef> round;
  std::optional<PositionRef> position;
  std::optional<ScoreRecord> score;
  std::vector<PreferenceOutcomeRecord> preferences;
  std::vector<NearMissRecord> near_misses;
  std::vector<BlockedRecord> blocked;
  std::string text;
};

struct RoundRecord {
  std::int64_t index = 0;
  std::string kind;  // a RoundKind, or "lock"
  std::string name;
  std::int64_t candidates = 0;
  std::int64_t placed = 0;
  double points = 0;
};

// Slots of a formation line the run left open: what becomes a vacancy on confirmation.
struct OpenSlot {
  std::int64_t position_id = 0;
  std::string unit_code;
  std::string function_code;
  std::string function_name;
  std::string level;
  org::PositionKind kind = org::PositionKind::Structural;
  std::optional<Date> end_date;
  std::int64_t slots = 0;
  Fte fte;  // of the open slots together
};

// A group's figures as shown: null counts when the group is suppressed.
struct GroupFigures {
  std::string key;
  std::string label;
  bool suppressed = false;
  std::optional<std::int64_t> employees;
  std::optional<std::int64_t> placed;
  std::optional<std::int64_t> surplus;
  std::optional<std::int64_t> on_first_preference;
  std::optional<std::int64_t> on_preference;
  std::optional<double> average_suitability;
};

struct GroupsByDimension {
  std::vector<GroupFigures> unit;
  std::vector<GroupFigures> hours;
  std::vector<GroupFigures> contract;
  std::vector<GroupFigures> education;
};

SuitabilityRecord suitability_record(const Suitabilities& suitabilities, const PairSuitability& pair,
                                     const std::vector<PlannedRound>& rounds);
PlacementRecord placement_record(const Suitabilities& suitabilities, const RunResult& result, const Placed& placed);
SurplusRecord surplus_record(const Suitabilities& suitabilities, const RunResult& result, const Explanation& explanation);
ExplanationRecord explanation_record(const Suitabilities& suitabilities, const RunResult& result, const Explanation& explanation);
std::vector<RoundRecord> round_records(const RunResult& result);
std::vector<OpenSlot> open_slots(const ProcedureInput& input, const RunResult& result);
GroupsByDimension groups_of(const Summary& summary);

}  // namespace kwm::placement::procedure

namespace kwm {
template <>
struct Spelling<placement::procedure::Outcome> {
  static constexpr SpellingTable<placement::procedure::Outcome, 2> names{
      {{placement::procedure::Outcome::Placed, "placed"}, {placement::procedure::Outcome::Surplus, "surplus"}}};
};
}  // namespace kwm
