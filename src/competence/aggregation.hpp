#pragma once
// Aggregations behind the gap-analysis views: the team heatmap (people × competencies), the organisation
// heatmap (units × competencies), coverage of critical competencies, and growth between two rounds; plus
// the works council's view of them, in which no cell is built from fewer than five people.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "competence/scoring.hpp"

namespace kwm::competence {

// The works council's agreement: a figure built from fewer people than this is not shown.
inline constexpr std::size_t works_council_min_people = 5;

struct TeamCell {
  CompetencyState state = CompetencyState::NotAssessed;
  double required = 0;
  bool critical = false;
  std::optional<double> combined;
  std::optional<double> gap;
  bool spread_flagged = false;
};

struct TeamHeatmap {
  std::vector<std::string> people;        // personnel numbers, one row each, in input order
  std::vector<std::string> competencies;  // columns, in order of first appearance
  // cells[row][column]; empty where the competency is not in that person's profile
  std::vector<std::vector<std::optional<TeamCell>>> cells;
};

// Per person, shown to HR and the person's manager; never to the works council, who see aggregates only.
TeamHeatmap team_heatmap(std::span<const PersonResult> results);

// One row of the organisation heatmap: a unit with the results of everyone in it and in its subtree
// (the caller walks the tree), one result per person.
struct UnitGroup {
  std::string unit_code;
  std::vector<const PersonResult*> people;
};

// Empty optionals: no one in the unit is scored on it, or the cell is suppressed.
struct UnitCell {
  std::optional<std::size_t> people;        // people with a score on this competency
  std::optional<std::size_t> not_assessed;  // people whose profile asks it but who have no score yet
  std::optional<double> average_gap;
  std::optional<double> share_meeting;      // share of scored people with no gap
  bool suppressed = false;
};

struct OrganisationHeatmap {
  std::vector<std::string> units;
  std::vector<std::string> competencies;
  std::vector<std::vector<UnitCell>> cells;  // cells[unit][competency]
};

OrganisationHeatmap organisation_heatmap(std::span<const UnitGroup> units);

// How many people of a team meet each competency that is critical in at least one of their profiles: does
// a district team hold the expertise for youth, debt, or mild intellectual disability?
struct CoverageRow {
  std::string competency_code;
  std::optional<std::size_t> people;        // people for whom it is critical
  std::optional<std::size_t> meeting;       // of those: scored with no gap
  std::optional<std::size_t> not_assessed;  // of those: no score yet
  std::optional<double> share_meeting;      // meeting / people
  bool suppressed = false;
};

std::vector<CoverageRow> coverage(std::span<const PersonResult> team);

struct PersonGrowth {
  std::string personnel_number;
  std::string competency_code;
  double before = 0;  // combined score in the earlier round
  double after = 0;

  double change() const { return after - before; }
};

struct GrowthCell {
  std::string competency_code;
  std::optional<std::size_t> people;  // people with a combined score in both rounds
  std::optional<double> average_before;
  std::optional<double> average_after;
  std::optional<double> average_change;
  std::optional<std::size_t> improved;  // people whose score went up
  bool suppressed = false;
};

struct GrowthReport {
  std::vector<GrowthCell> competencies;  // in order of first appearance in the later round
  std::vector<PersonGrowth> people;      // per person and competency
};

// Matches people by personnel number and competencies by code; someone assessed in only one of the two
// rounds, or not scored on a competency in one of them, is left out of that competency's figures.
GrowthReport growth(std::span<const PersonResult> before, std::span<const PersonResult> after);

// The works council's views: every cell built from fewer than `min_people` people keeps only
// suppressed = true — no figures, not even its head count — and growth loses its per-person rows.
OrganisationHeatmap for_works_council(OrganisationHeatmap heatmap, std::size_t min_people = works_council_min_people);
std::vector<CoverageRow> for_works_council(std::vector<CoverageRow> rows, std::size_t min_people = works_council_min_people);
GrowthReport for_works_council(GrowthReport report, std::size_t min_people = works_council_min_people);

}  // namespace kwm::competence
