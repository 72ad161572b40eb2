#pragma once
// SOCI, with one guard. A one-off statement (`sql << "..." , soci::use(x)`) runs when the temporary
// that `sql <<` made is destroyed, which is AFTER every other temporary of the full-expression: a value
// bound with soci::use(std::string("...")) or soci::use(static_cast<long long>(n)) is already gone when
// the statement executes, and PostgreSQL receives garbage. Binding an rvalue is therefore a compile error:
// bind a named variable instead.
#include <soci/soci.h>

#include <type_traits>

namespace soci {
template <typename T, typename = std::enable_if_t<!std::is_lvalue_reference_v<T>>>
void use(T&& value) = delete;  // bind a named variable: see store/sql.hpp
template <typename T, typename = std::enable_if_t<!std::is_lvalue_reference_v<T>>>
void use(T&& value, indicator& ind) = delete;  // bind a named variable: see store/sql.hpp
template <typename T, typename = std::enable_if_t<!std::is_lvalue_reference_v<T>>>
void use(T&& value, const std::string& name) = delete;  // bind a named variable: see store/sql.hpp
}  // namespace soci
