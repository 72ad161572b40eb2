#pragma once
// The one error type of Kwartiermaker: a machine-readable code, a Dutch message for people, and the field
// (or file column) it concerns. Domain code throws kwm::Failure; the HTTP layer maps the kind to a status
// and the CLI to an exit code, so neither the domain nor the store needs to know about either.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace kwm {

// The HTTP status of each kind is decided in one place, http::status_for.
enum class ErrorKind {
  bad_request,         // 400: the request cannot be read at all (not HTTP, not JSON)
  invalid,             // 422: readable, but a field or row breaks a rule
  unauthenticated,     // 401
  forbidden,           // 403
  not_found,           // 404
  method_not_allowed,  // 405
  conflict,            // 409
  too_large,           // 413
  rate_limited,        // 429
  internal,            // 500: never for bad input
};

// One problem in one cell of an imported file: row counts data rows from 1 after the header line
// is row 1 (so the numbers match what a spreadsheet shows), column is the header name.
struct RowError {
  std::int64_t row = 0;
  std::string column;
  std::string message;
};

struct Error {
  ErrorKind kind = ErrorKind::invalid;
  std::string code;
  std::string message;
  std::string field;
  std::vector<RowError> rows;
};

class Failure : public std::runtime_error {
 public:
  explicit Failure(Error error) : std::runtime_error(error.message), error_(std::move(error)) {}
  const Error& error() const noexcept { return error_; }

 private:
  Error error_;
};

[[noreturn]] inline void fail(ErrorKind kind, std::string code, std::string message, std::string field = {}) {
  throw Failure(Error{kind, std::move(code), std::move(message), std::move(field), {}});
}
[[noreturn]] inline void fail_invalid(std::string field, std::string message, std::string code = "invalid") {
  fail(ErrorKind::invalid, std::move(code), std::move(message), std::move(field));
}
[[noreturn]] inline void fail_not_found(std::string what) {
  fail(ErrorKind::not_found, "not_found", what + " niet gevonden");
}

}  // namespace kwm
