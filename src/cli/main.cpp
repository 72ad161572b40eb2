#include <CLI/CLI.hpp>
#include <iostream>
#include <vector>

#include "cli/commands.hpp"
#include "core/error.hpp"

namespace kwm::cli {
namespace {

std::vector<CommandAdder>& command_adders() {
  static std::vector<CommandAdder> adders;
  return adders;
}

}  // namespace

RegisterCommands::RegisterCommands(CommandAdder adder) { command_adders().push_back(adder); }

namespace {
std::vector<std::pair<std::string, ImportKindRunner>>& import_kinds() {
  static std::vector<std::pair<std::string, ImportKindRunner>> kinds;
  return kinds;
}
}  // namespace

RegisterImportKind::RegisterImportKind(const char* kind, ImportKindRunner runner) { import_kinds().emplace_back(kind, runner); }

ImportKindRunner find_import_kind(const std::string& kind) {
  for (const auto& [name, runner] : import_kinds())
    if (name == kind) return runner;
  return nullptr;
}

std::vector<std::string> registered_import_kinds() {
  std::vector<std::string> names;
  for (const auto& entry : import_kinds()) names.push_back(entry.first);
  return names;
}

void add_db_option(CLI::App& command, std::string& url) {
  url = "sqlite:kwartiermaker.db";
  command.add_option("--db", url, "Database: sqlite:PATH or postgresql://user@host:port/name")->capture_default_str();
}

namespace {
int guarded(const std::function<int()>& body) {
  try {
    return body();
  } catch (const Failure& failure) {
    const Error& error = failure.error();
    std::cerr << "kwartiermaker: " << error.message;
    if (!error.field.empty()) std::cerr << " [" << error.field << "]";
    std::cerr << "\n";
    for (const RowError& row : error.rows) {
      std::cerr << "  rij " << row.row;
      if (!row.column.empty()) std::cerr << ", kolom " << row.column;
      std::cerr << ": " << row.message << "\n";
    }
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "kwartiermaker: unexpected error: " << e.what() << "\n";
    return 1;
  }
}
}  // namespace

void run_command(const std::function<int()>& body) {
  const int code = guarded(body);
  // CLI11_PARSE turns this into main's return value without printing anything further.
  if (code != 0) throw CLI::RuntimeError(code);
}

}  // namespace kwm::cli

int main(int argc, char** argv) {
  CLI::App app{"Kwartiermaker: knowledge and competencies for the social domain"};
  app.require_subcommand(1);
  for (kwm::cli::CommandAdder adder : kwm::cli::command_adders()) adder(app);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
