#pragma once
// The API test harness: a fresh database (SQLite file or a new PostgreSQL database in the throwaway
// cluster named by KWM_TEST_PG_URL), two municipalities with a small organisation each, one account per
// role, and the real server on a free port. Every API test runs once per backend.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <string>

#include "http/login_throttle.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "store/database.hpp"
#include "support/scratch.hpp"

namespace kwm::testing {

enum class Backend { sqlite, postgresql };
std::string backend_name(const ::testing::TestParamInfo<Backend>& info);

struct HttpResult {
  unsigned status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  boost::json::value json() const;  // parsed body; fails the test when it is not JSON
  std::string error_code() const;   // error.code of an error answer, "" otherwise
};

// One browser: keeps the session cookie and the CSRF token between requests.
class Client {
 public:
  explicit Client(unsigned short port) : port_(port) {}
  HttpResult login(const std::string& username, const std::string& password = "correct horse battery");
  HttpResult get(const std::string& target);
  HttpResult post(const std::string& target, const std::string& body, const std::string& content_type = "application/json");
  HttpResult put(const std::string& target, const std::string& body);
  HttpResult del(const std::string& target);
  // Anything else, headers as given (no cookie or CSRF added unless passed).
  HttpResult raw(const std::string& method, const std::string& target, const std::string& body,
                 const std::map<std::string, std::string>& headers);
  const std::string& csrf_token() const { return csrf_; }
  const std::string& cookie() const { return cookie_; }
  // Sends this header with every request from now on, e.g. X-Forwarded-For as a proxy would add it.
  void always_send(const std::string& name, const std::string& value) { always_[name] = value; }

 private:
  HttpResult send(const std::string& method, const std::string& target, const std::string& body,
                  const std::string& content_type);
  unsigned short port_;
  std::map<std::string, std::string> always_;
  std::string cookie_;
  std::string csrf_;
};

class ApiTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;
  // Suites that need another server or throttle set-up override these; they run in SetUp.
  virtual void configure(http::ServerOptions& options) {}
  virtual http::LoginLimits login_limits() const { return {}; }
  // The login throttle's clock, moved by hand: throttling tests never sleep.
  void advance_clock(std::chrono::seconds by) { clock_ += std::chrono::duration_cast<http::LoginThrottle::Clock::duration>(by).count(); }

  Client client() const { return Client(server_->port()); }
  Client logged_in(const std::string& username);
  store::Database& db() { return *db_; }
  // Ids of the seeded records, by code / personnel number, in municipality A ("GM9001") or B ("GM9002").
  std::int64_t unit_id(const std::string& municipality, const std::string& code);
  std::int64_t person_id(const std::string& municipality, const std::string& personnel_number);
  std::int64_t function_id(const std::string& municipality, const std::string& code, const std::string& level);
  std::int64_t position_id(const std::string& municipality, const std::string& unit_code);
  std::int64_t count(const std::string& sql_text);

 private:
  void seed();
  std::string db_url_;
  std::string pg_database_;  // to drop afterwards
  std::unique_ptr<ScratchDir> sqlite_dir_;
  std::unique_ptr<store::Database> db_;
  http::Router router_;
  std::unique_ptr<http::LoginThrottle> throttle_;
  std::atomic<http::LoginThrottle::Clock::rep> clock_{http::LoginThrottle::Clock::now().time_since_epoch().count()};
  std::unique_ptr<http::Server> server_;
};

// Runs a test body for SQLite, and for PostgreSQL when the throwaway cluster is there (make test sets it).
#define KWM_API_TEST_SUITE(Suite)                                                                         \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite,                                                               \
                           ::testing::Values(::kwm::testing::Backend::sqlite,                             \
                                             ::kwm::testing::Backend::postgresql),                        \
                           ::kwm::testing::backend_name)

}  // namespace kwm::testing
