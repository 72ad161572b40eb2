#pragma once
// Versioning rules for competency frameworks. An assessment always points at the framework version it
// used, so a version that anything points at is frozen: editing it yields the next version. Removing a
// competency that a profile or a round still uses is refused, whatever the version.
#include <map>
#include <string>
#include <vector>

#include "competence/framework.hpp"

namespace kwm::competence {

struct FrameworkDiff {
  bool name_changed = false;
  bool scale_changed = false;
  bool reordered = false;                // same competencies, different order
  std::vector<std::string> added;        // competency codes, in the edited framework's order
  std::vector<std::string> removed;      // in the current framework's order
  std::vector<std::string> changed;      // name, definition, kind or indicators differ

  bool empty() const {
    return !name_changed && !scale_changed && !reordered && added.empty() && removed.empty() && changed.empty();
  }
};

FrameworkDiff diff(const Framework& current, const Framework& edited);

// What points at the current version; the store fills this in, the rules below decide with it.
struct FrameworkUsage {
  bool version_in_use = false;  // an assessment round or a rating points at this version
  // competency code -> who uses it, in Dutch ("functieprofiel casemanager senior", "ronde voorjaar-2026")
  std::map<std::string, std::vector<std::string>> competency_users;
};

enum class EditOutcome {
  Unchanged,   // nothing differs: keep the current version
  SameVersion, // nothing points at the current version: overwrite it
  NewVersion,  // the current version is in use: store the edit as version + 1, keep the old one
};

struct EditResult {
  EditOutcome outcome = EditOutcome::Unchanged;
  Framework framework;  // what to store, with its version number set
  FrameworkDiff diff;
};

// Applies an edit to the current version. Throws Failure: the edited framework's own problems (see
// validate), "framework_code_changed" when the code differs, and "competency_in_use" (kind conflict)
// when a removed competency is still used, naming every user.
EditResult apply_edit(const Framework& current, Framework edited, const FrameworkUsage& usage);

}  // namespace kwm::competence
