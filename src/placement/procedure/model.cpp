#include "placement/procedure/model.hpp"

namespace kwm::placement::procedure {

std::int64_t default_slots(Fte fte) { return fte.milli() <= 0 ? 0 : (fte.milli() + 999) / 1000; }

std::string_view to_string(Decision decision) { return spell(decision); }

std::optional<Decision> decision_from_string(std::string_view text) { return parse_spelling<Decision>(text); }

namespace {
int rank_of(org::EducationLevel level) {
  switch (level) {
    case org::EducationLevel::Mbo: return 0;
    case org::EducationLevel::Hbo: return 1;
    case org::EducationLevel::Wo: return 2;
  }
  return 0;
}
}  // namespace

bool reaches(org::EducationLevel held, org::EducationLevel required) { return rank_of(held) >= rank_of(required); }

std::string_view education_text(org::EducationLevel level) { return org::to_string(level); }

}  // namespace kwm::placement::procedure
