#include "competence/versioning.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "competence/text.hpp"

namespace kwm::competence {
namespace {

bool same_indicators(const std::vector<Indicator>& a, const std::vector<Indicator>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const Indicator& x, const Indicator& y) { return x.code == y.code && x.text == y.text; });
}

bool same_competency(const Competency& a, const Competency& b) {
  return a.name == b.name && a.definition == b.definition && a.kind == b.kind && same_indicators(a.indicators, b.indicators);
}

bool same_scale(const Scale& a, const Scale& b) { return a.min == b.min && a.max == b.max && a.anchors == b.anchors; }

std::vector<std::string> codes_of(const Framework& framework) {
  std::vector<std::string> codes;
  for (const auto& competency : framework.competencies) codes.push_back(competency.code);
  return codes;
}

}  // namespace

FrameworkDiff diff(const Framework& current, const Framework& edited) {
  FrameworkDiff result;
  result.name_changed = current.name != edited.name;
  result.scale_changed = !same_scale(current.scale, edited.scale);
  for (const auto& competency : current.competencies) {
    const Competency* counterpart = edited.find(competency.code);
    if (!counterpart) {
      result.removed.push_back(competency.code);
    } else if (!same_competency(competency, *counterpart)) {
      result.changed.push_back(competency.code);
    }
  }
  for (const auto& competency : edited.competencies) {
    if (!current.find(competency.code)) result.added.push_back(competency.code);
  }
  // Order only counts when the set is the same; otherwise the additions and removals already say enough.
  result.reordered = result.added.empty() && result.removed.empty() && codes_of(current) != codes_of(edited);
  return result;
}

EditResult apply_edit(const Framework& current, Framework edited, const FrameworkUsage& usage) {
  if (edited.code != current.code) {
    fail_invalid("code",
                 fmt::format("De code van een kader verandert niet bij bewerken ({} werd {}); maak een nieuw kader aan.",
                             text::quoted(current.code), text::quoted(edited.code)),
                 "framework_code_changed");
  }
  // The edited text carries whatever version the editor started from; the rules below decide the number.
  edited.version = current.version;
  validate(edited);

  EditResult result;
  result.diff = diff(current, edited);

  std::vector<std::string> refusals;
  for (const auto& code : result.diff.removed) {
    const auto users = usage.competency_users.find(code);
    if (users == usage.competency_users.end() || users->second.empty()) continue;
    refusals.push_back(fmt::format("{} wordt nog gebruikt door {}", text::quoted(current.find(code)->name),
                                   text::dutch_list(users->second)));
  }
  if (!refusals.empty()) {
    fail(ErrorKind::conflict, "competency_in_use",
         fmt::format("Een competentie die in gebruik is kan niet worden verwijderd: {}. Haal haar daar eerst weg.",
                     text::dutch_list(refusals)),
         "competencies");
  }

  if (result.diff.empty()) {
    result.outcome = EditOutcome::Unchanged;
    result.framework = current;
    return result;
  }
  result.outcome = usage.version_in_use ? EditOutcome::NewVersion : EditOutcome::SameVersion;
  if (usage.version_in_use) edited.version = current.version + 1;
  result.framework = std::move(edited);
  return result;
}

}  // namespace kwm::competence
