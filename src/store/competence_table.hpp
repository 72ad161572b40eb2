#pragma once
// A table as the competence views show it — a header and rows of text or number cells — written as a CSV
// file or an Excel workbook, so that every table of the web app can be downloaded as the user sees it.
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kwm::store {

// Empty, text, or a number (written as a number cell in Excel, with "." in CSV).
using Cell = std::variant<std::monostate, std::string, double>;

struct Table {
  std::string name;  // sheet name and file name stem, e.g. "heatmap-voorjaar-2026"
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;

  void add(std::vector<Cell> row) { rows.push_back(std::move(row)); }
};

// A number cell, or an empty one.
Cell number_cell(const std::optional<double>& value);

// UTF-8 without BOM, comma separated, CRLF line ends, numbers with "." and at most four decimals.
std::string to_csv(const Table& table);
// One sheet (the name cut to Excel's 31 characters), bold frozen header. Throws Failure (internal) when the
// temporary file libxlsxwriter needs cannot be written.
std::string to_xlsx(const Table& table);

}  // namespace kwm::store
