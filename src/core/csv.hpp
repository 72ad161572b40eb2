#pragma once
// A CSV reader for what municipalities export from Excel: UTF-8 with or without BOM, comma or semicolon
// (detected from the header line), quoted fields with embedded separators, quotes and newlines, CRLF.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace kwm::csv {

struct Record {
  std::int64_t row = 0;  // spreadsheet row number: the header is row 1
  std::vector<std::string> fields;
};

struct Table {
  char separator = ',';
  bool decimal_comma = false;  // Dutch Excel writes semicolons and decimal commas together
  std::vector<std::string> header;
  std::vector<Record> records;

  // Index of a header name, or empty when the file does not have that column.
  std::optional<std::size_t> column(std::string_view name) const;
};

// Throws Failure (code "csv_malformed", with the row) on an unterminated quote or an empty file.
Table parse(std::string_view text);

// Writes one line with quoting where a field needs it (also spaces or tabs at its edges, which parse() trims
// from unquoted fields); the line ends in "\r\n" as Excel expects. A text a spreadsheet would run as a
// formula (one starting with = + - @, a tab or a carriage return, and not a plain number such as -0.5) is
// written with a leading apostrophe and quoted, so that it shows as text; so is a text that starts with
// apostrophes followed by such a start ("'=1"), so that it is not mistaken for a guarded one.
std::string format_line(const std::vector<std::string>& fields, char separator = ',');

// The apostrophe format_line puts before such a text, and parse() takes off again, so that every export
// imports unchanged: without_formula_guard(with_formula_guard(text)) == text for every text.
std::string with_formula_guard(std::string_view field);
std::string without_formula_guard(std::string field);

}  // namespace kwm::csv
