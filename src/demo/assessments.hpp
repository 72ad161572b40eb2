#pragma once
// The benchmark's selection round on top of a demo municipality (issue 3, "Benchmark"): a profile for
// every function level over a given list of competencies, and every participant's scores from each
// source. Deterministic like the rest of the demo: the same seed and the same inputs give the same numbers
// on every machine, and one person's scores do not depend on who else takes part. Synthetic, never real.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kwm::demo {

struct DemoProfileLine {
  std::string function_code;
  std::string level;
  std::string competency_code;
  double required = 3;  // 2 to 4 in steps of a half
  bool critical = false;
};

// Every function level asks every competency: a required level between 2 and 4 (higher pay scales ask a
// little more on average) and three critical competencies.
struct DemoFunctionLevel {
  std::string function_code;
  std::string level;
  std::int64_t scale = 0;
};
std::vector<DemoProfileLine> demo_profiles(std::span<const DemoFunctionLevel> levels, std::span<const std::string> competencies,
                                           std::uint64_t seed);

struct DemoIndicator {
  std::string competency_code;
  std::string indicator_code;
};

struct DemoScore {
  std::string_view source;  // one of the sources passed in
  std::size_t indicator = 0;  // index into the indicators passed in
  int score = 0;
};

// One person's scores on every indicator from every source, on a 1-5 scale: a latent level per competency
// around what the profile asks, a bias per source (self-assessments run high, external assessors a little
// low), and noise per indicator. `required` gives the profile's level per indicator.
std::vector<DemoScore> demo_scores(std::string_view personnel_number, std::span<const DemoIndicator> indicators,
                                   std::span<const double> required, std::span<const std::string> sources, std::uint64_t seed);

}  // namespace kwm::demo
