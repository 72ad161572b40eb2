#pragma once
// What every fuzz target shares: the input as text, and a check that reports a broken property as a crash
// (libFuzzer keeps the input that caused it). A kwm::Failure is the documented answer to bad input and no
// crash; targets catch it where the product does.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace kwm::fuzz {

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Aborts with the broken property when `holds` is false.
inline void require(bool holds, const char* property) {
  if (holds) return;
  std::fprintf(stderr, "fuzz property broken: %s\n", property);
  std::abort();
}

}  // namespace kwm::fuzz
