#pragma once
// Formation figures per unit and up the tree, the study's team type, and which temporary positions and
// contracts run out soon. Pure functions over plain structs: the store feeds them aggregated lines.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date.hpp"
#include "core/fte.hpp"
#include "org/model.hpp"

namespace kwm::org {

// The figures of one unit, or of a subtree when rolled up.
//  budgeted  sum of the positions' FTE
//  filled    per (unit, function level): the smaller of the budget and the FTE of the people in that unit
//            with that function level; people beyond the budget do not fill another level's positions
//  vacant    budgeted - filled
//  external  FTE of the external workers (seconded or hired) working in the unit, on a position or not
//  temporary FTE of the temporary positions
//  staff     FTE of everyone working in the unit, the base of the external share
struct Formation {
  Fte budgeted;
  Fte filled;
  Fte vacant;
  Fte external;
  Fte temporary;
  Fte staff;
  std::int64_t people = 0;     // everyone working in the unit, employees and external workers
  std::int64_t externals = 0;  // of whom external

  double external_share() const;   // external / staff; 0 without staff
  double temporary_share() const;  // temporary / budgeted; 0 without budget
  Formation& operator+=(const Formation& other);
  friend bool operator==(const Formation&, const Formation&) = default;
};

// Aggregated input: the store sums positions and people per group, and these functions do the rest, so
// the same rules hold for one team or a whole municipality.
struct PositionLine {
  std::int64_t unit_id = 0;
  std::int64_t function_id = 0;
  PositionKind kind = PositionKind::Structural;
  Fte fte;
};
struct StaffLine {
  std::int64_t unit_id = 0;
  std::optional<std::int64_t> function_id;  // none: an external worker without a function level
  Engagement engagement = Engagement::Employee;
  Fte fte;                 // summed over `count` people
  std::int64_t count = 1;
};
struct UnitNode {
  std::int64_t id = 0;
  std::optional<std::int64_t> parent_id;
};

struct UnitFigures {
  Formation own;
  Formation total;  // own plus every unit below
};
using FormationTree = std::unordered_map<std::int64_t, UnitFigures>;

// Figures of one unit from its own lines (lines of other units are a caller error and are ignored).
Formation unit_formation(std::int64_t unit_id, std::span<const PositionLine> positions, std::span<const StaffLine> staff);
// Figures of every unit, own and rolled up. Lines of units not in `units` are ignored. Throws Failure
// (internal) if the parent links form a cycle, which the store never lets happen.
FormationTree roll_up(std::span<const UnitNode> units, std::span<const PositionLine> positions,
                      std::span<const StaffLine> staff);

// The unit and every unit below it, the root first; empty when root is not among the units.
std::vector<std::int64_t> subtree(std::span<const UnitNode> units, std::int64_t root);
// True when making `new_parent` the parent of `unit_id` would put the unit below itself.
bool would_create_cycle(std::span<const UnitNode> units, std::int64_t unit_id, std::optional<std::int64_t> new_parent);

// --- Team type ----------------------------------------------------------------------------------------
// The study's 2x2 for district and youth teams: who directs the team (municipality or contracted main
// contractor) x whether municipal consultants (municipal employees doing casework) sit in it.
//   type 1: contractor directs, only external consultants    type 2: contractor directs, municipal consultants too
//   type 3: municipality directs, only external consultants  type 4: municipality directs, municipal consultants too
// A municipal team coordinator or team leader does not make a team type 4: in the study's type 3 "only the
// team coordinator is employed by the municipality".

struct TeamComposition {
  std::int64_t municipal_consultants = 0;
  std::int64_t municipal_coordinators = 0;
  std::int64_t externals = 0;
};
// Functions that lead or coordinate a team rather than do casework, recognised by their code or name
// (coördinator, coordinator, teamleider, leidinggevende, manager, kwartiermaker).
bool is_coordinating_function(std::string_view function_code, std::string_view function_name);
void count_member(TeamComposition& team, Engagement engagement, std::string_view function_code,
                  std::string_view function_name, std::int64_t count = 1);

struct TeamTypeResult {
  std::optional<int> type;  // 1..4; none for units that are not district or youth teams, or lack a direction
  std::string reason;       // Dutch, for the team page
};
TeamTypeResult derive_team_type(const Unit& unit, const TeamComposition& team);

// --- Expiry ---------------------------------------------------------------------------------------------
// What runs out on or before `today` plus `months`, soonest first; already past their end date count too,
// since they need a decision just as urgently. Structural positions and permanent contracts never expire.
std::vector<Position> expiring_positions(std::span<const Position> positions, Date today, int months = 6);
std::vector<Person> expiring_contracts(std::span<const Person> people, Date today, int months = 6);

}  // namespace kwm::org
