#pragma once
// The framework file format (docs/frameworks.md): reading with errors that name the JSON path of the
// problem, and writing in the same layout the reference files in data/frameworks/ use, so that an
// exported framework can be edited by hand and imported again.
#include <boost/json/value.hpp>
#include <filesystem>
#include <string>
#include <string_view>

#include "competence/framework.hpp"

namespace kwm::competence {

// The version of the file format, written as "format" in every framework file; a file without it is read as
// format 1.
inline constexpr int kFrameworkFormat = 1;

// Parses and validates. Throws Failure (kind invalid) with the JSON path in `field`: "invalid_json"
// (message gives line and column), "missing_field", "wrong_type", "unknown_field", "invalid_kind",
// "invalid_anchor_point", "ascriptive_trait", or any code of framework_problems().
Framework framework_from_json(std::string_view text);
Framework framework_from_value(const boost::json::value& value);

boost::json::value framework_to_value(const Framework& framework);
// Two-space indented JSON ending in a newline.
std::string framework_to_json(const Framework& framework);

// Reads a file; the messages of its failures start with the file name.
Framework read_framework_file(const std::filesystem::path& path);

// Indented JSON text of any value, in the layout framework_to_json uses.
std::string pretty_json(const boost::json::value& value);

}  // namespace kwm::competence
