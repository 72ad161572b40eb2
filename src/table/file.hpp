#pragma once
// The one writer of tables as files (core/table.hpp): CSV for re-import and scripts, XLSX for people who
// open downloads in Excel. Used by the organisation exports and the competence downloads alike.
#include <string>

#include "core/table.hpp"

namespace kwm::table {

// UTF-8 without BOM, comma separated, CRLF line ends, numbers with "." and at most four decimals; a text a
// spreadsheet would run as a formula is guarded (see csv::format_line), so every export imports unchanged.
std::string to_csv(const Table& table);
// One sheet (the table's name cut to Excel's 31 characters), bold frozen header, numbers as number cells.
// Throws Failure (internal, export_failed) when the temporary file libxlsxwriter needs cannot be written.
std::string to_xlsx(const Table& table);

}  // namespace kwm::table
