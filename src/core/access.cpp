#include "core/access.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace kwm {

std::string_view to_string(Scope scope) {
  switch (scope) {
    case Scope::organisation: return "organisation";
    case Scope::own_units: return "own_units";
    case Scope::own_record: return "own_record";
    case Scope::own_organisation: return "own_organisation";
    case Scope::assigned: return "assigned";
    case Scope::aggregates: return "aggregates";
  }
  return "organisation";
}

Action::Action(std::string name, std::string summary, std::vector<Grant> grants)
    : name_(std::move(name)), summary_(std::move(summary)), grants_(std::move(grants)) {}

std::optional<Scope> Action::scope_for(Role role) const {
  const auto it = std::find_if(grants_.begin(), grants_.end(), [role](const Grant& grant) { return grant.role == role; });
  if (it == grants_.end()) return std::nullopt;
  return it->scope;
}

Scope Action::require(const Principal& caller) const {
  if (const auto scope = scope_for(caller.role)) return *scope;
  fail(ErrorKind::forbidden, "role_not_allowed", "Uw rol geeft geen toegang tot deze gegevens");
}

bool Reach::reaches_nothing() const {
  switch (scope) {
    case Scope::own_units: return unit_ids.empty();
    case Scope::own_record: return !person_id.has_value();
    case Scope::own_organisation: return organisation.empty();
    case Scope::organisation:
    case Scope::assigned:
    case Scope::aggregates: return false;
  }
  return true;
}

Reach reach_of(const Principal& caller, Scope scope) {
  Reach reach;
  reach.scope = scope;
  if (scope == Scope::own_units) reach.unit_ids = caller.unit_ids;
  if (scope == Scope::own_record) reach.person_id = caller.person_id;
  if (scope == Scope::own_organisation) reach.organisation = caller.organisation;
  return reach;
}

std::vector<Grant> every_role(Scope scope) {
  std::vector<Grant> grants;
  for (Role role : {Role::admin, Role::hr, Role::manager, Role::employee, Role::works_council, Role::external, Role::assessor})
    grants.push_back({role, scope});
  return grants;
}

}  // namespace kwm
