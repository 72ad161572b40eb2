#include "org/formation.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/error.hpp"

namespace kwm::org {
namespace {

// Budget and staff of one function level within one unit: what the fill rule compares.
struct LevelTotals {
  std::int64_t budget_milli = 0;
  std::int64_t staff_milli = 0;
};

struct UnitAccumulator {
  Formation formation;
  std::map<std::int64_t, LevelTotals> levels;

  void add(const PositionLine& line) {
    formation.budgeted += line.fte;
    if (line.kind == PositionKind::Temporary) formation.temporary += line.fte;
    levels[line.function_id].budget_milli += line.fte.milli();
  }
  void add(const StaffLine& line) {
    formation.people += line.count;
    formation.staff += line.fte;
    if (is_external(line.engagement)) {
      formation.externals += line.count;
      formation.external += line.fte;
    }
    if (line.function_id) levels[*line.function_id].staff_milli += line.fte.milli();
  }
  Formation finish() const {
    Formation result = formation;
    std::int64_t filled = 0;
    for (const auto& [function_id, totals] : levels) filled += std::min(totals.budget_milli, totals.staff_milli);
    result.filled = Fte::from_milli(filled);
    result.vacant = result.budgeted - result.filled;
    return result;
  }
};

std::unordered_map<std::int64_t, std::vector<std::int64_t>> children_of(std::span<const UnitNode> units) {
  std::unordered_set<std::int64_t> known;
  for (const UnitNode& unit : units) known.insert(unit.id);
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> children;
  for (const UnitNode& unit : units) {
    if (unit.parent_id && known.contains(*unit.parent_id)) children[*unit.parent_id].push_back(unit.id);
  }
  return children;
}

double ratio(Fte part, Fte whole) { return whole.milli() <= 0 ? 0.0 : static_cast<double>(part.milli()) / static_cast<double>(whole.milli()); }

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

// "casemanager" is casework, "teammanager" is not: words are matched whole or by these endings.
bool is_coordinating_word(std::string_view word) {
  constexpr std::array<std::string_view, 6> kEndings{"coordinator", "co\xc3\xb6rdinator", "leider", "leidinggevende",
                                                     "teammanager", "kwartiermaker"};
  if (word == "manager") return true;
  return std::any_of(kEndings.begin(), kEndings.end(), [&](std::string_view ending) { return word.ends_with(ending); });
}

bool has_coordinating_word(std::string_view text) {
  const std::string lower = ascii_lower(text);
  std::size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() && !is_word_byte(lower[i])) ++i;
    std::size_t end = i;
    while (end < lower.size() && is_word_byte(lower[end])) ++end;
    if (end > i && is_coordinating_word(std::string_view(lower).substr(i, end - i))) return true;
    i = end;
  }
  return false;
}

std::string count_of(std::int64_t count, std::string_view singular, std::string_view plural) {
  return fmt::format("{} {}", count, count == 1 ? singular : plural);
}

std::string externals_clause(const TeamComposition& team) {
  if (team.externals == 0) return "er werken (nog) geen externe krachten in het team";
  return count_of(team.externals, "externe kracht", "externe krachten") + " (gedetacheerd of ingehuurd)";
}

}  // namespace

double Formation::external_share() const { return ratio(external, staff); }
double Formation::temporary_share() const { return ratio(temporary, budgeted); }

Formation& Formation::operator+=(const Formation& other) {
  budgeted += other.budgeted;
  filled += other.filled;
  vacant += other.vacant;
  external += other.external;
  temporary += other.temporary;
  staff += other.staff;
  people += other.people;
  externals += other.externals;
  return *this;
}

Formation unit_formation(std::int64_t unit_id, std::span<const PositionLine> positions, std::span<const StaffLine> staff) {
  UnitAccumulator accumulator;
  for (const PositionLine& line : positions)
    if (line.unit_id == unit_id) accumulator.add(line);
  for (const StaffLine& line : staff)
    if (line.unit_id == unit_id) accumulator.add(line);
  return accumulator.finish();
}

FormationTree roll_up(std::span<const UnitNode> units, std::span<const PositionLine> positions,
                      std::span<const StaffLine> staff) {
  std::unordered_map<std::int64_t, UnitAccumulator> accumulators;
  accumulators.reserve(units.size());
  for (const UnitNode& unit : units) accumulators[unit.id];
  for (const PositionLine& line : positions)
    if (auto it = accumulators.find(line.unit_id); it != accumulators.end()) it->second.add(line);
  for (const StaffLine& line : staff)
    if (auto it = accumulators.find(line.unit_id); it != accumulators.end()) it->second.add(line);

  FormationTree tree;
  tree.reserve(units.size());
  for (const auto& [id, accumulator] : accumulators) {
    const Formation own = accumulator.finish();
    tree[id] = UnitFigures{own, own};
  }

  // Breadth-first from the roots gives every parent before its children; adding up in reverse then
  // finishes each subtree before its parent reads it.
  const auto children = children_of(units);
  std::vector<std::int64_t> order;
  order.reserve(units.size());
  for (const UnitNode& unit : units)
    if (!unit.parent_id || !accumulators.contains(*unit.parent_id)) order.push_back(unit.id);
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (auto it = children.find(order[i]); it != children.end()) order.insert(order.end(), it->second.begin(), it->second.end());
  }
  if (order.size() != units.size()) {
    fail(ErrorKind::internal, "unit_cycle", "De eenheden vormen een kring: een eenheid valt (indirect) onder zichzelf");
  }
  std::unordered_map<std::int64_t, std::int64_t> parent_of;
  for (const UnitNode& unit : units)
    if (unit.parent_id) parent_of[unit.id] = *unit.parent_id;
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const auto parent = parent_of.find(*it);
    if (parent == parent_of.end()) continue;
    if (auto target = tree.find(parent->second); target != tree.end()) target->second.total += tree[*it].total;
  }
  return tree;
}

