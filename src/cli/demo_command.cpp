// demo: fills a database (or a folder of CSV files) with synthetic demo municipalities.
//
// Re-running on a database that already holds one of the demo municipalities fails with a clear message
// before anything is written: the demo makes new municipalities and a new login, it does not top up old
// ones. Remove the database (scripts/demo does) or pick another one to start again.
#include <CLI/CLI.hpp>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "core/csv.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "demo/generator.hpp"
#include "demo/login.hpp"
#include "org/model.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "org/service.hpp"
#include "store/org_repository.hpp"
#include "store/user_store.hpp"

namespace kwm::cli {
namespace {

namespace fs = std::filesystem;

struct DemoOptions {
  std::string db;
  std::string size = "medium";
  std::uint64_t seed = 1;
  std::string reference_date;
  std::string write_csv;
};

// The four files in the order they import: units before the positions and people that refer to them.
struct DemoFile {
  org::ImportKind kind;
  const char* file_name;
  const std::string demo::DemoMunicipality::*text;
};
constexpr DemoFile kFiles[] = {
    {org::ImportKind::Units, "units.csv", &demo::DemoMunicipality::units_csv},
    {org::ImportKind::Functions, "functions.csv", &demo::DemoMunicipality::functions_csv},
    {org::ImportKind::Positions, "positions.csv", &demo::DemoMunicipality::positions_csv},
    {org::ImportKind::People, "people.csv", &demo::DemoMunicipality::people_csv},
};

// The benchmark's single tenant holding every national demo municipality.
constexpr const char* kMergedCode = "GM9000";
constexpr const char* kMergedName = "Alle demogemeenten";

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) fail_invalid("write-csv", fmt::format("Kan '{}' niet schrijven", path.string()));
}

std::string municipality_line(const demo::DemoMunicipality& m) {
  return csv::format_line({m.code, m.name, std::to_string(m.inhabitants), m.region});
}

void write_municipality(const fs::path& folder, const demo::DemoMunicipality& m) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) fail_invalid("write-csv", fmt::format("Kan map '{}' niet maken: {}", folder.string(), ec.message()));
  for (const DemoFile& file : kFiles) write_file(folder / file.file_name, m.*file.text);
}

std::int64_t data_rows(const std::string& text) {
  std::int64_t lines = 0;
  for (char c : text) lines += c == '\n';
  return lines - 1;  // the header
}

// Per municipality a folder with the four files, and municipalities.csv listing them. The national size
// also gets merged/: every municipality folded into one tenant (see demo::merge), the benchmark's input.
int write_csv(const DemoOptions& opts, demo::Size size, const std::vector<demo::DemoMunicipality>& municipalities) {
  const fs::path root(opts.write_csv);
  std::string listing = csv::format_line({"code", "name", "inhabitants", "region"});
  for (const auto& m : municipalities) {
    write_municipality(root / m.code, m);
    listing += municipality_line(m);
  }
  write_file(root / "municipalities.csv", listing);
  std::int64_t people = 0;
  for (const auto& m : municipalities) people += data_rows(m.people_csv);
  std::cout << fmt::format("{} demogemeente(n) met samen {} personen geschreven naar {}\n", municipalities.size(), people,
                           root.string());
  if (size == demo::Size::national) {
    const demo::DemoMunicipality merged = demo::merge(municipalities, kMergedCode, kMergedName);
    write_municipality(root / "merged", merged);
    write_file(root / "merged" / "municipality.csv",
               csv::format_line({"code", "name", "inhabitants", "region"}) + municipality_line(merged));
    std::cout << fmt::format("Samengevoegd voor de importbenchmark: {} ({} personen)\n", (root / "merged").string(),
                             data_rows(merged.people_csv));
  }
  return 0;
}

Principal operator_for(const org::Municipality& municipality) {
  Principal principal;
  principal.username = "demo";
  principal.municipality_id = municipality.id;
  principal.municipality_code = municipality.code;
  principal.role = Role::admin;
  return principal;
}

