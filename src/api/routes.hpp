#pragma once
// Every route of the JSON API, registered capability by capability.
#include <boost/json/object.hpp>

#include "core/access.hpp"
#include "http/router.hpp"

namespace kwm::store {
class Database;
}
namespace kwm::http {
class LoginThrottle;
}

namespace kwm::api {

void add_session_routes(http::Router& router, store::Database& db, http::LoginThrottle& throttle);
void add_system_routes(http::Router& router, store::Database& db);  // health, audit, openapi.json
void add_org_routes(http::Router& router, store::Database& db);     // api/org_handlers.cpp
void add_competence_routes(http::Router& router, store::Database& db);  // api/competence_handlers.cpp
void add_placement_routes(http::Router& router, store::Database& db);  // api/placement_handlers.cpp
void add_account_routes(http::Router& router, store::Database& db);    // api/account_handlers.cpp: account locks

// The access policies of the capabilities that declare one (see core/access.hpp).
std::vector<const Policy*> access_policies();

// All of the above, in one router.
void add_all_routes(http::Router& router, store::Database& db, http::LoginThrottle& throttle);

// The OpenAPI 3 document of exactly the routes registered on the router.
boost::json::object openapi_document(const http::Router& router);

}  // namespace kwm::api
