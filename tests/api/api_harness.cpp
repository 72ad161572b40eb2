#include "api_harness.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>

#include "api/routes.hpp"
#include "core/error_codes.hpp"
#include "store/migrations.hpp"
#include "org/service.hpp"
#include "store/org_repository.hpp"
#include "store/user_store.hpp"

namespace kwm::testing {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = boost::asio::ip::tcp;

std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::sqlite ? "SQLite" : "PostgreSQL";
}

boost::json::value HttpResult::json() const {
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(body, ec);
  EXPECT_FALSE(ec) << "not JSON: " << body;
  return value;
}

std::string HttpResult::error_code() const {
  boost::system::error_code ec;
  const boost::json::value value = boost::json::parse(body, ec);
  if (ec || !value.is_object() || !value.as_object().contains("error")) return {};
  return std::string(value.at("error").at("code").as_string());
}

HttpResult Client::raw(const std::string& method, const std::string& target, const std::string& body,
                       const std::map<std::string, std::string>& headers) {
  boost::asio::io_context io;
  beast::tcp_stream stream(io);
  stream.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port_));
  bhttp::request<bhttp::string_body> request(bhttp::string_to_verb(method), target, 11);
  request.set(bhttp::field::host, "127.0.0.1:" + std::to_string(port_));
  for (const auto& [name, value] : headers) request.set(name, value);
  request.body() = body;
  request.prepare_payload();
  beast::error_code write_error;
  // A server may answer (e.g. 413) and stop reading before the whole body is sent: read the answer anyway.
  bhttp::write(stream, request, write_error);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  bhttp::read(stream, buffer, parser);
  const auto& response = parser.get();
  HttpResult result;
  result.status = response.result_int();
  for (const auto& field : response) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Several Set-Cookie lines never occur here; keep the last of any repeated header.
    result.headers[name] = std::string(field.value());
  }
  result.body = response.body();
  // Every error the API answers with must be in the catalogue that openapi.json publishes.
  if (const std::string code = result.error_code(); !code.empty() && !is_error_code(code))
    ADD_FAILURE() << method << " " << target << " answered error code '" << code << "', missing in core/error_codes.cpp";
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  return result;
}

HttpResult Client::send(const std::string& method, const std::string& target, const std::string& body,
                        const std::string& content_type) {
  std::map<std::string, std::string> headers = always_;
  if (!cookie_.empty()) headers["Cookie"] = "kwm_session=" + cookie_;
  if (method != "GET" && !csrf_.empty()) headers["X-CSRF-Token"] = csrf_;
  if (!body.empty()) headers["Content-Type"] = content_type;
  return raw(method, target, body, headers);
}

HttpResult Client::login(const std::string& username, const std::string& password) {
  const boost::json::object credentials{{"username", username}, {"password", password}};
  HttpResult result = send("POST", "/api/v1/session", boost::json::serialize(credentials), "application/json");
  if (result.status == 200) {
    const std::string set_cookie = result.headers["set-cookie"];
    const auto start = set_cookie.find('=') + 1;
    cookie_ = set_cookie.substr(start, set_cookie.find(';') - start);
    csrf_ = std::string(result.json().at("csrf_token").as_string());
  }
  return result;
}

HttpResult Client::get(const std::string& target) { return send("GET", target, "", ""); }
HttpResult Client::post(const std::string& target, const std::string& body, const std::string& content_type) {
  return send("POST", target, body, content_type);
}
HttpResult Client::put(const std::string& target, const std::string& body) {
  return send("PUT", target, body, "application/json");
}
HttpResult Client::del(const std::string& target) { return send("DELETE", target, "", ""); }

namespace {


std::string pg_url_for(const std::string& admin_url, const std::string& database) {
  // postgresql://postgres@/postgres?host=DIR&port=P  →  postgresql://postgres@/DATABASE?host=DIR&port=P
  const auto query = admin_url.find('?');
  const auto slash = admin_url.rfind('/', query);
  return admin_url.substr(0, slash + 1) + database + admin_url.substr(query);
}

void run_admin(const std::string& admin_url, const std::string& statement) {
  store::Database admin(admin_url, 1);
  auto sql = admin.lease();
  *sql << statement;
}

Principal operator_of(store::Database& db, const std::string& code) {
  Principal actor;
  actor.username = "test-setup";
  actor.role = Role::admin;
  const auto municipality = store::organisation_service(db)->find_municipality(code);
  actor.municipality_id = municipality->id;
  actor.municipality_code = code;
  return actor;
}

void import_or_report(store::Database& db, const Principal& actor, org::ImportKind kind, const std::string& csv) {
  try {
    store::organisation_service(db)->import_file(actor, kind, csv);
  } catch (const Failure& failure) {
    std::string rows;
    for (const auto& row : failure.error().rows) rows += " [row " + std::to_string(row.row) + " " + row.column + ": " + row.message + "]";
    FAIL() << "seed import failed: " << failure.error().message << rows;
  }
}

void add_user(store::Database& db, const std::string& municipality, const std::string& username, Role role,
              std::vector<std::string> units = {}, std::string person = {}, std::string organisation = {}) {
  store::NewUser user;
  const Principal actor = operator_of(db, municipality);
  user.municipality_id = actor.municipality_id;
  user.username = username;
  user.password = "correct horse battery";
  user.role = role;
  user.unit_codes = std::move(units);
  user.personnel_number = std::move(person);
  user.organisation = std::move(organisation);
  store::create_user(db, actor, user);
}

}  // namespace