void create_demo_login(store::Database& db, const Principal& actor, const demo::DemoMunicipality& m) {
  store::NewUser user;
  user.municipality_id = actor.municipality_id;
  // "hr.haverwolde": the municipality's name in lower case, letters and digits only.
  user.username = "hr.";
  for (char c : m.name) {
    if (std::isalnum(static_cast<unsigned char>(c))) user.username += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  user.password = demo::generate_password();
  user.role = Role::hr;
  store::create_user(db, actor, user);
  std::cout << fmt::format("Demo-login (hr): gebruikersnaam {}  wachtwoord {}\n", user.username, user.password);
}

int fill_database(const DemoOptions& opts, demo::Size size, const std::vector<demo::DemoMunicipality>& municipalities) {
  store::Database db(opts.db, 1);
  for (const std::string& applied : store::migrate(db)) std::cout << "Migratie toegepast: " << applied << "\n";
  const auto organisation = store::organisation_service(db);
  // Checked for all before any is made, so that a re-run writes nothing at all.
  for (const auto& m : municipalities) {
    if (organisation->find_municipality(m.code)) {
      fail(ErrorKind::conflict, "municipality_exists",
           fmt::format("Demogemeente {} ({}) bestaat al in deze database; de demo maakt nieuwe gemeenten en vult geen "
                       "bestaande aan. Gebruik een lege database of verwijder deze eerst.",
                       m.code, m.name),
           "db");
    }
  }
  for (const auto& m : municipalities) {
    org::Municipality municipality;
    municipality.code = m.code;
    municipality.name = m.name;
    municipality.inhabitants = m.inhabitants;
    municipality.region = m.region;
    Principal actor;
    actor.username = "demo";
    actor.role = Role::admin;
    municipality.id = organisation->create_municipality(actor, municipality);
    actor = operator_for(municipality);
    std::int64_t counts[std::size(kFiles)] = {};
    for (std::size_t i = 0; i < std::size(kFiles); ++i) {
      counts[i] = organisation->import_file(actor, kFiles[i].kind, m.*kFiles[i].text).rows;
    }
    std::cout << fmt::format("{} {} ({} inwoners, {}): {} eenheden, {} functieniveaus, {} formatieregels, {} personen\n",
                             m.code, m.name, m.inhabitants, m.region, counts[0], counts[1], counts[2], counts[3]);
    if (size == demo::Size::medium) create_demo_login(db, actor, m);
  }
  return 0;
}

int run_demo(const DemoOptions& opts) {
  const auto size = demo::size_from_string(opts.size);
  if (!size) fail_invalid("size", fmt::format("Onbekende omvang '{}': kies small, medium, large of national", opts.size));
  Date reference = Date::today();
  if (!opts.reference_date.empty()) {
    const auto parsed = Date::parse(opts.reference_date);
    if (!parsed) fail_invalid("reference-date", fmt::format("'{}' is geen datum (JJJJ-MM-DD)", opts.reference_date));
    reference = *parsed;
  }
  const auto municipalities = demo::generate(*size, opts.seed, reference);
  if (!opts.write_csv.empty()) return write_csv(opts, *size, municipalities);
  return fill_database(opts, *size, municipalities);
}

void add_demo_command(CLI::App& app) {
  auto opts = std::make_shared<DemoOptions>();
  CLI::App* demo = app.add_subcommand("demo", "Create synthetic demo municipalities (deterministic per seed)");
  add_db_option(*demo, opts->db);
  demo->add_option("--size", opts->size, "small, medium (with a demo HR login), large or national (340 municipalities)")
      ->capture_default_str();
  demo->add_option("--seed", opts->seed, "Seed of the generator: the same seed gives the same municipalities")
      ->capture_default_str();
  demo->add_option("--reference-date", opts->reference_date,
                   "Date that contract and position ends are relative to (YYYY-MM-DD; default today)");
  demo->add_option("--write-csv", opts->write_csv, "Write the CSV files to this folder instead of a database")
      ->excludes(demo->get_option("--db"));
  demo->callback([opts] { run_command([&] { return run_demo(*opts); }); });
}

const RegisterCommands registered(&add_demo_command);

}  // namespace
}  // namespace kwm::cli
