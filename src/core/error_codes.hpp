#pragma once
// Every error code the API and the CLI can answer with, and what it means. The list is the `ErrorCode` enum of
// openapi.json (so the web app's generated types know each code), and the API test harness fails on any error
// answer whose code is missing here, so a new code cannot slip out undocumented.
#include <span>
#include <string_view>

namespace kwm {

struct ErrorCodeEntry {
  std::string_view code;
  std::string_view meaning;  // for API users, in English like the rest of the developer documentation
};

std::span<const ErrorCodeEntry> error_codes();  // sorted by code
bool is_error_code(std::string_view code);

}  // namespace kwm
