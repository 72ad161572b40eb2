#pragma once
// Dutch spelling of numbers and dates in the procedure's explanations. Internal to kwm_placement_procedure.
#include <cstdint>
#include <string>

#include "core/date.hpp"
#include "core/fte.hpp"

namespace kwm::placement::procedure::text {

// 1234 hundredths -> "12,34"; whole numbers without decimals: 1200 -> "12".
std::string centi(std::int64_t hundredths);
// 7.5 -> "7,5"; at most two decimals, trailing zeros dropped.
std::string number(double value);
// 0.8 FTE -> "0,8 fte".
std::string fte(Fte value);
// 2026-07-01 -> "1 juli 2026".
std::string date(Date value);
// "1 punt", "2,5 punten".
std::string points(std::int64_t hundredths);

}  // namespace kwm::placement::procedure::text
