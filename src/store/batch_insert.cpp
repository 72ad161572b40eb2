#include "store/batch_insert.hpp"

#include <soci/sqlite3/soci-sqlite3.h>

#include <stdexcept>

#include <fmt/format.h>

namespace kwm::store {

namespace sqlite = ::sqlite_api;

struct BatchInsert::Prepared {
  std::unique_ptr<soci::statement> soci;  // PostgreSQL: SOCI binds the slots
  sqlite::sqlite3_stmt* sqlite = nullptr;  // SQLite: run() binds the slots
  ~Prepared() {
    if (sqlite) sqlite::sqlite3_finalize(sqlite);
  }
};

BatchInsert::BatchInsert(soci::session& sql, std::string table, std::vector<Column> columns, std::size_t rows_per_statement)
    : sql_(sql),
      table_(std::move(table)),
      columns_(std::move(columns)),
      capacity_(rows_per_statement == 0 ? 1 : rows_per_statement),
      integers_(capacity_ * columns_.size()),
      texts_(capacity_ * columns_.size()),
      indicators_(capacity_ * columns_.size(), soci::i_ok) {
  if (sql_.get_backend_name() == "sqlite3") sqlite_ = static_cast<soci::sqlite3_session_backend*>(sql_.get_backend())->conn_;
}

BatchInsert::~BatchInsert() = default;

void BatchInsert::add(long long value, soci::indicator indicator) {
  if (cell_ >= columns_.size() || columns_[cell_].type != Type::integer) {
    throw std::logic_error(fmt::format("BatchInsert into {}: an integer given for column {}", table_, cell_));
  }
  const std::size_t slot = rows_ * columns_.size() + cell_++;
  integers_[slot] = value;
  indicators_[slot] = indicator;
}

void BatchInsert::add(const std::string& value, soci::indicator indicator) {
  if (cell_ >= columns_.size() || columns_[cell_].type != Type::text) {
    throw std::logic_error(fmt::format("BatchInsert into {}: a text given for column {}", table_, cell_));
  }
  const std::size_t slot = rows_ * columns_.size() + cell_++;
  texts_[slot] = value;
  indicators_[slot] = indicator;
}

void BatchInsert::end_row() {
  if (cell_ != columns_.size()) {
    throw std::logic_error(fmt::format("BatchInsert into {}: a row of {} cells, expected {}", table_, cell_, columns_.size()));
  }
  cell_ = 0;
  if (++rows_ < capacity_) return;
  if (!full_) full_ = prepare(capacity_);
  run(*full_, capacity_);
  rows_ = 0;
}

void BatchInsert::flush() {
  if (rows_ == 0) return;
  // The last, partial batch gets a statement of its own size, made once per flush.
  run(*prepare(rows_), rows_);
  rows_ = 0;
}

std::unique_ptr<BatchInsert::Prepared> BatchInsert::prepare(std::size_t rows) {
  std::string names;
  for (const Column& column : columns_) names += (names.empty() ? "" : ", ") + column.name;
  std::string values;
  auto prepared = std::make_unique<Prepared>();
  if (!sqlite_) prepared->soci = std::make_unique<soci::statement>(sql_);
  for (std::size_t row = 0; row < rows; ++row) {
    values += row == 0 ? "(" : ", (";
    for (std::size_t column = 0; column < columns_.size(); ++column) {
      const std::size_t slot = row * columns_.size() + column;
      values += column == 0 ? "" : ", ";
      if (sqlite_) {
        values += '?';  // parameter number slot + 1
        continue;
      }
      values += fmt::format(":p{}", slot);
      if (columns_[column].type == Type::integer) {
        prepared->soci->exchange(soci::use(integers_[slot], indicators_[slot]));
      } else {
        prepared->soci->exchange(soci::use(texts_[slot], indicators_[slot]));
      }
    }
    values += ")";
  }
  const std::string query = fmt::format("INSERT INTO {} ({}) VALUES {}", table_, names, values);
  if (sqlite_) {
    auto* connection = static_cast<sqlite::sqlite3*>(sqlite_);
    if (sqlite::sqlite3_prepare_v2(connection, query.c_str(), static_cast<int>(query.size()), &prepared->sqlite, nullptr) != SQLITE_OK) {
      throw soci::soci_error(fmt::format("INSERT INTO {}: {}", table_, sqlite::sqlite3_errmsg(connection)));
    }
    return prepared;
  }
  prepared->soci->alloc();
  prepared->soci->prepare(query);
  prepared->soci->define_and_bind();
  return prepared;
}

void BatchInsert::run(Prepared& statement, std::size_t rows) {
  if (statement.soci) {
    statement.soci->execute(true);
    return;
  }
  sqlite::sqlite3_stmt* insert = statement.sqlite;
  // The texts stay in their slots, unchanged, until the step is done: SQLite need not copy them.
  for (std::size_t slot = 0; slot < rows * columns_.size(); ++slot) {
    const int parameter = static_cast<int>(slot) + 1;
    if (indicators_[slot] == soci::i_null) {
      sqlite::sqlite3_bind_null(insert, parameter);
    } else if (columns_[slot % columns_.size()].type == Type::integer) {
      sqlite::sqlite3_bind_int64(insert, parameter, integers_[slot]);
    } else {
      sqlite::sqlite3_bind_text(insert, parameter, texts_[slot].data(), static_cast<int>(texts_[slot].size()), SQLITE_STATIC);
    }
  }
  const int result = sqlite::sqlite3_step(insert);
  sqlite::sqlite3_reset(insert);
  if (result != SQLITE_DONE) {
    throw soci::soci_error(fmt::format("INSERT INTO {}: {}", table_, sqlite::sqlite3_errmsg(static_cast<sqlite::sqlite3*>(sqlite_))));
  }
}

}  // namespace kwm::store
