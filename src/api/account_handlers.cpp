// The account-lock routes: an administrator lists the accounts of their municipality that login
// throttling locked, and lifts a lock. The rules are in account::Service, the grants in account/access.hpp.
#include "account/access.hpp"
#include "account/service.hpp"
#include "account/wire.hpp"
#include "api/json.hpp"
#include "api/routes.hpp"
#include "store/account_locks.hpp"

namespace kwm::api {

void add_account_routes(http::Router& router, store::Database& db) {
  using http::Access;
  using http::Contract;
  std::shared_ptr<const account::Service> service = store::account_service(db);
  router.add({http::Method::get, "/api/v1/account-locks", Access::to(account::access::read_locks),
              "Accounts of the municipality locked after failed logins from many addresses",
              [service](http::Request& request) { return json_response(wire::to_json(service->locks(*request.principal))); },
              "account", "", Contract{nullptr, {}, http::answer_schema<account::Locks>}});
  router.add({http::Method::del, "/api/v1/account-locks/{username}", Access::to(account::access::unlock),
              "Lift the lock on an account (audited)",
              [service](http::Request& request) {
                service->unlock(*request.principal, request.param("username"), request.remote_address);
                return no_content();
              },
              "account", "", Contract{nullptr, {}, nullptr, 204}});
}

}  // namespace kwm::api
