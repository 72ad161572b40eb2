// `kwartiermaker place`: solves a placement problem given as JSON (docs/placement-format.md). Bad input
// exits with code 2 and a message naming the JSON path; the --out file is only written on success, and
// then in one step (written beside it and renamed), so a reader never sees half a result.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "placement/json_format.hpp"
#include "placement/placement.hpp"

namespace kwm::cli {
namespace {

struct PlaceOptions {
  std::string problem_file;
  std::string out_file;
  bool margins = false;
};

std::string read_file(const std::string& path) {
  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(path, error);  // fails for a directory, too
  std::ifstream in(path, std::ios::binary);
  if (error || !in) fail_invalid(path, "cannot read the problem file", "unreadable_file");
  // One allocation of the file's size: problem files can be hundreds of megabytes.
  std::string text(static_cast<std::size_t>(size), '\0');
  if (!in.read(text.data(), static_cast<std::streamsize>(text.size())))
    fail_invalid(path, "cannot read the problem file", "unreadable_file");
  return text;
}

void write_file_atomically(const std::string& path, const std::string& text) {
  const std::string temporary = path + ".partial";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      std::remove(temporary.c_str());
      fail_invalid(path, "cannot write the result file", "unwritable_file");
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    fail_invalid(path, "cannot write the result file", "unwritable_file");
  }
}

double milliseconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

int place(const PlaceOptions& options) {
  const std::string text = read_file(options.problem_file);
  placement::Timing timing;
  auto start = std::chrono::steady_clock::now();
  placement::ParsedProblem parsed;
  try {
    parsed = placement::parse_problem(text);
  } catch (const Failure& failure) {
    Error error = failure.error();
    error.message = options.problem_file + ": " + error.message;
    throw Failure(std::move(error));
  }
  timing.parse_ms = milliseconds_since(start);

  start = std::chrono::steady_clock::now();
  const placement::Solution solution = placement::solve(parsed.problem);
  timing.solve_ms = milliseconds_since(start);

  std::vector<placement::Margin> margins;
  if (options.margins) margins = placement::margins(parsed.problem, solution);
  const std::string result =
      placement::format_result(parsed, solution, timing, options.margins ? &margins : nullptr);
  if (options.out_file.empty())
    std::cout << result;
  else
    write_file_atomically(options.out_file, result);
  return 0;
}

void add_place_commands(CLI::App& app) {
  auto options = std::make_shared<PlaceOptions>();
  CLI::App* command = app.add_subcommand("place", "Solve a placement problem (JSON) round by round, exactly");
  command->add_option("--problem", options->problem_file, "Problem file (JSON, see docs/placement-format.md)")
      ->required();
  command->add_option("--out", options->out_file, "Result file (JSON); standard output when absent");
  command->add_flag("--margins", options->margins,
                    "Also report, for every available pair not chosen, how many points more it needed");
  command->callback([options] { run_command([&] { return place(*options); }); });
}

const RegisterCommands registered(&add_place_commands);

}  // namespace
}  // namespace kwm::cli
