#pragma once
// A table to hand out as a file — a header and rows of text or number cells — as the organisation exports
// and the competence views build it. Plain data: writing it as CSV or as an Excel workbook is the table
// library's work (table/file.hpp), so the capabilities that build tables need no file writer.
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kwm {

// Empty, text, or a number (a number cell in Excel, "." as decimal point in CSV).
using Cell = std::variant<std::monostate, std::string, double>;

struct Table {
  std::string name;  // sheet name and file name stem, e.g. "heatmap-voorjaar-2026"
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;

  void add(std::vector<Cell> row) { rows.push_back(std::move(row)); }
};

// A number cell, or an empty one.
inline Cell number_cell(const std::optional<double>& value) { return value ? Cell(*value) : Cell(); }

}  // namespace kwm