void ApiTest::SetUp() {
  if (GetParam() == Backend::sqlite) {
    sqlite_dir_ = std::make_unique<ScratchDir>("kwm-api");
    db_url_ = "sqlite:" + (*sqlite_dir_ / "api.db").string();
  } else {
    const char* admin_url = std::getenv("KWM_TEST_PG_URL");
    if (!admin_url || !*admin_url) GTEST_SKIP() << "KWM_TEST_PG_URL not set: run through scripts/with-postgres (make test)";
    pg_database_ = unique_name("kwm_api");
    run_admin(admin_url, "CREATE DATABASE " + pg_database_);
    db_url_ = pg_url_for(admin_url, pg_database_);
  }
  db_ = std::make_unique<store::Database>(db_url_, 4);
  store::migrate(*db_);
  seed();
  throttle_ = std::make_unique<http::LoginThrottle>(login_limits(), [this] {
    return http::LoginThrottle::Clock::time_point(http::LoginThrottle::Clock::duration(clock_.load()));
  });
  api::add_all_routes(router_, *db_, *throttle_);
  http::ServerOptions options;
  options.port = 0;
  options.threads = 2;
  options.access_log = false;
  options.body_limit = 1024 * 1024;
  configure(options);
  server_ = std::make_unique<http::Server>(options, router_, *db_);
  server_->start();
}

void ApiTest::TearDown() {
  if (server_) {
    server_->stop();
    server_->wait();
  }
  server_.reset();
  db_.reset();
  sqlite_dir_.reset();
  if (!pg_database_.empty()) run_admin(std::getenv("KWM_TEST_PG_URL"), "DROP DATABASE IF EXISTS " + pg_database_);
}

