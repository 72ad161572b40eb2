#pragma once
// Who is asking: the logged-in user as every capability's access rules see it. The HTTP layer builds it
// from the session; the CLI builds one for the operator. Every query is scoped by municipality_id.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kwm {

enum class Role { admin, hr, manager, employee, works_council, external, assessor };  // assessor: an external assessor's account, tied to assessment rounds

std::string_view to_string(Role role);
std::optional<Role> role_from_string(std::string_view text);

struct Principal {
  std::int64_t user_id = 0;  // 0 for the command line operator
  std::string username;
  std::int64_t municipality_id = 0;
  std::string municipality_code;
  std::string municipality_name;
  Role role = Role::employee;
  std::optional<std::int64_t> person_id;  // employee: their own person record
  std::string organisation;               // external: the organisation whose seconded staff they see
  std::vector<std::int64_t> unit_ids;     // manager: the units they lead and every unit below them

  bool sees_whole_municipality() const { return role == Role::admin || role == Role::hr; }
  bool manages_unit(std::int64_t unit_id) const;
};

}  // namespace kwm
