// `kwartiermaker openapi`: the API contract without a running server. The web app's build turns it into its
// TypeScript types (web/scripts/api-types.mjs), so a server change the web app does not follow fails that build.
#include <CLI/CLI.hpp>
#include <boost/json/serialize.hpp>

#include <fstream>
#include <iostream>

#include "api/routes.hpp"
#include "cli/commands.hpp"
#include "core/error.hpp"
#include "http/login_throttle.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace kwm::cli {
namespace {

int write_contract(const std::string& out) {
  // The routes need a database to register against; an empty one in memory is never read.
  store::Database db("sqlite::memory:", 1);
  store::migrate(db);
  http::Router router;
  http::LoginThrottle throttle;
  api::add_all_routes(router, db, throttle);
  const std::string document = boost::json::serialize(api::openapi_document(router));
  if (out.empty() || out == "-") {
    std::cout << document << "\n";
    return 0;
  }
  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  if (!file) fail(ErrorKind::invalid, "unwritable_file", "Kan " + out + " niet schrijven", "out");
  file << document << "\n";
  if (!file.flush()) fail(ErrorKind::invalid, "unwritable_file", "Kan " + out + " niet schrijven", "out");
  return 0;
}

void add_contract_command(CLI::App& app) {
  auto out = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand("openapi", "Write the OpenAPI document of the JSON API (no server needed)");
  command->add_option("--out", *out, "Target file (default: standard output)");
  command->callback([out] { run_command([&] { return write_contract(*out); }); });
}

const RegisterCommands registered(&add_contract_command);

}  // namespace
}  // namespace kwm::cli
