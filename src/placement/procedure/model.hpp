#pragma once
// The placement procedure of a reorganisation as plain data: who is in the old formation, which positions
// the new formation offers, what the employees asked for and what the selection committee found. The store
// fills these structs; everything that decides or explains works on them without a database, so the same
// rules run in the product and in the tests.
#include "core/spelling.hpp"
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/fte.hpp"
#include "org/model.hpp"

namespace kwm::placement::procedure {

// An employee of the old formation: the people the procedure places or declares surplus. Only the
// fields the rules or the equal-treatment comparison need.
struct Employee {
  std::int64_t person_id = 0;
  std::string personnel_number;
  std::string name;
  std::int64_t unit_id = 0;
  std::string unit_code;
  std::string unit_name;
  std::optional<std::int64_t> function_id;  // the function level held now
  std::string function_code;
  std::string function_name;
  std::string level;
  Fte fte;
  org::Contract contract = org::Contract::Permanent;
  std::optional<org::EducationLevel> education;
  std::optional<Date> hire_date;
};

// A formation line of the new formation, split into equal slots (see Settings::slots).
struct NewPosition {
  std::int64_t position_id = 0;
  std::int64_t unit_id = 0;
  std::string unit_code;
  std::string unit_name;
  std::int64_t function_id = 0;
  std::string function_code;
  std::string function_name;
  std::string level;
  org::EducationLevel education_required = org::EducationLevel::Hbo;
  Fte fte;
  org::PositionKind kind = org::PositionKind::Structural;
  std::optional<Date> end_date;
  std::int64_t slots = 0;

  // The hours one slot holds: the line's FTE shared equally over its slots.
  Fte slot_fte() const { return slots > 0 ? Fte::from_milli(fte.milli() / slots) : Fte(); }
};

// ceil(fte) slots: a 2.0 line seats two people, a 1.5 line two people of 0.75 each.
std::int64_t default_slots(Fte fte);

struct Preference {
  std::int64_t person_id = 0;
  int rank = 1;  // 1 is the first choice
  std::int64_t function_id = 0;
  std::string motivation;
};

// The selection committee's score for an employee on a new function level, 0 (poor) to 10 (excellent).
struct InterviewScore {
  std::int64_t person_id = 0;
  std::int64_t function_id = 0;
  double score = 0;
};
inline constexpr double kInterviewMax = 10.0;

// The last appraisal: 1 onvoldoende, 2 matig, 3 voldoende, 4 goed, 5 uitstekend.
struct Appraisal {
  std::int64_t person_id = 0;
  int score = 3;
  Date date;
};
inline constexpr int kAppraisalMin = 1;
inline constexpr int kAppraisalMax = 5;

// HR's corrections to a proposal: fix (lock) a pair, or forbid it.
enum class Decision { Lock, Forbid };
std::string_view to_string(Decision decision);  // "lock", "forbid"
std::optional<Decision> decision_from_string(std::string_view text);

struct PairDecision {
  std::int64_t person_id = 0;
  std::int64_t position_id = 0;
  Decision decision = Decision::Forbid;
  std::string reason;
};

// mbo < hbo < wo: whether an education level reaches a required one.
bool reaches(org::EducationLevel held, org::EducationLevel required);
// How the explanations write an education level: "mbo", "hbo", "wo", in lower case as Dutch texts do.
std::string_view education_text(org::EducationLevel level);

}  // namespace kwm::placement::procedure

namespace kwm {
template <>
struct Spelling<placement::procedure::Decision> {
  static constexpr SpellingTable<placement::procedure::Decision, 2> names{{{placement::procedure::Decision::Lock, "lock"}, {placement::procedure::Decision::Forbid, "forbid"}}};
};
}  // namespace kwm
