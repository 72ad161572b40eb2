#include "competence/profile.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <set>

#include "competence/text.hpp"

namespace kwm::competence {
namespace {

// Required levels are read from CSV and JSON as decimals; two levels this close are the same level.
constexpr double level_epsilon = 1e-9;

Error problem(std::string field, std::string code, std::string message) {
  return Error{ErrorKind::invalid, std::move(code), std::move(message), std::move(field), {}};
}

struct Resolved {
  const Framework* framework = nullptr;
  const Competency* competency = nullptr;
  std::size_t matches = 0;
};

Resolved resolve(std::string_view code, std::span<const Framework> frameworks) {
  Resolved found;
  for (const auto& framework : frameworks) {
    if (const Competency* competency = framework.find(code)) {
      if (found.matches == 0) found = Resolved{&framework, competency, 0};
      ++found.matches;
    }
  }
  return found;
}

void check_requirements(const std::vector<Requirement>& requirements, std::string_view list_name, bool knowledge_list,
                        std::span<const Framework> frameworks, std::set<std::string>& seen, std::vector<Error>& problems) {
  for (std::size_t i = 0; i < requirements.size(); ++i) {
    const Requirement& requirement = requirements[i];
    const std::string at = fmt::format("{}[{}]", list_name, i);
    const std::string code = text::quoted(requirement.competency_code);
    if (!seen.insert(requirement.competency_code).second) {
      problems.push_back(problem(at + ".competency_code", "duplicate_code",
                                 fmt::format("{} staat meer dan eens in dit functieprofiel.", code)));
      continue;
    }
    const Resolved found = resolve(requirement.competency_code, frameworks);
    if (found.matches == 0) {
      problems.push_back(problem(at + ".competency_code", "unknown_competency",
                                 fmt::format("{} komt in geen van de gekozen competentiekaders voor.", code)));
      continue;
    }
    if (found.matches > 1) {
      problems.push_back(problem(at + ".competency_code", "ambiguous_competency",
                                 fmt::format("{} komt in meer dan één gekozen competentiekader voor; kies één kader.", code)));
      continue;
    }
    const bool is_knowledge = found.competency->kind == CompetencyKind::Knowledge;
    if (is_knowledge != knowledge_list) {
      problems.push_back(problem(at + ".competency_code", "wrong_list",
                                 is_knowledge ? fmt::format("{} is een kennisgebied; zet het bij de kennisgebieden.", code)
                                              : fmt::format("{} is geen kennisgebied; zet het bij de competenties.", code)));
    }
    const Scale& scale = found.framework->scale;
    if (!std::isfinite(requirement.required) || !scale.contains(requirement.required)) {
      problems.push_back(problem(at + ".required", "required_outside_scale",
                                 fmt::format("Het vereiste niveau {} voor {} ligt buiten de schaal van {} tot {}.",
                                             text::dutch_number(requirement.required), code, scale.min, scale.max)));
    }
  }
}

double level_or_zero(const std::optional<Requirement>& requirement) { return requirement ? requirement->required : 0.0; }

int education_rank(std::optional<EducationLevel> level) { return level ? static_cast<int>(*level) + 1 : 0; }

std::string education_text(std::optional<EducationLevel> level) {
  return level ? std::string(to_string(*level)) : std::string("geen eis");
}

bool same_requirement(const Requirement& a, const Requirement& b) {
  return std::abs(a.required - b.required) < level_epsilon && a.critical == b.critical;
}

// Critical requirements of the new profile that the old one did not ask at least as high.
std::vector<std::string> uncovered_critical(const FunctionProfile& old_profile, const FunctionProfile& new_profile) {
  std::vector<std::string> reasons;
  for (const auto& requirement : new_profile.requirements()) {
    if (!requirement.critical) continue;
    const Requirement* old_requirement = old_profile.find(requirement.competency_code);
    const std::string code = text::quoted(requirement.competency_code);
    if (!old_requirement) {
      reasons.push_back(fmt::format("Kritieke competentie {} wordt in de oude functie niet gevraagd.", code));
    } else if (old_requirement->required + level_epsilon < requirement.required) {
      reasons.push_back(fmt::format("Kritieke competentie {} wordt op niveau {} gevraagd, in de oude functie op {}.", code,
                                    text::dutch_number(requirement.required), text::dutch_number(old_requirement->required)));
    }
  }
  return reasons;
}

}  // namespace

std::string_view to_string(EducationLevel level) { return spell(level); }

std::optional<EducationLevel> education_level_from_string(std::string_view text) { return parse_spelling<EducationLevel>(text); }

std::vector<Requirement> FunctionProfile::requirements() const {
  std::vector<Requirement> all = competencies;
  all.insert(all.end(), knowledge_areas.begin(), knowledge_areas.end());
  return all;
}

const Requirement* FunctionProfile::find(std::string_view competency_code) const {
  for (const auto* list : {&competencies, &knowledge_areas}) {
    for (const auto& requirement : *list) {
      if (requirement.competency_code == competency_code) return &requirement;
    }
  }
  return nullptr;
}

std::vector<Error> profile_problems(const FunctionProfile& profile, std::span<const Framework> frameworks) {
  std::vector<Error> problems;
  if (profile.function_code.empty()) {
    problems.push_back(problem("function_code", "missing_field", "Een functieprofiel hoort bij een functie; de functiecode ontbreekt."));
  }
  if (profile.level.empty()) {
    problems.push_back(problem("level", "missing_field", "Een functieprofiel hoort bij een functieniveau; het niveau ontbreekt."));
  }
  if (profile.competencies.empty() && profile.knowledge_areas.empty()) {
    problems.push_back(problem("competencies", "no_requirements", "Een functieprofiel vraagt minstens één competentie of kennisgebied."));
  }
  std::set<std::string> seen;
  check_requirements(profile.competencies, "competencies", false, frameworks, seen, problems);
  check_requirements(profile.knowledge_areas, "knowledge_areas", true, frameworks, seen, problems);
  return problems;
}

void validate(const FunctionProfile& profile, std::span<const Framework> frameworks) {
  auto problems = profile_problems(profile, frameworks);
  if (!problems.empty()) throw Failure(std::move(problems.front()));
}

ProfileComparison compare_profiles(const FunctionProfile& from, const FunctionProfile& to) {
  ProfileComparison comparison;
  comparison.from_education = from.education;
  comparison.to_education = to.education;
  double sum_min = 0, sum_max = 0;
  const auto account = [&](const std::string& code, std::optional<Requirement> a, std::optional<Requirement> b) {
    sum_min += std::min(level_or_zero(a), level_or_zero(b));
    sum_max += std::max(level_or_zero(a), level_or_zero(b));
    if (a && b) ++comparison.shared;
    if (a && b && same_requirement(*a, *b)) return;
    comparison.differences.push_back(RequirementDifference{code, std::move(a), std::move(b)});
  };
  for (const auto& requirement : from.requirements()) {
    const Requirement* counterpart = to.find(requirement.competency_code);
    account(requirement.competency_code, requirement, counterpart ? std::optional<Requirement>(*counterpart) : std::nullopt);
  }
  for (const auto& requirement : to.requirements()) {
    if (!from.find(requirement.competency_code)) account(requirement.competency_code, std::nullopt, requirement);
  }
  comparison.overlap = sum_max > 0 ? sum_min / sum_max : 1.0;
  return comparison;
}

std::string_view to_string(FunctionMatch match) { return spell(match); }

MatchProposal classify_match(const FunctionProfile& old_profile, const FunctionProfile& new_profile,
                             const MatchThresholds& thresholds) {
  MatchProposal proposal;
  proposal.comparison = compare_profiles(old_profile, new_profile);
  const double overlap = proposal.comparison.overlap;
  const bool same_education = old_profile.education == new_profile.education;
  const bool higher_education = education_rank(new_profile.education) > education_rank(old_profile.education);
  const auto uncovered = uncovered_critical(old_profile, new_profile);
  const auto at_least = [&](double threshold) { return overlap + level_epsilon >= threshold; };

  if (at_least(thresholds.exchangeable) && same_education && uncovered.empty()) {
    proposal.match = FunctionMatch::Exchangeable;
  } else if (at_least(thresholds.equivalent) && same_education) {
    proposal.match = FunctionMatch::Equivalent;
  } else if (at_least(thresholds.suitable) && !higher_education) {
    proposal.match = FunctionMatch::Suitable;
  } else {
    proposal.match = FunctionMatch::None;
  }

  auto& reasons = proposal.reasons;
  reasons.push_back(fmt::format("Overlap {} (drempels: uitwisselbaar {}, gelijkwaardig {}, passend {}).", text::dutch_percentage(overlap),
                                text::dutch_percentage(thresholds.exchangeable), text::dutch_percentage(thresholds.equivalent),
                                text::dutch_percentage(thresholds.suitable)));
  if (same_education) {
    reasons.push_back(fmt::format("Zelfde opleidingsniveau ({}).", education_text(new_profile.education)));
  } else {
    reasons.push_back(fmt::format("Ander opleidingsniveau: de nieuwe functie vraagt {}, de oude {}.", education_text(new_profile.education),
                                  education_text(old_profile.education)));
  }
  reasons.insert(reasons.end(), uncovered.begin(), uncovered.end());
  return proposal;
}

std::vector<CareerStep> career_path(std::span<const FunctionProfile> levels) {
  std::vector<CareerStep> steps;
  for (std::size_t i = 1; i < levels.size(); ++i) {
    const FunctionProfile& lower = levels[i - 1];
    const FunctionProfile& higher = levels[i];
    if (lower.function_code != higher.function_code) {
      fail_invalid("function_code",
                   fmt::format("Een loopbaanpad gaat over één functie; {} en {} zijn verschillende functies.",
                               text::quoted(lower.function_code), text::quoted(higher.function_code)),
                   "mixed_functions");
    }
    CareerStep step;
    step.from_level = lower.level;
    step.to_level = higher.level;
    step.from_education = lower.education;
    step.to_education = higher.education;
    for (auto& difference : compare_profiles(lower, higher).differences) {
      if (difference.added()) {
        step.added.push_back(difference);
        continue;
      }
      if (difference.removed()) {
        step.removed.push_back(difference);
        continue;
      }
      if (difference.level_change() > level_epsilon) step.raised.push_back(difference);
      if (difference.level_change() < -level_epsilon) step.lowered.push_back(difference);
      if (difference.criticality_changed()) {
        (difference.to->critical ? step.became_critical : step.no_longer_critical).push_back(difference);
      }
    }
    steps.push_back(std::move(step));
  }
  return steps;
}

}  // namespace kwm::competence
