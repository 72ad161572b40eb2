#include "store_test_support.hpp"


#include <cstdlib>
#include <filesystem>

#include "store/migrations.hpp"
#include "store/org_repository.hpp"

namespace kwm::store::testing {
namespace {

// postgresql://user@host/NAME?options with NAME replaced.
std::string with_database(const std::string& url, const std::string& name) {
  const auto scheme_end = url.find("://");
  const auto path = url.find('/', scheme_end + 3);
  const auto query = url.find('?', scheme_end + 3);
  const std::string base = url.substr(0, path == std::string::npos || (query != std::string::npos && query < path) ? query : path);
  const std::string options = query == std::string::npos ? "" : url.substr(query);
  return base + "/" + name + options;
}

}  // namespace

void StoreTest::SetUp() {
  if (GetParam() == "postgresql") {
    const char* pg = std::getenv("KWM_TEST_PG_URL");
    if (!pg || !*pg) GTEST_SKIP() << "KWM_TEST_PG_URL is not set: PostgreSQL run skipped";
    pg_admin_url_ = pg;
    pg_database_ = kwm::testing::unique_name("kwm_store_test");
    {
      Database server(pg_admin_url_, 1);
      *server.lease() << "CREATE DATABASE " + pg_database_;
    }
    url_ = with_database(pg_admin_url_, pg_database_);
  } else {
    sqlite_dir_ = std::make_unique<kwm::testing::ScratchDir>("kwm-store");
    url_ = "sqlite:" + (*sqlite_dir_ / "store.db").string();
  }
  db = std::make_unique<Database>(url_, 2);
  migrate(*db);
  admin = new_municipality("GM0001");
}

void StoreTest::TearDown() {
  db.reset();
  if (!pg_database_.empty()) {
    Database server(pg_admin_url_, 1);
    *server.lease() << "DROP DATABASE IF EXISTS " + pg_database_;
  }
  sqlite_dir_.reset();
}

Principal StoreTest::new_municipality(const std::string& code) {
  Principal cli;
  cli.username = "test";
  cli.role = Role::admin;
  org::Municipality municipality;
  municipality.code = code;
  municipality.name = "Gemeente " + code;
  municipality.inhabitants = 42000;
  cli.municipality_id = organisation().create_municipality(cli, municipality);
  cli.municipality_code = code;
  return cli;
}

Principal StoreTest::as(const Principal& admin_principal, Role role) const {
  Principal principal = admin_principal;
  principal.role = role;
  principal.username = std::string(to_string(role));
  return principal;
}

const org::Service& StoreTest::organisation() {
  if (!organisation_) organisation_ = organisation_service(*db);
  return *organisation_;
}

long long StoreTest::count(const std::string& query, long long municipality_id) {
  long long result = 0;
  *db->lease() << query, soci::use(municipality_id), soci::into(result);
  return result;
}

}  // namespace kwm::store::testing
