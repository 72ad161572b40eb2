#pragma once
// SOCI, with one guard. A one-off statement (`sql << "..." , soci::use(x)`) runs when the temporary
// that `sql <<` made is destroyed, which is AFTER every other temporary of the full-expression: a value
// bound with soci::use(std::string("...")) or soci::use(static_cast<long long>(n)) is already gone when
// the statement executes, and PostgreSQL receives garbage. Binding an rvalue is therefore a compile error:
// bind a named variable instead.
#include <soci/soci.h>

#include <string>
#include <type_traits>

namespace soci {
template <typename T, typename = std::enable_if_t<!std::is_lvalue_reference_v<T>>>
void use(T&& value) = delete;  // bind a named variable: see store/sql.hpp
template <typename T, typename = std::enable_if_t<!std::is_lvalue_reference_v<T>>>
void use(T&& value, indicator& ind) = delete;  // bind a named variable: see store/sql.hpp
template <typename T, typename = std::enable_if_t<!std::is_lvalue_reference_v<T>>>
void use(T&& value, const std::string& name) = delete;  // bind a named variable: see store/sql.hpp
}  // namespace soci

namespace kwm::store {

// An integer column of a dynamically typed row: SQLite reports INTEGER columns as int and BIGINT as long
// long, PostgreSQL as long long, and soci::row::get throws std::bad_cast unless the type matches exactly.
inline long long row_integer(const soci::row& row, std::size_t column) {
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_integer: return row.get<int>(column);
    case soci::dt_long_long: return row.get<long long>(column);
    case soci::dt_unsigned_long_long: return static_cast<long long>(row.get<unsigned long long>(column));
    case soci::dt_double: return static_cast<long long>(row.get<double>(column));
    default: return std::stoll(row.get<std::string>(column));
  }
}

}  // namespace kwm::store
