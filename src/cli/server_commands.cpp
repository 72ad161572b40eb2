// serve, migrate, backup and restore: running the product and keeping its database.
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <thread>
#include <unistd.h>

#include "api/routes.hpp"
#include "cli/commands.hpp"
#include "core/error.hpp"
#include "http/login_throttle.hpp"
#include "http/server.hpp"
#include "store/backup.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace kwm::cli {
namespace {

struct ServeOptions {
  std::string db;
  std::string listen = "127.0.0.1:8080";
  std::string web_root;
  unsigned threads = 0;
  bool behind_https = false;
  std::vector<std::string> trusted_proxies;
  std::string forwarded_header = "x-forwarded-for";
};

// --trusted-proxy blocks and --forwarded-header: whose header names the client (http/client_address.hpp).
http::ProxyTrust proxy_trust(const ServeOptions& opts) {
  http::ProxyTrust trust;
  for (const std::string& text : opts.trusted_proxies) {
    const auto block = http::AddressBlock::parse(text);
    if (!block) {
      fail_invalid("trusted-proxy", "'" + text + "' is geen IP-adres of adresblok (CIDR), zoals 10.0.0.0/8 of 2001:db8::/32");
    }
    trust.proxies.push_back(*block);
  }
  const auto header = http::forwarded_header_from_string(opts.forwarded_header);
  if (!header) fail_invalid("forwarded-header", "Kies voor --forwarded-header x-forwarded-for of forwarded");
  trust.header = *header;
  return trust;
}

void split_listen(const std::string& listen, http::ServerOptions& options) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos) fail_invalid("listen", "Geef --listen als HOST:POORT, bijvoorbeeld 127.0.0.1:8080");
  options.host = listen.substr(0, colon);
  if (options.host.size() > 2 && options.host.front() == '[' && options.host.back() == ']')
    options.host = options.host.substr(1, options.host.size() - 2);
  try {
    const int port = std::stoi(listen.substr(colon + 1));
    if (port < 0 || port > 65535) throw std::out_of_range("port");
    options.port = static_cast<unsigned short>(port);
  } catch (const std::exception&) {
    fail_invalid("listen", "De poort in --listen moet een getal van 0 tot 65535 zijn");
  }
}

// The built web app: given, or web/dist beside the working directory or beside the source tree of the binary.
std::string find_web_root(const std::string& given) {
  if (!given.empty()) {
    if (!std::filesystem::exists(std::filesystem::path(given) / "index.html"))
      fail_invalid("web-root", "In " + given + " staat geen index.html: bouw eerst de webapp (npm run build in web/)");
    return given;
  }
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  for (const auto& candidate : {std::filesystem::path("web/dist"), exe.parent_path() / "../web/dist"}) {
    if (std::filesystem::exists(candidate / "index.html", ec)) return candidate.string();
  }
  spdlog::warn("no built web app found (web/dist): serving the API only");
  return {};
}

int serve(const ServeOptions& opts) {
  // Handlers block on the database, so more threads than cores keep the cores busy. The pool grows with the
  // threads (it was a fixed 8, which starved a --threads above 8): two connections per thread, so that a
  // handler holding one never waits for another while every thread does the same.
  const unsigned threads = opts.threads != 0 ? opts.threads : std::max(4u, 2 * std::thread::hardware_concurrency());
  store::Database db(opts.db, 2 * threads);
  store::require_current_schema(db);
  http::ServerOptions options;
  split_listen(opts.listen, options);
  options.web_root = find_web_root(opts.web_root);
  options.threads = threads;
  options.behind_https = opts.behind_https;
  options.proxy_trust = proxy_trust(opts);
  for (const http::AddressBlock& block : options.proxy_trust.proxies) {
    spdlog::info("trusting {} from proxies in {}", to_string(options.proxy_trust.header), block.to_string());
  }
  http::Router router;
  http::LoginThrottle throttle;
  api::add_all_routes(router, db, throttle);
  http::Server server(options, router, db);
  server.stop_on_signals();
  server.start();
  std::cout << "Kwartiermaker luistert op http://" << options.host << ":" << server.port() << "/" << std::endl;
  server.wait();
  spdlog::info("stopped");
  return 0;
}

