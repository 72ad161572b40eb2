#include "placement/procedure/figures.hpp"

#include <map>

namespace kwm::placement::procedure {
namespace {

struct Key {
  std::string key;
  std::string label;
};

Key key_of(const RunPerson& person, GroupDimension dimension) {
  switch (dimension) {
    case GroupDimension::Unit: return {person.unit_code, person.unit_name};
    case GroupDimension::Hours:
      return person.fte.milli() < 1000 ? Key{"part_time", "Deeltijd (minder dan 1 fte)"} : Key{"full_time", "Voltijd (1 fte of meer)"};
    case GroupDimension::Contract:
      return person.contract == org::Contract::Permanent ? Key{"permanent", "Vast contract"} : Key{"temporary", "Tijdelijk contract"};
    case GroupDimension::Education:
      if (!person.education) return {"unknown", "Opleidingsniveau niet vastgelegd"};
      return {std::string(org::to_string(*person.education)), std::string(org::to_string(*person.education))};
  }
  return {};
}

}  // namespace

double Figures::share_on_preference(std::size_t rank_index) const {
  if (employees == 0 || rank_index >= on_preference.size()) return 0.0;
  return static_cast<double>(on_preference[rank_index]) / static_cast<double>(employees);
}

Figures figures_of(std::span<const RunPerson> people, int max_preferences, std::int64_t open_slots) {
  Figures figures;
  figures.on_preference.assign(static_cast<std::size_t>(std::max(0, max_preferences)), 0);
  figures.open_slots = open_slots;
  std::int64_t suitability_total = 0, suitability_count = 0;
  for (const RunPerson& person : people) {
    ++figures.employees;
    if (!person.placed) {
      ++figures.surplus;
      continue;
    }
    ++figures.placed;
    if (person.preference_rank && *person.preference_rank >= 1 && *person.preference_rank <= max_preferences) {
      ++figures.on_preference[static_cast<std::size_t>(*person.preference_rank - 1)];
    }
    if (person.suitability_centi) {
      suitability_total += *person.suitability_centi;
      ++suitability_count;
    }
  }
  if (suitability_count > 0) {
    figures.average_suitability = static_cast<double>(suitability_total) / static_cast<double>(suitability_count) / 100.0;
  }
  return figures;
}

std::string_view to_string(GroupDimension dimension) {
  switch (dimension) {
    case GroupDimension::Unit: return "unit";
    case GroupDimension::Hours: return "hours";
    case GroupDimension::Contract: return "contract";
    case GroupDimension::Education: return "education";
  }
  return "unit";
}

Summary summarise(std::span<const RunPerson> people, int max_preferences, std::int64_t open_slots, std::int64_t min_group) {
  Summary summary;
  summary.figures = figures_of(people, max_preferences, open_slots);
  for (GroupDimension dimension : {GroupDimension::Unit, GroupDimension::Hours, GroupDimension::Contract, GroupDimension::Education}) {
    std::map<std::string, std::pair<std::string, std::vector<RunPerson>>> members;
    for (const RunPerson& person : people) {
      Key key = key_of(person, dimension);
      auto& entry = members[key.key];
      entry.first = std::move(key.label);
      entry.second.push_back(person);
    }
    GroupSet set{dimension, {}};
    for (auto& [key, entry] : members) {
      Group group{key, entry.first, false, {}};
      if (static_cast<std::int64_t>(entry.second.size()) < min_group) {
        group.suppressed = true;
      } else {
        group.figures = figures_of(entry.second, max_preferences, 0);
      }
      set.groups.push_back(std::move(group));
    }
    summary.groups.push_back(std::move(set));
  }
  return summary;
}

}  // namespace kwm::placement::procedure
