#pragma once
// The figures of a run, whole and per group of employees (current unit, part-time or full-time, contract,
// education level), so that HR and the works council can compare runs and spot unequal treatment. Groups
// built from fewer than `min_group` employees are suppressed for viewers who may see aggregates only.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/fte.hpp"
#include "org/model.hpp"

namespace kwm::placement::procedure {

// One employee's outcome in a run, as the run stored it.
struct RunPerson {
  std::int64_t person_id = 0;
  std::string unit_code;
  std::string unit_name;
  Fte fte;
  org::Contract contract = org::Contract::Permanent;
  std::optional<org::EducationLevel> education;
  bool placed = false;
  std::optional<int> preference_rank;            // of the position placed on
  std::optional<std::int64_t> suitability_centi;  // of the position placed on, without bonus
};

struct Figures {
  std::int64_t employees = 0;
  std::int64_t placed = 0;
  std::int64_t surplus = 0;
  std::vector<std::int64_t> on_preference;  // placed on their 1st, 2nd, ... preference
  std::optional<double> average_suitability;  // over the placed
  std::int64_t open_slots = 0;

  double share_on_preference(std::size_t rank_index) const;
};

Figures figures_of(std::span<const RunPerson> people, int max_preferences, std::int64_t open_slots);

enum class GroupDimension { Unit, Hours, Contract, Education };
std::string_view to_string(GroupDimension dimension);  // "unit", "hours", "contract", "education"

struct Group {
  std::string key;    // unit code, "part_time"/"full_time", "permanent"/"temporary", "mbo"/"hbo"/"wo"/"unknown"
  std::string label;  // Dutch
  bool suppressed = false;
  Figures figures;    // zero when suppressed
};

struct GroupSet {
  GroupDimension dimension = GroupDimension::Unit;
  std::vector<Group> groups;  // by key
};

struct Summary {
  Figures figures;
  std::vector<GroupSet> groups;  // unit, hours, contract, education
};

// min_group 0 suppresses nothing (HR); the works council gets kMinGroupForAggregates.
inline constexpr std::int64_t kMinGroupForAggregates = 5;
Summary summarise(std::span<const RunPerson> people, int max_preferences, std::int64_t open_slots, std::int64_t min_group);

}  // namespace kwm::placement::procedure
