#include "account/access.hpp"

namespace kwm::account::access {

const Action read_locks{"account.locks.read", "Geblokkeerde accounts bekijken", {{Role::admin, Scope::organisation}}};
const Action unlock{"account.locks.unlock", "Een geblokkeerd account deblokkeren", {{Role::admin, Scope::organisation}}};

const Policy& policy() {
  static const Policy accounts{"account", {&read_locks, &unlock}};
  return accounts;
}

}  // namespace kwm::account::access
