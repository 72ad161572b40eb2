// The request-body readers of the wire format (core/wire.hpp) for the organisation's structs
// (org/wire.hpp): any bytes as a JSON body, read as each struct the API accepts. Besides the sanitizers:
// what reads writes back to JSON that reads again to the same JSON.
#include <boost/json.hpp>

#include <cstdint>

#include "core/error.hpp"
#include "core/wire.hpp"
#include "fuzz_support.hpp"
#include "org/wire.hpp"

namespace {

using namespace kwm;

template <typename T>
void read_as(const boost::json::value& body) {
  T value;
  try {
    value = wire::from_json<T>(body);
  } catch (const Failure& failure) {
    fuzz::require(failure.error().kind == ErrorKind::invalid, "a body that does not read is invalid (422)");
    return;
  }
  const boost::json::value written = wire::to_json(value);
  const boost::json::value again = wire::to_json(wire::from_json<T>(written));
  fuzz::require(again == written, "a body read and written reads again the same");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  boost::system::error_code error;
  const boost::json::value body = boost::json::parse(fuzz::text_of(data, size), error);
  if (error) return 0;
  read_as<org::Unit>(body);
  read_as<org::Function>(body);
  read_as<org::Position>(body);
  read_as<org::Person>(body);
  read_as<org::Municipality>(body);
  read_as<org::Cooperation>(body);
  return 0;
}
