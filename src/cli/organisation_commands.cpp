// municipality add/list, import and export: the organisation model from the command line. The operator
// acts as user 0 ("cli") with admin rights in the municipality named on the command line.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "org/csv_import.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "org/service.hpp"
#include "store/org_repository.hpp"
#include "table/file.hpp"

namespace kwm::cli {
namespace {

struct MunicipalityOptions {
  std::string db;
  std::string code;
  std::string name;
  std::int64_t inhabitants = -1;
  std::string region;
};

struct FileOptions {
  std::string db;
  std::string kind;
  std::string file;
  std::string municipality;
  std::string format = "csv";
  std::string out;
};

Principal operator_of(const org::Municipality& municipality) {
  Principal principal;
  principal.user_id = 0;
  principal.username = "cli";
  principal.role = Role::admin;
  principal.municipality_id = municipality.id;
  principal.municipality_code = municipality.code;
  return principal;
}

org::Municipality existing_municipality(store::Database& db, const std::string& code) {
  auto municipality = store::organisation_service(db)->find_municipality(code);
  if (!municipality) {
    fail_invalid("municipality", fmt::format("Gemeente '{}' bestaat niet; maak haar aan met 'kwartiermaker municipality add'", code));
  }
  return *municipality;
}

org::ImportKind kind_of(const std::string& text) {
  if (auto kind = org::import_kind_from_string(text)) return *kind;
  fail_invalid("KIND", fmt::format("Onbekende soort '{}'; kies uit {}, {}", text, org::allowed_values(org::ImportKind{}),
                                   fmt::join(registered_import_kinds(), ", ")));
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail_invalid("FILE", fmt::format("Het bestand '{}' is niet te openen", path));
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

int add_municipality(const MunicipalityOptions& opts) {
  store::Database db(opts.db, 1);
  store::require_current_schema(db);
  org::Municipality municipality;
  municipality.code = opts.code;
  municipality.name = opts.name;
  municipality.inhabitants = opts.inhabitants;
  municipality.region = opts.region;
  Principal operator_principal;
  operator_principal.username = "cli";
  operator_principal.role = Role::admin;
  const std::int64_t id = store::organisation_service(db)->create_municipality(operator_principal, municipality);
  std::cout << fmt::format("Gemeente {} ({}) aangemaakt met id {}\n", opts.code, opts.name, id);
  return 0;
}

int list_municipalities(const std::string& url) {
  store::Database db(url, 1);
  store::require_current_schema(db);
  for (const org::Municipality& municipality : store::organisation_service(db)->municipalities()) {
    std::cout << fmt::format("{}\t{}\t{} inwoners", municipality.code, municipality.name, municipality.inhabitants);
    if (!municipality.region.empty()) std::cout << "\t" << municipality.region;
    std::cout << "\n";
  }
  return 0;
}

int import_command(const FileOptions& opts) {
  const ImportKindRunner other_kind = find_import_kind(opts.kind);
  const org::ImportKind kind = other_kind ? org::ImportKind{} : kind_of(opts.kind);
  const std::string text = read_file(opts.file);
  store::Database db(opts.db, 1);
  store::require_current_schema(db);
  const Principal principal = operator_of(existing_municipality(db, opts.municipality));
  try {
    if (other_kind) {
      std::cout << other_kind(db, principal, opts.file, text) << "\n";
      return 0;
    }
    const org::ImportReport report = store::organisation_service(db)->import_file(principal, kind, text);
    std::cout << fmt::format("{} {} ingelezen uit {} ({}, gemeente {}): {} nieuw, {} gewijzigd, {} ongewijzigd\n", report.rows,
                             report.rows == 1 ? "rij" : "rijen", opts.file, opts.kind, opts.municipality, report.counts.created,
                             report.counts.updated, report.counts.unchanged);
    return 0;
  } catch (const Failure& failure) {
    const Error& error = failure.error();
    if (error.rows.empty()) throw;
    // One line per problem, in the form editors and CI logs link to: FILE: rij R, kolom C: message.
    for (const RowError& row : error.rows) {
      std::cerr << opts.file << ": rij " << row.row;
      if (!row.column.empty()) std::cerr << ", kolom " << row.column;
      std::cerr << ": " << row.message << "\n";
    }
    std::cerr << opts.file << ": " << error.message << "\n";
    return 2;
  }
}

int export_command(const FileOptions& opts) {
  const org::ImportKind kind = kind_of(opts.kind);
  if (opts.format != "csv" && opts.format != "xlsx") {
    fail_invalid("format", fmt::format("Onbekend formaat '{}'; kies csv of xlsx", opts.format));
  }
  store::Database db(opts.db, 1);
  store::require_current_schema(db);
  const Principal principal = operator_of(existing_municipality(db, opts.municipality));
  const Table table = store::organisation_service(db)->export_table(principal, kind);
  const std::string bytes = opts.format == "xlsx" ? table::to_xlsx(table) : table::to_csv(table);
  if (opts.out.empty()) {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return 0;
  }
  std::ofstream out(opts.out, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) fail_invalid("out", fmt::format("Kon '{}' niet schrijven", opts.out));
  std::cerr << fmt::format("{} {} geschreven naar {}\n", table.rows.size(), table.rows.size() == 1 ? "rij" : "rijen", opts.out);
  return 0;
}

void add_organisation_commands(CLI::App& app) {
  CLI::App* municipality = app.add_subcommand("municipality", "Manage municipalities (tenants)");
  municipality->require_subcommand(1);

  auto add_opts = std::make_shared<MunicipalityOptions>();
  CLI::App* add = municipality->add_subcommand("add", "Create a municipality");
  add_db_option(*add, add_opts->db);
  add->add_option("--code", add_opts->code, "CBS code: GM and four digits, e.g. GM0363")->required();
  add->add_option("--name", add_opts->name, "Name of the municipality")->required();
  add->add_option("--inhabitants", add_opts->inhabitants, "Number of inhabitants")->required()->check(CLI::NonNegativeNumber);
  add->add_option("--region", add_opts->region, "Region, e.g. the labour-market region");
  add->callback([add_opts] { run_command([&] { return add_municipality(*add_opts); }); });

  auto list_db = std::make_shared<std::string>();
  CLI::App* list = municipality->add_subcommand("list", "List the municipalities");
  add_db_option(*list, *list_db);
  list->callback([list_db] { run_command([&] { return list_municipalities(*list_db); }); });

  auto import_opts = std::make_shared<FileOptions>();
  CLI::App* import = app.add_subcommand("import", "Import a CSV file (all rows or none; see docs/csv.md)");
  add_db_option(*import, import_opts->db);
  import->add_option("KIND", import_opts->kind, "units, functions, positions, people, or a kind of another capability (framework, profiles, assessments)")->required();
  import->add_option("FILE", import_opts->file, "CSV file: UTF-8, comma or semicolon separated")->required();
  import->add_option("--municipality", import_opts->municipality, "CBS code of the municipality, e.g. GM0363")->required();
  import->callback([import_opts] { run_command([&] { return import_command(*import_opts); }); });

  auto export_opts = std::make_shared<FileOptions>();
  CLI::App* export_cmd = app.add_subcommand("export", "Export in the import format");
  add_db_option(*export_cmd, export_opts->db);
  export_cmd->add_option("KIND", export_opts->kind, "units, functions, positions or people")->required();
  export_cmd->add_option("--municipality", export_opts->municipality, "CBS code of the municipality, e.g. GM0363")->required();
  export_cmd->add_option("--format", export_opts->format, "csv or xlsx")->capture_default_str();
  export_cmd->add_option("--out", export_opts->out, "Output file (default: standard output)");
  export_cmd->callback([export_opts] { run_command([&] { return export_command(*export_opts); }); });
}

const RegisterCommands registered(&add_organisation_commands);

}  // namespace
}  // namespace kwm::cli
