#pragma once
// Multi-row INSERTs: rows are buffered and written as "INSERT ... VALUES (...), (...), ..." statements of up
// to `rows_per_statement` rows, prepared once. On PostgreSQL that is one round trip per batch instead of per
// row; on SQLite it saves the per-statement work. Used where many rows go in at once (imports, their audit).
// On SQLite the values are bound through SQLite's own API rather than SOCI's: SOCI's per-value binding
// work was a fifth of the CPU time of a national people import.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <soci/soci.h>

namespace kwm::store {

class BatchInsert {
 public:
  enum class Type { integer, text };
  struct Column {
    std::string name;
    Type type;
  };

  BatchInsert(soci::session& sql, std::string table, std::vector<Column> columns, std::size_t rows_per_statement);
  ~BatchInsert();
  BatchInsert(const BatchInsert&) = delete;
  BatchInsert& operator=(const BatchInsert&) = delete;

  // The cells of the next row, in column order; end_row() writes a batch when it is full.
  void add(long long value, soci::indicator indicator = soci::i_ok);
  void add(const std::string& value, soci::indicator indicator = soci::i_ok);
  void end_row();
  // Writes the rows still buffered. Call it before the transaction commits: rows left unflushed are dropped.
  void flush();

 private:
  struct Prepared;  // one INSERT of a given number of rows
  std::unique_ptr<Prepared> prepare(std::size_t rows);
  void run(Prepared& statement, std::size_t rows);

  soci::session& sql_;
  void* sqlite_ = nullptr;  // the SQLite connection under sql_, when it is one
  std::string table_;
  std::vector<Column> columns_;
  std::size_t capacity_;
  std::size_t rows_ = 0;
  std::size_t cell_ = 0;  // next cell of the current row
  // One slot per cell of a full batch; the statements bind to these by reference, so they never move.
  std::vector<long long> integers_;
  std::vector<std::string> texts_;
  std::vector<soci::indicator> indicators_;
  std::unique_ptr<Prepared> full_;
};

}  // namespace kwm::store
