// The competency framework file format (competence/framework_json.hpp): any bytes as a framework file.
// Besides the sanitizers: a framework that reads writes back to a text that reads as the same framework.
#include <cstdint>
#include <string>

#include "competence/framework_json.hpp"
#include "core/error.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kwm;
  competence::Framework framework;
  try {
    framework = competence::framework_from_json(fuzz::text_of(data, size));
  } catch (const Failure&) {
    return 0;
  }
  const std::string written = competence::framework_to_json(framework);
  competence::Framework again;
  try {
    again = competence::framework_from_json(written);
  } catch (const Failure& failure) {
    std::fprintf(stderr, "re-reading failed: %s (%s)\n%s\n", failure.what(), failure.error().field.c_str(), written.c_str());
    fuzz::require(false, "a written framework reads back");
  }
  fuzz::require(competence::framework_to_json(again) == written, "a written framework reads back the same");
  return 0;
}
