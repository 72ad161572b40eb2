#pragma once
// The wire format of account locks (see core/wire.hpp): the API's answers and the audit log's snapshots.
#include <tuple>

#include "account/lock.hpp"
#include "core/wire.hpp"

namespace kwm::wire {

template <>
struct Fields<account::Lock> {
  static constexpr std::string_view name = "AccountLock";
  static constexpr auto fields = std::make_tuple(field("username", &account::Lock::username, output_only),
                                                 field("locked_at", &account::Lock::locked_at, output_only),
                                                 field("failures", &account::Lock::failures, output_only),
                                                 field("addresses", &account::Lock::addresses, output_only));
};

template <>
struct Fields<account::Locks> {
  static constexpr std::string_view name = "AccountLocks";
  static constexpr auto fields = std::make_tuple(field("items", &account::Locks::items, output_only));
};

}  // namespace kwm::wire
