#pragma once
// Who may see and lift the locks that login throttling puts on accounts (http/login_throttle.hpp): the
// administrator of the account's municipality.
#include "core/access.hpp"

namespace kwm::account::access {

extern const Action read_locks;  // the locked accounts of the municipality
extern const Action unlock;      // lift a lock

const Policy& policy();

}  // namespace kwm::account::access
