#pragma once
// Builders shared by the competence tests: a small valid framework and ratings per source.
#include <fmt/format.h>
#include <functional>
#include <gtest/gtest.h>
#include <initializer_list>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "competence/framework.hpp"
#include "competence/scoring.hpp"

namespace kwm::competence::testing {

inline Competency competency(std::string code, std::string name, CompetencyKind kind = CompetencyKind::SocialNormative,
                             int indicators = 2) {
  Competency result{std::move(code), name, fmt::format("Omschrijving van {}.", name), kind, {}};
  for (int i = 1; i <= indicators; ++i) {
    result.indicators.push_back(Indicator{fmt::format("i{}", i), fmt::format("Gedrag {} bij {}.", i, result.name)});
  }
  return result;
}

// Three competencies with two indicators each on the default 1–5 scale.
inline Framework small_framework() {
  Framework framework;
  framework.code = "test";
  framework.name = "Testkader";
  framework.competencies = {competency("samenwerken", "Samenwerken"), competency("plannen", "Plannen en organiseren"),
                            competency("wmo", "Wmo 2015", CompetencyKind::Knowledge)};
  return framework;
}

// One rating per given score, on indicators i1, i2, ... of the competency.
inline std::vector<Rating> rate(RatingSource source, const std::string& competency_code, std::initializer_list<int> scores) {
  std::vector<Rating> ratings;
  int index = 1;
  for (int score : scores) ratings.push_back(Rating{source, competency_code, fmt::format("i{}", index++), score});
  return ratings;
}

// The error `action` throws as a kwm::Failure. Throwing none fails the test; the empty Error returned then
// matches no expectation.
inline Error failure_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Failure& failure) {
    return failure.error();
  }
  ADD_FAILURE() << "expected a kwm::Failure, but nothing was thrown";
  return Error{ErrorKind::internal, "", "", "", {}};
}

inline std::vector<Rating> join(std::initializer_list<std::vector<Rating>> parts) {
  std::vector<Rating> all;
  for (const auto& part : parts) all.insert(all.end(), part.begin(), part.end());
  return all;
}

}  // namespace kwm::competence::testing