std::vector<std::int64_t> subtree(std::span<const UnitNode> units, std::int64_t root) {
  const bool present = std::any_of(units.begin(), units.end(), [&](const UnitNode& unit) { return unit.id == root; });
  if (!present) return {};
  const auto children = children_of(units);
  std::vector<std::int64_t> ids{root};
  std::unordered_set<std::int64_t> seen{root};
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto it = children.find(ids[i]);
    if (it == children.end()) continue;
    for (std::int64_t child : it->second)
      if (seen.insert(child).second) ids.push_back(child);
  }
  return ids;
}

bool would_create_cycle(std::span<const UnitNode> units, std::int64_t unit_id, std::optional<std::int64_t> new_parent) {
  std::unordered_map<std::int64_t, std::optional<std::int64_t>> parent_of;
  for (const UnitNode& unit : units) parent_of[unit.id] = unit.parent_id;
  std::optional<std::int64_t> current = new_parent;
  for (std::size_t steps = 0; current && steps <= units.size(); ++steps) {
    if (*current == unit_id) return true;
    const auto it = parent_of.find(*current);
    if (it == parent_of.end()) return false;
    current = it->second;
  }
  return current.has_value();  // still climbing after visiting every unit: an existing cycle
}

bool is_coordinating_function(std::string_view function_code, std::string_view function_name) {
  return has_coordinating_word(function_code) || has_coordinating_word(function_name);
}

void count_member(TeamComposition& team, Engagement engagement, std::string_view function_code,
                  std::string_view function_name, std::int64_t count) {
  if (is_external(engagement)) {
    team.externals += count;
  } else if (is_coordinating_function(function_code, function_name)) {
    team.municipal_coordinators += count;
  } else {
    team.municipal_consultants += count;
  }
}

TeamTypeResult derive_team_type(const Unit& unit, const TeamComposition& team) {
  if (!is_directed_team(unit.kind)) {
    return {std::nullopt, "Alleen wijkteams en jeugdteams hebben een teamtype"};
  }
  if (!unit.direction) {
    return {std::nullopt, "Het teamtype is niet te bepalen: de regierol van dit team is niet vastgelegd"};
  }
  const bool contractor = *unit.direction == Direction::Contractor;
  const bool municipal = team.municipal_consultants > 0;
  const int type = contractor ? (municipal ? 2 : 1) : (municipal ? 4 : 3);
  const std::string director =
      contractor ? (unit.contractor.empty() ? std::string("een hoofdaannemer") : "hoofdaannemer " + unit.contractor)
                 : std::string("de gemeente");
  std::string reason = fmt::format("Teamtype {}: de regie ligt bij {}", type, director);
  if (municipal) {
    reason += fmt::format(" en er werken {} in het team; daarnaast {}",
                          count_of(team.municipal_consultants, "gemeentelijke consulent", "gemeentelijke consulenten"),
                          externals_clause(team));
  } else {
    reason += fmt::format(" en er werken geen gemeentelijke consulenten in het team; {}", externals_clause(team));
    if (team.municipal_coordinators > 0) {
      reason += fmt::format(" (de {} in dienst van de gemeente {} als leiding, niet als consulent)",
                            count_of(team.municipal_coordinators, "coördinator", "coördinatoren"),
                            team.municipal_coordinators == 1 ? "telt" : "tellen");
    }
  }
  reason += ".";
  return {type, std::move(reason)};
}

std::vector<Position> expiring_positions(std::span<const Position> positions, Date today, int months) {
  const Date horizon = today.plus_months(months);
  std::vector<Position> expiring;
  for (const Position& position : positions) {
    if (position.kind == PositionKind::Temporary && position.end_date && *position.end_date <= horizon) {
      expiring.push_back(position);
    }
  }
  std::stable_sort(expiring.begin(), expiring.end(), [](const Position& a, const Position& b) { return *a.end_date < *b.end_date; });
  return expiring;
}

std::vector<Person> expiring_contracts(std::span<const Person> people, Date today, int months) {
  const Date horizon = today.plus_months(months);
  std::vector<Person> expiring;
  for (const Person& person : people) {
    if (person.contract == Contract::Temporary && person.contract_end && *person.contract_end <= horizon) {
      expiring.push_back(person);
    }
  }
  std::stable_sort(expiring.begin(), expiring.end(),
                   [](const Person& a, const Person& b) { return *a.contract_end < *b.contract_end; });
  return expiring;
}

}  // namespace kwm::org