void ApiTest::seed() {
  for (const auto& [code, name] : {std::pair{"GM9001", "Testdorp"}, std::pair{"GM9002", "Anderstad"}}) {
    org::Municipality municipality;
    municipality.code = code;
    municipality.name = name;
    municipality.inhabitants = 42000;
    municipality.region = "Testregio";
    Principal bootstrap;
    bootstrap.username = "test-setup";
    bootstrap.role = Role::admin;
    store::organisation_service(*db_)->create_municipality(bootstrap, municipality);
  }
  const Principal a = operator_of(*db_, "GM9001");
  import_or_report(*db_, a, org::ImportKind::Units,
                   "code,name,parent_code,kind,pillars,direction,contractor\n"
                   "SD,Sociaal Domein,,department,care|youth|participation,,\n"
                   "WT1,Wijkteam Noord,SD,district_team,care|youth,municipality,\n"
                   "WT2,Wijkteam Zuid,SD,district_team,care,contractor,Zorgkracht\n"
                   "BO,Backoffice,SD,back_office,care,,\n");
  import_or_report(*db_, a, org::ImportKind::Functions,
                   "code,name,level,education_level,scale,status\n"
                   "CM,Casemanager,casemanager,hbo,9,changed\n"
                   "CM,Casemanager,senior,hbo,10,changed\n"
                   "AM,Administratief medewerker,medewerker,mbo,6,unchanged\n");
  import_or_report(*db_, a, org::ImportKind::Positions,
                   "unit_code,function_code,level,fte,kind,end_date\n"
                   "WT1,CM,casemanager,2,structural,\n"
                   "WT1,CM,senior,1,temporary,2027-03-31\n"
                   "WT2,CM,casemanager,1,structural,\n"
                   "BO,AM,medewerker,1.5,structural,\n");
  import_or_report(*db_, a, org::ImportKind::People,
                   "personnel_number,name,unit_code,function_code,level,fte,contract,contract_end,hire_date,"
                   "education_level,engagement,organisation\n"
                   "P001,Anna Veldkamp,WT1,CM,casemanager,0.8,permanent,,2015-01-01,hbo,employee,\n"
                   "P002,Bram Oosterhout,WT2,CM,casemanager,1,temporary,2027-01-31,2024-02-01,hbo,employee,\n"
                   "P003,Cor Linden,BO,AM,medewerker,1,permanent,,2010-05-01,mbo,employee,\n"
                   "E001,Dewi Zonneveld,WT1,,,0.6,temporary,2027-06-30,2025-01-01,hbo,secondment,Thuiszorg Noord\n");
  const Principal b = operator_of(*db_, "GM9002");
  import_or_report(*db_, b, org::ImportKind::Units,
                   "code,name,parent_code,kind,pillars,direction,contractor\n"
                   "SDB,Sociaal Domein Anderstad,,department,care,,\n"
                   "WTB,Sociaal team,SDB,district_team,care|youth|participation,municipality,\n");
  import_or_report(*db_, b, org::ImportKind::Functions,
                   "code,name,level,education_level,scale,status\n"
                   "CM,Casemanager,casemanager,hbo,9,new\n");
  import_or_report(*db_, b, org::ImportKind::Positions,
                   "unit_code,function_code,level,fte,kind,end_date\n"
                   "WTB,CM,casemanager,3,structural,\n");
  import_or_report(*db_, b, org::ImportKind::People,
                   "personnel_number,name,unit_code,function_code,level,fte,contract,contract_end,hire_date,"
                   "education_level,engagement,organisation\n"
                   "Q001,Eline Brink,WTB,CM,casemanager,1,permanent,,2016-03-01,hbo,employee,\n");

  add_user(*db_, "GM9001", "admin-a", Role::admin);
  add_user(*db_, "GM9001", "hr-a", Role::hr);
  add_user(*db_, "GM9001", "manager-a", Role::manager, {"WT1"});
  add_user(*db_, "GM9001", "employee-a", Role::employee, {}, "P001");
  add_user(*db_, "GM9001", "council-a", Role::works_council);
  add_user(*db_, "GM9001", "external-a", Role::external, {}, {}, "Thuiszorg Noord");
  add_user(*db_, "GM9002", "hr-b", Role::hr);
  // Every other role of B too, for the sweeps that call A's records as another municipality; B's external
  // user works for an organisation of the same name as A's.
  add_user(*db_, "GM9002", "admin-b", Role::admin);
  add_user(*db_, "GM9002", "manager-b", Role::manager, {"WTB"});
  add_user(*db_, "GM9002", "employee-b", Role::employee, {}, "Q001");
  add_user(*db_, "GM9002", "council-b", Role::works_council);
  add_user(*db_, "GM9002", "external-b", Role::external, {}, {}, "Thuiszorg Noord");
}

Client ApiTest::logged_in(const std::string& username) {
  Client c = client();
  const HttpResult result = c.login(username);
  EXPECT_EQ(result.status, 200u) << result.body;
  return c;
}

std::int64_t ApiTest::count(const std::string& sql_text) {
  auto sql = db_->lease();
  long long value = 0;
  *sql << sql_text, soci::into(value);
  return value;
}

namespace {
std::int64_t lookup(store::Database& db, const std::string& sql_text, const std::string& municipality,
                    const std::vector<std::string>& keys) {
  auto sql = db.lease();
  long long id = 0;
  soci::statement statement = (sql->prepare << sql_text, soci::into(id));
  statement.exchange(soci::use(municipality));
  for (const std::string& key : keys) statement.exchange(soci::use(key));
  statement.define_and_bind();
  statement.execute(true);
  EXPECT_NE(id, 0) << "no seeded record for " << sql_text;
  return id;
}
}  // namespace

std::int64_t ApiTest::unit_id(const std::string& municipality, const std::string& code) {
  return lookup(*db_, "SELECT u.id FROM units u JOIN municipalities m ON m.id = u.municipality_id WHERE m.code = :m AND u.code = :c",
                municipality, {code});
}
std::int64_t ApiTest::person_id(const std::string& municipality, const std::string& number) {
  return lookup(*db_, "SELECT p.id FROM people p JOIN municipalities m ON m.id = p.municipality_id WHERE m.code = :m AND p.personnel_number = :n",
                municipality, {number});
}
std::int64_t ApiTest::function_id(const std::string& municipality, const std::string& code, const std::string& level) {
  return lookup(*db_, "SELECT f.id FROM functions f JOIN municipalities m ON m.id = f.municipality_id WHERE m.code = :m AND f.code = :c AND f.level = :l",
                municipality, {code, level});
}
std::int64_t ApiTest::position_id(const std::string& municipality, const std::string& unit_code) {
  return lookup(*db_, "SELECT MIN(p.id) FROM positions p JOIN units u ON u.id = p.unit_id JOIN municipalities m ON m.id = p.municipality_id WHERE m.code = :m AND u.code = :c",
                municipality, {unit_code});
}

}  // namespace kwm::testing
