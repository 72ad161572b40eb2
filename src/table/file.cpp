// libxlsxwriter 1.1.4 (Debian 12) writes workbooks only to a named file: the workbook goes through a private
// temporary file that is read back and removed.
#include "table/file.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/csv.hpp"
#include "core/error.hpp"

namespace kwm::table {
namespace {

std::string cell_text(const Cell& cell) {
  if (const auto* text = std::get_if<std::string>(&cell)) return *text;
  if (const auto* number = std::get_if<double>(&cell)) {
    std::string text = fmt::format("{:.4f}", *number);
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text == "-0" ? "0" : text;
  }
  return {};
}

// A private temporary file, removed whatever happens.
struct ScratchFile {
  std::filesystem::path path;
  ScratchFile() {
    std::string name = (std::filesystem::temp_directory_path() / "kwm-table-XXXXXX").string();
    const int descriptor = ::mkstemp(name.data());
    if (descriptor < 0) fail(ErrorKind::internal, "export_failed", "Kon geen tijdelijk bestand maken voor het Excel-bestand");
    ::close(descriptor);
    path = name;
  }
  ~ScratchFile() {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
};

void write_sheet(lxw_workbook* workbook, const Table& table) {
  // Excel refuses sheet names over 31 characters and some punctuation.
  std::string sheet_name = table.name.substr(0, 31);
  for (char& c : sheet_name) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '-';
  }
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheet_name.empty() ? nullptr : sheet_name.c_str());
  lxw_format* header_format = workbook_add_format(workbook);
  format_set_bold(header_format);
  for (std::size_t column = 0; column < table.header.size(); ++column) {
    const auto col = static_cast<lxw_col_t>(column);
    worksheet_write_string(sheet, 0, col, table.header[column].c_str(), header_format);
    worksheet_set_column(sheet, col, col, 18, nullptr);
  }
  worksheet_freeze_panes(sheet, 1, 0);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t column = 0; column < table.rows[r].size(); ++column) {
      const Cell& cell = table.rows[r][column];
      const auto col = static_cast<lxw_col_t>(column);
      if (const auto* number = std::get_if<double>(&cell)) {
        worksheet_write_number(sheet, row, col, *number, nullptr);
      } else if (const auto* text = std::get_if<std::string>(&cell); text && !text->empty()) {
        worksheet_write_string(sheet, row, col, text->c_str(), nullptr);
      }
    }
  }
}

}  // namespace

std::string to_csv(const Table& table) {
  std::string text = csv::format_line(table.header);
  std::vector<std::string> fields;
  for (const auto& row : table.rows) {
    fields.clear();
    for (const Cell& cell : row) fields.push_back(cell_text(cell));
    text += csv::format_line(fields);
  }
  return text;
}

std::string to_xlsx(const Table& table) {
  ScratchFile scratch;
  lxw_workbook* workbook = workbook_new(scratch.path.c_str());
  if (!workbook) fail(ErrorKind::internal, "export_failed", "Kon het Excel-bestand niet aanmaken");
  write_sheet(workbook, table);
  if (const lxw_error closed = workbook_close(workbook); closed != LXW_NO_ERROR) {
    fail(ErrorKind::internal, "export_failed", std::string("Kon het Excel-bestand niet schrijven: ") + lxw_strerror(closed));
  }
  std::ifstream in(scratch.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) fail(ErrorKind::internal, "export_failed", "Kon het Excel-bestand niet teruglezen");
  return std::move(bytes).str();
}

}  // namespace kwm::table
