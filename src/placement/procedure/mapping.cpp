#include "placement/procedure/mapping.hpp"

#include <fmt/format.h>

namespace kwm::placement::procedure {
namespace {

bool has_requirements(const std::optional<competence::FunctionProfile>& profile) {
  return profile && !profile->requirements().empty();
}

std::string label(const FunctionLevel& function) { return fmt::format("{} ({})", function.name, function.level); }

MappingPair without_profiles(const FunctionLevel& old_function, const FunctionLevel& new_function) {
  MappingPair pair{old_function.function_id, new_function.function_id, FunctionMatch::None, std::nullopt, {}, FunctionMatch::None};
  const std::string missing =
      !has_requirements(old_function.profile) && !has_requirements(new_function.profile)
          ? "Geen van beide functies heeft een functieprofiel, dus de competenties zijn niet vergeleken."
          : fmt::format("{} heeft geen functieprofiel, dus de competenties zijn niet vergeleken.",
                        label(has_requirements(old_function.profile) ? new_function : old_function));
  if (old_function.function_id != new_function.function_id) {
    pair.reasons = {missing, "Zonder profielvergelijking wordt alleen dezelfde functie voorgesteld; HR kan de koppeling aanpassen."};
    return pair;
  }
  switch (new_function.status) {
    case org::FunctionStatus::Unchanged:
      pair.proposed = FunctionMatch::Exchangeable;
      pair.reasons = {"Dezelfde functie, en die blijft ongewijzigd bestaan.", missing};
      break;
    case org::FunctionStatus::Changed:
      pair.proposed = FunctionMatch::Equivalent;
      pair.reasons = {"Dezelfde functie, maar licht gewijzigd: gelijkwaardig, niet uitwisselbaar.", missing};
      break;
    case org::FunctionStatus::New:
      pair.reasons = {"De functie staat als nieuw geregistreerd; een bestaande bezetting volgt daar niet vanzelf uit.", missing};
      break;
  }
  pair.match = pair.proposed;
  return pair;
}

}  // namespace

std::optional<FunctionMatch> function_match_from_string(std::string_view text) {
  for (FunctionMatch match : {FunctionMatch::Exchangeable, FunctionMatch::Equivalent, FunctionMatch::Suitable, FunctionMatch::None}) {
    if (competence::to_string(match) == text) return match;
  }
  return std::nullopt;
}

std::vector<MappingPair> propose_mapping(std::span<const FunctionLevel> old_functions, std::span<const FunctionLevel> new_functions,
                                         const competence::MatchThresholds& thresholds) {
  std::vector<MappingPair> pairs;
  pairs.reserve(old_functions.size() * new_functions.size());
  for (const FunctionLevel& old_function : old_functions) {
    for (const FunctionLevel& new_function : new_functions) {
      if (!has_requirements(old_function.profile) || !has_requirements(new_function.profile)) {
        pairs.push_back(without_profiles(old_function, new_function));
        continue;
      }
      competence::MatchProposal proposal = competence::classify_match(*old_function.profile, *new_function.profile, thresholds);
      pairs.push_back(MappingPair{old_function.function_id, new_function.function_id, proposal.match, proposal.comparison.overlap,
                                  std::move(proposal.reasons), proposal.match});
    }
  }
  return pairs;
}

FunctionMapping::FunctionMapping(std::span<const MappingPair> pairs) {
  for (const MappingPair& pair : pairs) matches_[{pair.old_function_id, pair.new_function_id}] = pair.match;
}

FunctionMatch FunctionMapping::match(std::optional<std::int64_t> old_function_id, std::int64_t new_function_id) const {
  if (!old_function_id) return FunctionMatch::None;
  const auto it = matches_.find({*old_function_id, new_function_id});
  return it == matches_.end() ? FunctionMatch::None : it->second;
}

bool FunctionMapping::continues(std::int64_t new_function_id) const {
  for (const auto& [key, match] : matches_) {
    if (key.second == new_function_id && (match == FunctionMatch::Exchangeable || match == FunctionMatch::Equivalent)) return true;
  }
  return false;
}

}  // namespace kwm::placement::procedure
