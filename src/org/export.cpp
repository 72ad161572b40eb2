// CSV and XLSX files in the import format. libxlsxwriter 1.1.4 (Debian 12) writes only to a file, so the
// workbook goes through a private temporary file that is read back and removed.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include <unistd.h>
#include <xlsxwriter.h>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "org/csv_import.hpp"

namespace kwm::org {
namespace {

class TemporaryFile {
 public:
  TemporaryFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kwm-export-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) fail(ErrorKind::internal, "export_failed", "Kon geen tijdelijk bestand maken voor de export");
    ::close(fd);
    path_ = pattern;
  }
  ~TemporaryFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

bool is_numeric_column(std::string_view name) { return name == "fte" || name == "scale"; }

class Workbook {
 public:
  explicit Workbook(const std::string& path) : workbook_(workbook_new(path.c_str())) {
    if (!workbook_) fail(ErrorKind::internal, "export_failed", "Kon het Excel-bestand niet aanmaken");
  }
  ~Workbook() {
    if (workbook_) workbook_close(workbook_);
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;
  lxw_workbook* get() const { return workbook_; }
  void close() {
    const lxw_error result = workbook_close(std::exchange(workbook_, nullptr));
    if (result != LXW_NO_ERROR) {
      fail(ErrorKind::internal, "export_failed", std::string("Kon het Excel-bestand niet schrijven: ") + lxw_strerror(result));
    }
  }

 private:
  lxw_workbook* workbook_;
};

}  // namespace

std::string to_csv(const ExportTable& table) {
  std::string text = csv::format_line(table.header);
  for (const auto& row : table.rows) text += csv::format_line(row);
  return text;
}

std::string to_xlsx(const ExportTable& table) {
  TemporaryFile file;
  {
    Workbook workbook(file.path());
    const std::string sheet_name(to_string(table.kind));
    lxw_worksheet* sheet = workbook_add_worksheet(workbook.get(), sheet_name.c_str());
    lxw_format* bold = workbook_add_format(workbook.get());
    format_set_bold(bold);
    for (std::size_t column = 0; column < table.header.size(); ++column) {
      worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(column), table.header[column].c_str(), bold);
      worksheet_set_column(sheet, static_cast<lxw_col_t>(column), static_cast<lxw_col_t>(column), 16, nullptr);
    }
    worksheet_freeze_panes(sheet, 1, 0);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      for (std::size_t column = 0; column < table.rows[r].size() && column < table.header.size(); ++column) {
        const std::string& value = table.rows[r][column];
        const auto col = static_cast<lxw_col_t>(column);
        if (value.empty()) continue;
        if (is_numeric_column(table.header[column])) {
          worksheet_write_number(sheet, row, col, std::strtod(value.c_str(), nullptr), nullptr);
        } else {
          worksheet_write_string(sheet, row, col, value.c_str(), nullptr);
        }
      }
    }
    workbook.close();
  }
  std::ifstream in(file.path(), std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) fail(ErrorKind::internal, "export_failed", "Kon het Excel-bestand niet teruglezen");
  return std::move(bytes).str();
}

}  // namespace kwm::org