int migrate(const std::string& url) {
  store::Database db(url, 1);
  const auto applied = store::migrate(db);
  if (applied.empty()) std::cout << "Het schema is al bij (versie " << store::schema_status(db).current << ")\n";
  for (const auto& name : applied) std::cout << "toegepast: " << name << "\n";
  return 0;
}

struct RestoreArguments {
  std::string db;
  std::string from;
  bool force = false;
};

int restore(const RestoreArguments& args) {
  store::RestoreOptions options;
  options.replace_existing = args.force;
  const store::RestoreSummary summary = store::restore(args.from, args.db, options);
  long long rows = 0;
  long long municipalities = 0;
  for (const store::TableRows& table : summary.tables) {
    if (table.table == "schema_migrations") continue;
    rows += table.rows;
    if (table.table == "municipalities") municipalities = table.rows;
  }
  std::cout << "Hersteld uit " << args.from << " naar " << args.db << ": schemaversie " << summary.schema_version << ", "
            << municipalities << " gemeente(n), " << rows << " rijen in " << summary.tables.size()
            << " tabellen (inlogsessies worden nooit hersteld)\n";
  for (const store::TableRows& table : summary.tables) {
    if (table.rows > 0) std::cout << "  " << table.table << ": " << table.rows << "\n";
  }
  if (summary.pending_migrations > 0) {
    std::cout << "De back-up mist " << summary.pending_migrations
              << " migratie(s) van deze versie: voer 'kwartiermaker migrate --db " << args.db << "' uit\n";
  }
  return 0;
}

void add_server_commands(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* serve_command = app.add_subcommand("serve", "Start the web server");
  add_db_option(*serve_command, options->db);
  serve_command->add_option("--listen", options->listen, "HOST:PORT to listen on")->capture_default_str();
  serve_command->add_option("--web-root", options->web_root, "Folder of the built web app (default: web/dist)");
  serve_command->add_option("--threads", options->threads, "Worker threads (default: twice the cores, at least 4)");
  serve_command->add_flag("--behind-https,--secure-cookies", options->behind_https,
                          "Clients connect over HTTPS (a TLS proxy in front): Secure cookies and HSTS");
  serve_command->add_option("--trusted-proxy", options->trusted_proxies,
                            "Address or CIDR block of a reverse proxy whose forwarded-for header names the client "
                            "(repeatable)");
  serve_command->add_option("--forwarded-header", options->forwarded_header,
                            "Header the trusted proxies write: x-forwarded-for or forwarded (RFC 7239)")
      ->capture_default_str();
  serve_command->callback([options] { run_command([&] { return serve(*options); }); });

  auto migrate_url = std::make_shared<std::string>();
  CLI::App* migrate_command = app.add_subcommand("migrate", "Apply pending schema migrations");
  add_db_option(*migrate_command, *migrate_url);
  migrate_command->callback([migrate_url] { run_command([&] { return migrate(*migrate_url); }); });

  auto backup_url = std::make_shared<std::string>();
  auto backup_target = std::make_shared<std::string>();
  CLI::App* backup_command = app.add_subcommand("backup", "Copy the database to a file (SQLite backup, pg_dump)");
  add_db_option(*backup_command, *backup_url);
  backup_command->add_option("--to", *backup_target, "Target file")->required();
  backup_command->callback([backup_url, backup_target] {
    run_command([&] {
      store::backup(*backup_url, *backup_target);
      std::cout << "Back-up geschreven naar " << *backup_target << "\n";
      return 0;
    });
  });

  auto restore_args = std::make_shared<RestoreArguments>();
  CLI::App* restore_command =
      app.add_subcommand("restore", "Put a backup into an empty database (SQLite backup, pg_dump via psql)");
  add_db_option(*restore_command, restore_args->db);
  restore_command->add_option("--from", restore_args->from, "Backup file made by `kwartiermaker backup`")->required();
  restore_command->add_flag("--force", restore_args->force, "Replace the contents of a database that is not empty");
  restore_command->callback([restore_args] { run_command([&] { return restore(*restore_args); }); });
}

const RegisterCommands registered(&add_server_commands);

}  // namespace
}  // namespace kwm::cli
