#pragma once
// Each capability adds its own subcommands to the one `kwartiermaker` binary from a file of its own in
// src/cli/, with a file-scope `const RegisterCommands registered(&add_my_commands);`. The files are
// compiled straight into the executable, so no registration can be dropped by the linker.
#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}
namespace kwm {
struct Principal;
}
namespace kwm::store {
class Database;
}

namespace kwm::cli {

using CommandAdder = void (*)(CLI::App& app);

struct RegisterCommands {
  explicit RegisterCommands(CommandAdder adder);
};

// Runs a command body from a CLI11 callback and makes its result the process exit code: a kwm::Failure
// becomes "kwartiermaker: <message>" (with field, file row and column where known) on stderr and exit
// code 2; any other exception exit code 1. Use: command->callback([&] { run_command([&] { ...; return 0; }); });
void run_command(const std::function<int()>& body);

// The database URL option every command shares: --db, default sqlite:kwartiermaker.db.
void add_db_option(CLI::App& command, std::string& url);

// More kinds for `kwartiermaker import KIND FILE --municipality CODE` (organisation_commands.cpp), added by
// other capabilities with a file-scope `const RegisterImportKind registered_kind("framework", &import_x);`.
// The importer reads the file's text for the municipality's operator and returns the line to print; a
// Failure with rows is printed as FILE: rij R, kolom C: message, like the organisation files.
using ImportKindRunner = std::string (*)(store::Database& db, const Principal& actor, const std::string& file, const std::string& text);
struct RegisterImportKind {
  RegisterImportKind(const char* kind, ImportKindRunner runner);
};
ImportKindRunner find_import_kind(const std::string& kind);  // nullptr for kinds nobody registered
std::vector<std::string> registered_import_kinds();

}  // namespace kwm::cli
