#pragma once
// A small reorganisation built in code for the procedure tests: employees, positions of the new formation,
// a confirmed function mapping, and helpers to add preferences, scores and decisions.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "placement/procedure/explanation.hpp"
#include "placement/procedure/figures.hpp"
#include "placement/procedure/run.hpp"

namespace kwm::placement::procedure::testing {

inline Date day(const char* text) { return *Date::parse(text); }

// Function levels: 1 casemanager (old, unchanged), 2 consulent (old), 10 casemanager new formation = 1,
// 11 jeugdconsulent (new), 12 administratief (mbo).
struct Builder {
  ProcedureInput input;
  std::vector<MappingPair> mapping;

  Builder() {
    input.effective_date = day("2026-07-01");
    input.max_preferences = 3;
  }

  Employee& employee(std::string number, std::int64_t function_id, const char* hired = "2015-01-01", double fte = 1.0,
                     org::EducationLevel education = org::EducationLevel::Hbo) {
    Employee e;
    e.person_id = static_cast<std::int64_t>(input.employees.size()) + 100;
    e.personnel_number = number;
    e.name = "Medewerker " + number;
    e.unit_id = 1;
    e.unit_code = "OUD";
    e.unit_name = "Oude afdeling";
    e.function_id = function_id;
    e.function_code = function_id == 1 ? "CM" : "OTHER";
    e.function_name = function_id == 1 ? "Casemanager" : "Andere functie";
    e.level = "medewerker";
    e.fte = Fte::from_double(fte);
    e.education = education;
    e.hire_date = day(hired);
    input.employees.push_back(e);
    return input.employees.back();
  }

  NewPosition& position(std::int64_t function_id, std::int64_t slots, double fte = -1,
                        org::EducationLevel education = org::EducationLevel::Hbo, std::string unit = "NIEUW") {
    NewPosition p;
    p.position_id = static_cast<std::int64_t>(input.positions.size()) + 500;
    p.unit_id = 2;
    p.unit_code = unit;
    p.unit_name = "Team " + unit;
    p.function_id = function_id;
    p.function_code = "F" + std::to_string(function_id);
    p.function_name = "Functie " + std::to_string(function_id);
    p.level = "niveau";
    p.education_required = education;
    p.slots = slots;
    p.fte = Fte::from_double(fte < 0 ? static_cast<double>(slots) : fte);
    input.positions.push_back(p);
    return input.positions.back();
  }

  void match(std::int64_t old_function, std::int64_t new_function, FunctionMatch match) {
    mapping.push_back(MappingPair{old_function, new_function, match, std::nullopt, {}, match});
  }

  void prefer(std::size_t employee, std::vector<std::int64_t> functions) {
    int rank = 0;
    for (std::int64_t function : functions) {
      input.preferences.push_back(Preference{input.employees[employee].person_id, ++rank, function, "Motivatie"});
    }
  }

  void interview(std::size_t employee, std::int64_t function, double score) {
    input.interviews.push_back(InterviewScore{input.employees[employee].person_id, function, score});
  }

  void appraisal(std::size_t employee, int score) {
    input.appraisals.push_back(Appraisal{input.employees[employee].person_id, score, day("2025-12-01")});
  }

  void decide(std::size_t employee, std::size_t position, Decision decision, std::string reason = "Afspraak met de medewerker") {
    input.decisions.push_back(
        PairDecision{input.employees[employee].person_id, input.positions[position].position_id, decision, std::move(reason)});
  }

  // Only the interview counts unless a test says otherwise: scores are then exactly interview × 10.
  void interview_only() { input.settings.weights = Weights{0, 1, 0}; }

  const ProcedureInput& done() {
    input.mapping = FunctionMapping(mapping);
    return input;
  }
};

inline Error failure_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Failure& failure) {
    return failure.error();
  }
  ADD_FAILURE() << "expected a kwm::Failure";
  return Error{ErrorKind::internal, "", "", "", {}};
}

// The position index each employee ended on, -1 for surplus.
inline std::vector<int> outcome(const RunResult& result) {
  std::vector<int> positions;
  for (const auto& placed : result.placement_of) positions.push_back(placed ? static_cast<int>(placed->position) : -1);
  return positions;
}

}  // namespace kwm::placement::procedure::testing
