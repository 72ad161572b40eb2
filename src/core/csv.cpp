#include "core/csv.hpp"

#include <algorithm>

#include "core/text_policy.hpp"

namespace kwm::csv {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

char detect_separator(std::string_view text) {
  const auto end_of_header = text.find_first_of("\r\n");
  const std::string_view header = text.substr(0, end_of_header);
  const auto semicolons = std::count(header.begin(), header.end(), ';');
  const auto commas = std::count(header.begin(), header.end(), ',');
  return semicolons > commas ? ';' : ',';
}

[[noreturn]] void fail_malformed(std::int64_t row, std::string message) {
  Error error{ErrorKind::invalid, "csv_malformed", message, {}, {}};
  error.rows.push_back(RowError{row, {}, std::move(message)});
  throw Failure(std::move(error));
}

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV injection").
bool starts_like_a_formula(std::string_view text) {
  return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

// -12, +0.5, -0,75: numbers stay numbers, also with a sign.
bool is_plain_number(std::string_view text) {
  std::size_t i = text.front() == '-' || text.front() == '+' ? 1 : 0;
  bool digits = false, separator = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits = true;
    } else if ((c == '.' || c == ',') && !separator) {
      separator = true;
    } else {
      return false;
    }
  }
  return digits;
}

// A text that, after any apostrophes, starts like a formula and is no plain number. Such a text is written
// with one apostrophe more and read with one less, so a text that itself starts with the guard ("'=1")
// reads back unchanged too.
bool needs_formula_guard(std::string_view text) {
  const std::string_view rest = text.substr(std::min(text.find_first_not_of('\''), text.size()));
  return starts_like_a_formula(rest) && !is_plain_number(rest);
}

// The reader trims spaces and tabs around unquoted fields, so a field with them at an edge is quoted.
bool has_edge_whitespace(std::string_view text) {
  return !text.empty() && (text.front() == ' ' || text.front() == '\t' || text.back() == ' ' || text.back() == '\t');
}

bool is_blank(const std::vector<std::string>& fields) {
  return std::all_of(fields.begin(), fields.end(), [](const std::string& f) {
    return f.find_first_not_of(" \t") == std::string::npos;
  });
}

std::string trim(std::string value) {
  const auto first = value.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  const auto last = value.find_last_not_of(" \t");
  return value.substr(first, last - first + 1);
}

// Every cell must be UTF-8 and is stored in normal form C (core/text_policy.hpp); each cell that is not
// UTF-8 is reported with its row and column, the file as a whole refused.
void to_normal_form(Table& table) {
  std::vector<RowError> problems;
  auto normalise = [&](std::string& cell, std::int64_t row, std::size_t column) {
    try {
      cell = accept_utf8(cell, {});
    } catch (const Failure& failure) {
      const std::string name = column < table.header.size() ? table.header[column] : "kolom " + std::to_string(column + 1);
      problems.push_back(RowError{row, name, failure.error().message});
    }
  };
  for (std::size_t c = 0; c < table.header.size(); ++c) normalise(table.header[c], 1, c);
  for (Record& record : table.records) {
    for (std::size_t c = 0; c < record.fields.size(); ++c) normalise(record.fields[c], record.row, c);
  }
  if (problems.empty()) return;
  Error error{ErrorKind::invalid, "invalid_utf8",
              "Het bestand is geen geldige UTF-8; sla het op als 'CSV UTF-8' en lees het opnieuw in", {}, {}};
  error.rows = std::move(problems);
  throw Failure(std::move(error));
}

}  // namespace

std::optional<std::size_t> Table::column(std::string_view name) const {
  const auto it = std::find(header.begin(), header.end(), name);
  if (it == header.end()) return std::nullopt;
  return static_cast<std::size_t>(it - header.begin());
}

Table parse(std::string_view text) {
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) fail_malformed(1, "Het bestand is leeg: een kopregel ontbreekt");

  Table table;
  table.separator = detect_separator(text);
  table.decimal_comma = table.separator == ';';

  std::vector<std::string> fields;
  std::string field;
  std::int64_t line = 1;             // physical line, for messages about quoting
  std::int64_t record_start = 1;     // spreadsheet row of the record being read
  std::int64_t record_number = 0;    // 0 is the header
  bool in_quotes = false;
  bool field_was_quoted = false;

  auto end_field = [&] {
    std::string value = field_was_quoted ? std::move(field) : trim(std::move(field));
    fields.push_back(without_formula_guard(std::move(value)));
    field.clear();
    field_was_quoted = false;
  };
  auto end_record = [&] {
    end_field();
    if (record_number == 0) {
      table.header = std::move(fields);
    } else if (!is_blank(fields)) {
      table.records.push_back(Record{record_start, std::move(fields)});
    }
    fields.clear();
    ++record_number;
    record_start = line;
  };

  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    if (c == '"' && field.find_first_not_of(" \t") == std::string::npos) {
      field.clear();
      in_quotes = true;
      field_was_quoted = true;
    } else if (c == table.separator) {
      end_field();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      end_record();
    } else {
      field.push_back(c);
    }
  }
  if (in_quotes) fail_malformed(record_start, "Een aanhalingsteken wordt niet afgesloten");
  if (!field.empty() || !fields.empty() || field_was_quoted) end_record();
  for (auto& name : table.header) name = trim(name);
  to_normal_form(table);
  return table;
}

std::string format_line(const std::vector<std::string>& fields, char separator) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line.push_back(separator);
    const std::string f = with_formula_guard(fields[i]);
    const bool needs_quotes =
        f.find_first_of(std::string{separator, '"', '\n', '\r'}) != std::string::npos || f != fields[i] || has_edge_whitespace(f);
    if (!needs_quotes) {
      line += f;
      continue;
    }
    line.push_back('"');
    for (char c : f) {
      if (c == '"') line.push_back('"');
      line.push_back(c);
    }
    line.push_back('"');
  }
  line += "\r\n";
  return line;
}

std::string with_formula_guard(std::string_view field) {
  if (!needs_formula_guard(field)) return std::string(field);
  return "'" + std::string(field);
}

std::string without_formula_guard(std::string field) {
  if (!field.empty() && field.front() == '\'' && needs_formula_guard(std::string_view(field).substr(1))) field.erase(0, 1);
  return field;
}

}  // namespace kwm::csv
