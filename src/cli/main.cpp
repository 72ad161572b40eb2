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
