#pragma once
// The function catalogue of the demo municipalities: one row per function level, as in the functions CSV.
// Every demo municipality uses the same catalogue, the way municipalities share a function house (HR21),
// which also lets the national benchmark file merge the 340 catalogues into one.
#include <span>
#include <string_view>

namespace kwm::demo {

struct FunctionLevel {
  std::string_view code;
  std::string_view name;
  std::string_view level;
  std::string_view education_level;  // mbo, hbo, wo
  int scale;
  std::string_view status;  // unchanged, changed, new: what the 2015 decentralisations did to the function
  bool social_domain;       // false: only the national demo's other departments use it
};

std::span<const FunctionLevel> function_catalogue();
// The catalogue row of a function level; throws std::out_of_range for one the catalogue does not have,
// which is a programming error in a blueprint.
const FunctionLevel& function_level(std::string_view code, std::string_view level);

}  // namespace kwm::demo
