#pragma once
// Who may do what, declared once per capability as data: each action lists the roles that may take it and,
// per role, how far the caller's view reaches (the scope). The router refuses a role that has no grant
// before any handler runs, the capability's service narrows its queries to the scope, GET /api/v1/session
// tells the web app what the user may do, and the role tests are generated from the same table.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/principal.hpp"

namespace kwm {

enum class Scope {
  organisation,      // every record of the caller's municipality
  own_units,         // the units the caller leads, with everything below them
  own_record,        // the caller's own person record
  own_organisation,  // the seconded and hired workers of the caller's own organisation (external users)
  assigned,          // what the caller was assigned to, e.g. an external assessor's rounds
  aggregates,        // figures over groups only, never a group of fewer than five people
};

std::string_view to_string(Scope scope);

struct Grant {
  Role role;
  Scope scope;
};

// One thing a user can do, e.g. "organisation.people.read".
class Action {
 public:
  Action(std::string name, std::string summary, std::vector<Grant> grants);

  const std::string& name() const { return name_; }
  const std::string& summary() const { return summary_; }
  const std::vector<Grant>& grants() const { return grants_; }

  // The scope the role has for this action, or none.
  std::optional<Scope> scope_for(Role role) const;
  bool allows(Role role) const { return scope_for(role).has_value(); }
  // The caller's scope, or Failure{forbidden, "role_not_allowed"}.
  Scope require(const Principal& caller) const;

 private:
  std::string name_;
  std::string summary_;
  std::vector<Grant> grants_;
};

// The records a caller may see under a scope, in terms a query can apply.
struct Reach {
  Scope scope = Scope::organisation;
  std::vector<std::int64_t> unit_ids;     // own_units: the units the caller leads, with every unit below
  std::optional<std::int64_t> person_id;  // own_record
  std::string organisation;               // own_organisation
  // True when the scope reaches no record at all: a manager without units, an employee without a person
  // record, an external user without an organisation.
  bool reaches_nothing() const;
};
Reach reach_of(const Principal& caller, Scope scope);

// Every role, in the order of the Role enum: for actions any logged-in user may take.
std::vector<Grant> every_role(Scope scope);

// The actions of one capability, in the order they were declared.
struct Policy {
  std::string capability;
  std::vector<const Action*> actions;
};

}  // namespace kwm
