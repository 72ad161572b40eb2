#pragma once
// Each capability adds its own subcommands to the one `kwartiermaker` binary from a file of its own in
// src/cli/, with a file-scope `const RegisterCommands registered(&add_my_commands);`. The files are
// compiled straight into the executable, so no registration can be dropped by the linker.
#include <functional>
#include <string>

namespace CLI {
class App;
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

}  // namespace kwm::cli
