#pragma once
// Store tests run against SQLite (a temporary file) and, when KWM_TEST_PG_URL names a PostgreSQL server,
// against a database created for the test process on that server and dropped afterwards.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/error.hpp"
#include "core/principal.hpp"
#include "org/service.hpp"
#include "store/database.hpp"
#include "support/scratch.hpp"

namespace kwm::store::testing {

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;
  void TearDown() override;

  // A fresh municipality with an admin acting for it; codes GM0001, GM0002, ... per test.
  Principal new_municipality(const std::string& code);
  Principal as(const Principal& admin, Role role) const;
  long long count(const std::string& query, long long municipality_id);
  // The organisation service over the test database.
  const org::Service& organisation();

  std::unique_ptr<Database> db;
  Principal admin;

 private:
  std::string url_;
  std::string pg_admin_url_;
  std::string pg_database_;
  std::unique_ptr<kwm::testing::ScratchDir> sqlite_dir_;
  std::shared_ptr<org::Service> organisation_;
};

using org::PeopleFilter;
using org::Team;
using org::UnitView;

// The error a piece of work fails with; a test failure (and an empty Error) when it does not fail.
template <typename Work>
Error failure_of(Work work) {
  try {
    work();
  } catch (const Failure& failure) {
    return failure.error();
  }
  ADD_FAILURE() << "no failure";
  return {};
}

// The parameter names for INSTANTIATE_TEST_SUITE_P.
inline const auto kBackends = ::testing::Values(std::string("sqlite"), std::string("postgresql"));
inline std::string backend_name(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

}  // namespace kwm::store::testing
