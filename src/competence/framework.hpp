#pragma once
// Competency frameworks (competentiekaders): a versioned list of competencies and knowledge areas, each
// described by behavioural indicators that assessors rate on the framework's scale. Plain structs and
// pure rules, so that the same checks guard the JSON import, the framework editor and the tests.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/spelling.hpp"

namespace kwm::competence {

// What a framework entry describes. Knowledge areas (Wmo 2015, autism, the local sociale kaart) sit beside
// competencies and are rated the same way.
enum class CompetencyKind { Technical, SocialNormative, Knowledge };

// The study's three kinds of qualification. Only the first two can be assessed; ascriptive traits (age,
// sex, origin) say who someone is, not what they can do, and are refused wherever they appear.
enum class QualificationKind { TechnicalInstrumental, SocialNormative, Ascriptive };

// "technical", "social_normative", "knowledge": the spelling of the JSON format and the API.
std::string_view to_string(CompetencyKind kind);
std::optional<CompetencyKind> competency_kind_from_string(std::string_view text);
QualificationKind qualification_of(CompetencyKind kind);

struct Scale {
  int min = 1;
  int max = 5;
  std::map<int, std::string> anchors;  // point -> what that point means, in Dutch

  bool contains(double score) const { return score >= min && score <= max; }
};

// The default 1–5 scale with general behavioural anchors, the starting point of a new framework.
Scale default_scale();

struct Indicator {
  std::string code;
  std::string text;
};

struct Competency {
  std::string code;
  std::string name;
  std::string definition;
  CompetencyKind kind = CompetencyKind::SocialNormative;
  std::vector<Indicator> indicators;

  const Indicator* find_indicator(std::string_view indicator_code) const;
};

struct Framework {
  std::string code;
  std::string name;
  int version = 1;
  Scale scale = default_scale();
  std::vector<Competency> competencies;

  const Competency* find(std::string_view competency_code) const;
};

// Limits of a sane scale: at least two points, at most eleven, never below zero.
inline constexpr int scale_lowest_point = 0;
inline constexpr int scale_highest_point = 10;

// Codes are what CSV files and URLs carry: 1–64 characters, lower-case letters, digits, '_' and '-',
// starting with a letter or digit.
bool is_valid_code(std::string_view code);

// The ascriptive term a competency's code or name uses, if any (see docs/frameworks.md for the list and
// the exception for knowledge areas), e.g. "leeftijd" for a competency named "Leeftijd onder 40".
std::optional<std::string> ascriptive_term(const Competency& competency);
// The Dutch message of the ascriptive-trait rule for the thing named `what`.
std::string ascriptive_rule_message(std::string_view what);

// Every problem of a framework, each with a code, a Dutch message and the field it concerns written as a
// JSON path ("competencies[2].indicators[0].text"), in document order. Empty when the framework is valid.
std::vector<Error> framework_problems(const Framework& framework);
// Throws the first of framework_problems() as a Failure.
void validate(const Framework& framework);

}  // namespace kwm::competence

namespace kwm {
template <>
struct Spelling<competence::CompetencyKind> {
  static constexpr SpellingTable<competence::CompetencyKind, 3> names{{{competence::CompetencyKind::Technical, "technical"},
                                                                       {competence::CompetencyKind::SocialNormative, "social_normative"},
                                                                       {competence::CompetencyKind::Knowledge, "knowledge"}}};
};
}  // namespace kwm
