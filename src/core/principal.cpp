#include "core/principal.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace kwm {
namespace {
constexpr std::array<std::pair<Role, std::string_view>, 7> kRoleNames{{
    {Role::admin, "admin"},
    {Role::hr, "hr"},
    {Role::manager, "manager"},
    {Role::employee, "employee"},
    {Role::works_council, "works_council"},
    {Role::external, "external"},
    {Role::assessor, "assessor"},
}};
}  // namespace

std::string_view to_string(Role role) {
  for (const auto& [value, name] : kRoleNames)
    if (value == role) return name;
  return "employee";
}

std::optional<Role> role_from_string(std::string_view text) {
  for (const auto& [value, name] : kRoleNames)
    if (name == text) return value;
  return std::nullopt;
}

bool Principal::manages_unit(std::int64_t unit_id) const {
  return std::find(unit_ids.begin(), unit_ids.end(), unit_id) != unit_ids.end();
}

}  // namespace kwm
