#include "competence/aggregation.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace kwm::competence {
namespace {

// Column order shared by the views: competencies in order of first appearance.
void remember(std::vector<std::string>& order, const std::string& code) {
  if (std::find(order.begin(), order.end(), code) == order.end()) order.push_back(code);
}

std::size_t column_of(const std::vector<std::string>& order, const std::string& code) {
  return static_cast<std::size_t>(std::find(order.begin(), order.end(), code) - order.begin());
}

bool meets(const CompetencyResult& result) { return result.state == CompetencyState::Scored && result.gap.value_or(0.0) == 0.0; }

double mean(double sum, std::size_t count) { return sum / static_cast<double>(count); }

// A suppressed cell keeps its key and the flag, nothing else.
void blank_out(UnitCell& cell) {
  cell = UnitCell();
  cell.suppressed = true;
}
void blank_out(CoverageRow& row) {
  CoverageRow blank;
  blank.competency_code = std::move(row.competency_code);
  blank.suppressed = true;
  row = std::move(blank);
}
void blank_out(GrowthCell& cell) {
  GrowthCell blank;
  blank.competency_code = std::move(cell.competency_code);
  blank.suppressed = true;
  cell = std::move(blank);
}

}  // namespace

TeamHeatmap team_heatmap(std::span<const PersonResult> results) {
  TeamHeatmap heatmap;
  for (const auto& person : results) {
    for (const auto& result : person.competencies) remember(heatmap.competencies, result.competency_code);
  }
  for (const auto& person : results) {
    heatmap.people.push_back(person.personnel_number);
    std::vector<std::optional<TeamCell>> row(heatmap.competencies.size());
    for (const auto& result : person.competencies) {
      row[column_of(heatmap.competencies, result.competency_code)] =
          TeamCell{result.state, result.required, result.critical, result.combined, result.gap, result.spread_flagged};
    }
    heatmap.cells.push_back(std::move(row));
  }
  return heatmap;
}

OrganisationHeatmap organisation_heatmap(std::span<const UnitGroup> units) {
  OrganisationHeatmap heatmap;
  for (const auto& unit : units) {
    for (const PersonResult* person : unit.people) {
      for (const auto& result : person->competencies) remember(heatmap.competencies, result.competency_code);
    }
  }
  for (const auto& unit : units) {
    heatmap.units.push_back(unit.unit_code);
    struct Tally {
      std::size_t scored = 0, not_assessed = 0, meeting = 0;
      double gap_sum = 0;
    };
    std::vector<Tally> tallies(heatmap.competencies.size());
    for (const PersonResult* person : unit.people) {
      for (const auto& result : person->competencies) {
        Tally& tally = tallies[column_of(heatmap.competencies, result.competency_code)];
        if (result.state == CompetencyState::NotAssessed) {
          ++tally.not_assessed;
          continue;
        }
        ++tally.scored;
        tally.gap_sum += result.gap.value_or(0.0);
        if (meets(result)) ++tally.meeting;
      }
    }
    std::vector<UnitCell> row;
    for (const auto& tally : tallies) {
      UnitCell cell;
      if (tally.scored + tally.not_assessed > 0) {
        cell.people = tally.scored;
        cell.not_assessed = tally.not_assessed;
      }
      if (tally.scored > 0) {
        cell.average_gap = mean(tally.gap_sum, tally.scored);
        cell.share_meeting = mean(static_cast<double>(tally.meeting), tally.scored);
      }
      row.push_back(cell);
    }
    heatmap.cells.push_back(std::move(row));
  }
  return heatmap;
}

std::vector<CoverageRow> coverage(std::span<const PersonResult> team) {
  std::vector<std::string> order;
  std::map<std::string, CoverageRow> rows;
  for (const auto& person : team) {
    for (const auto& result : person.competencies) {
      if (!result.critical) continue;
      remember(order, result.competency_code);
      CoverageRow& row = rows[result.competency_code];
      row.competency_code = result.competency_code;
      row.people = row.people.value_or(0) + 1;
      row.meeting = row.meeting.value_or(0) + (meets(result) ? 1 : 0);
      row.not_assessed = row.not_assessed.value_or(0) + (result.state == CompetencyState::NotAssessed ? 1 : 0);
    }
  }
  std::vector<CoverageRow> out;
  for (const auto& code : order) {
    CoverageRow row = rows[code];
    row.share_meeting = mean(static_cast<double>(*row.meeting), *row.people);
    out.push_back(std::move(row));
  }
  return out;
}

GrowthReport growth(std::span<const PersonResult> before, std::span<const PersonResult> after) {
  // (personnel number, competency) -> earlier combined score. A person assessed against two profiles in
  // one round has the same combined score in both, so the first one found stands for them.
  std::map<std::pair<std::string, std::string>, double> earlier;
  for (const auto& person : before) {
    for (const auto& result : person.competencies) {
      if (result.combined) earlier.emplace(std::make_pair(person.personnel_number, result.competency_code), *result.combined);
    }
  }
  GrowthReport report;
  std::vector<std::string> order;
  std::set<std::pair<std::string, std::string>> counted;
  for (const auto& person : after) {
    for (const auto& result : person.competencies) {
      const auto key = std::make_pair(person.personnel_number, result.competency_code);
      const auto found = earlier.find(key);
      if (!result.combined || found == earlier.end() || !counted.insert(key).second) continue;
      remember(order, result.competency_code);
      report.people.push_back(PersonGrowth{person.personnel_number, result.competency_code, found->second, *result.combined});
    }
  }
  for (const auto& code : order) {
    std::size_t people = 0, improved = 0;
    double sum_before = 0, sum_after = 0;
    for (const auto& change : report.people) {
      if (change.competency_code != code) continue;
      ++people;
      sum_before += change.before;
      sum_after += change.after;
      if (change.change() > 0) ++improved;
    }
    report.competencies.push_back(GrowthCell{code, people, mean(sum_before, people), mean(sum_after, people),
                                             mean(sum_after - sum_before, people), improved, false});
  }
  return report;
}

OrganisationHeatmap for_works_council(OrganisationHeatmap heatmap, std::size_t min_people) {
  for (auto& row : heatmap.cells) {
    for (auto& cell : row) {
      const bool empty = !cell.people;
      if (!empty && *cell.people < min_people) blank_out(cell);
    }
  }
  return heatmap;
}

std::vector<CoverageRow> for_works_council(std::vector<CoverageRow> rows, std::size_t min_people) {
  for (auto& row : rows) {
    if (row.people.value_or(0) < min_people) blank_out(row);
  }
  return rows;
}

GrowthReport for_works_council(GrowthReport report, std::size_t min_people) {
  report.people.clear();
  for (auto& cell : report.competencies) {
    if (cell.people.value_or(0) < min_people) blank_out(cell);
  }
  return report;
}

}  // namespace kwm::competence
