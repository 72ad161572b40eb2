#pragma once
// Function profiles (functieprofielen): per function level, what it asks on which competencies and
// knowledge areas, and at what education level. Comparing two profiles drives the proposals of which
// old functions are exchangeable with which new ones, and the career path view between levels.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/spelling.hpp"
#include "competence/framework.hpp"

namespace kwm::competence {

// The same spelling as the organisation model uses for functions: "mbo", "hbo", "wo" (in this order).
enum class EducationLevel { Mbo, Hbo, Wo };
std::string_view to_string(EducationLevel level);
std::optional<EducationLevel> education_level_from_string(std::string_view text);

struct Requirement {
  std::string competency_code;
  double required = 0;    // the level on the framework's scale
  bool critical = false;  // a gap here can never be made up by strengths elsewhere
};

struct FunctionProfile {
  std::string function_code;
  std::string level;                        // casemanager, senior, expert, ...
  std::optional<EducationLevel> education;  // empty: no education requirement
  std::vector<Requirement> competencies;
  std::vector<Requirement> knowledge_areas;

  // Competencies first, then knowledge areas: everything a person is scored on for this profile.
  std::vector<Requirement> requirements() const;
  const Requirement* find(std::string_view competency_code) const;
};

// Checks a profile against the frameworks its requirements come from: every code known in exactly one
// of them, of the right kind (knowledge areas among knowledge_areas, the rest among competencies), a
// required level on that framework's scale, no code twice. Paths like "knowledge_areas[1].required".
std::vector<Error> profile_problems(const FunctionProfile& profile, std::span<const Framework> frameworks);
void validate(const FunctionProfile& profile, std::span<const Framework> frameworks);

// One requirement that is not the same in two profiles; `from` or `to` is empty when only one has it.
struct RequirementDifference {
  std::string competency_code;
  std::optional<Requirement> from;
  std::optional<Requirement> to;

  bool added() const { return !from; }
  bool removed() const { return !to; }
  // to.required − from.required, 0 when either side is missing.
  double level_change() const { return from && to ? to->required - from->required : 0.0; }
  bool criticality_changed() const { return from && to && from->critical != to->critical; }
};

struct ProfileComparison {
  // Weighted Jaccard over required levels: Σ min(a, b) / Σ max(a, b) over the union of codes, a missing
  // requirement counting as 0. 1 for identical profiles, 0 when nothing is shared (docs/scoring.md).
  double overlap = 0;
  std::size_t shared = 0;  // codes in both profiles
  std::vector<RequirementDifference> differences;  // `from` order first, then codes only in `to`
  std::optional<EducationLevel> from_education;
  std::optional<EducationLevel> to_education;
};

ProfileComparison compare_profiles(const FunctionProfile& from, const FunctionProfile& to);

// Placement vocabulary of a sociaal statuut, in decreasing similarity.
enum class FunctionMatch { Exchangeable, Equivalent, Suitable, None };
std::string_view to_string(FunctionMatch match);  // "exchangeable", "equivalent", "suitable", "none"

struct MatchThresholds {
  double exchangeable = 0.90;
  double equivalent = 0.70;
  double suitable = 0.50;
};

struct MatchProposal {
  FunctionMatch match = FunctionMatch::None;
  ProfileComparison comparison;
  std::vector<std::string> reasons;  // Dutch, one sentence each, the deciding ones first
};

// Proposes how an old function relates to a new one (rules in docs/scoring.md): a proposal with its
// reasons for a person to weigh, never a decision.
MatchProposal classify_match(const FunctionProfile& old_profile, const FunctionProfile& new_profile,
                             const MatchThresholds& thresholds = {});

// What changes from one level of a function to the next.
struct CareerStep {
  std::string from_level;
  std::string to_level;
  std::vector<RequirementDifference> added;     // asked only at the higher level
  std::vector<RequirementDifference> raised;    // asked higher
  std::vector<RequirementDifference> lowered;   // asked lower
  std::vector<RequirementDifference> removed;   // no longer asked
  std::vector<RequirementDifference> became_critical;
  std::vector<RequirementDifference> no_longer_critical;
  std::optional<EducationLevel> from_education;
  std::optional<EducationLevel> to_education;
};

// Steps between consecutive levels, in the order given (e.g. casemanager, senior, expert). Throws Failure
// "mixed_functions" when the profiles belong to different functions.
std::vector<CareerStep> career_path(std::span<const FunctionProfile> levels);

}  // namespace kwm::competence

namespace kwm {
template <>
struct Spelling<competence::EducationLevel> {
  static constexpr SpellingTable<competence::EducationLevel, 3> names{
      {{competence::EducationLevel::Mbo, "mbo"}, {competence::EducationLevel::Hbo, "hbo"}, {competence::EducationLevel::Wo, "wo"}}};
};
template <>
struct Spelling<competence::FunctionMatch> {
  static constexpr SpellingTable<competence::FunctionMatch, 4> names{{{competence::FunctionMatch::Exchangeable, "exchangeable"},
                                                                      {competence::FunctionMatch::Equivalent, "equivalent"},
                                                                      {competence::FunctionMatch::Suitable, "suitable"},
                                                                      {competence::FunctionMatch::None, "none"}}};
};
}  // namespace kwm
