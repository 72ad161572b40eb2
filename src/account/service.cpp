#include "account/service.hpp"

#include "account/access.hpp"
#include "core/error.hpp"

namespace kwm::account {

Locks Service::locks(const Principal& caller) const {
  access::read_locks.require(caller);
  return Locks{repository_->locks(caller.municipality_id)};
}

void Service::unlock(const Principal& caller, const std::string& username, const std::string& from_address) const {
  access::unlock.require(caller);
  if (!repository_->unlock(caller, username, from_address)) fail_not_found("Blokkade van account '" + username + "'");
}

}  // namespace kwm::account
