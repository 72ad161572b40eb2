#include "store/batch_insert.hpp"

#include <stdexcept>

#include <fmt/format.h>

namespace kwm::store {

BatchInsert::BatchInsert(soci::session& sql, std::string table, std::vector<Column> columns, std::size_t rows_per_statement)
    : sql_(sql),
      table_(std::move(table)),
      columns_(std::move(columns)),
      capacity_(rows_per_statement == 0 ? 1 : rows_per_statement),
      integers_(capacity_ * columns_.size()),
      texts_(capacity_ * columns_.size()),
      indicators_(capacity_ * columns_.size(), soci::i_ok) {}

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
  full_->execute(true);
  rows_ = 0;
}

void BatchInsert::flush() {
  if (rows_ == 0) return;
  // The last, partial batch gets a statement of its own size, made once per flush.
  prepare(rows_)->execute(true);
  rows_ = 0;
}

std::unique_ptr<soci::statement> BatchInsert::prepare(std::size_t rows) {
  std::string names;
  for (const Column& column : columns_) names += (names.empty() ? "" : ", ") + column.name;
  std::string values;
  auto statement = std::make_unique<soci::statement>(sql_);
  for (std::size_t row = 0; row < rows; ++row) {
    values += row == 0 ? "(" : ", (";
    for (std::size_t column = 0; column < columns_.size(); ++column) {
      const std::size_t slot = row * columns_.size() + column;
      values += fmt::format("{}:p{}", column == 0 ? "" : ", ", slot);
      if (columns_[column].type == Type::integer) {
        statement->exchange(soci::use(integers_[slot], indicators_[slot]));
      } else {
        statement->exchange(soci::use(texts_[slot], indicators_[slot]));
      }
    }
    values += ")";
  }
  statement->alloc();
  statement->prepare(fmt::format("INSERT INTO {} ({}) VALUES {}", table_, names, values));
  statement->define_and_bind();
  return statement;
}

}  // namespace kwm::store
