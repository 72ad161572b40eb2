#include "core/text_policy.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include <fmt/format.h>

#include "core/error.hpp"

namespace kwm {
namespace {

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Calls `visit(code_point)` for each code point of text that is known to be UTF-8.
template <typename Visit>
void for_each_code_point(std::string_view text, Visit visit) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t length = utf8proc_iterate(bytes, left, &code_point);
    if (length <= 0) return;
    visit(code_point);
    bytes += length;
    left -= length;
  }
}

bool is_line_break(utf8proc_int32_t c) { return c == '\n'; }

// Characters that print nothing: spaces of every kind, format characters (U+200B, U+2060, U+FEFF, ...),
// combining marks with nothing to combine with, and the Hangul and braille fillers that fonts draw blank.
bool is_invisible(utf8proc_int32_t c) {
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_ME:
      return true;
    default:
      return c == '\t' || c == '\n' || c == '\r' || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0x2800 ||
             c == 0xFFA0;
  }
}

bool is_control(utf8proc_int32_t c) {
  const auto category = utf8proc_category(c);
  return category == UTF8PROC_CATEGORY_CC || category == UTF8PROC_CATEGORY_CS;
}

bool is_space(utf8proc_int32_t c) {
  const auto category = utf8proc_category(c);
  return c == ' ' || category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_CF;
}

}  // namespace

TextLimits limits_of(TextKind kind) {
  switch (kind) {
    case TextKind::code: return {1, 64};
    case TextKind::name: return {1, 200};
    case TextKind::free_text: return {0, 10000};
    case TextKind::password: return {1, 256};
  }
  return {0, 0};
}

bool is_utf8(std::string_view text) {
  if (is_ascii(text)) return true;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t length = utf8proc_iterate(bytes, left, &code_point);
    if (length <= 0 || code_point < 0) return false;
    bytes += length;
    left -= length;
  }
  return true;
}

std::string accept_utf8(std::string_view text, std::string_view field) {
  if (is_ascii(text)) return std::string(text);  // ASCII is its own normal form: the common case stays cheap
  if (!is_utf8(text)) {
    fail(ErrorKind::invalid, "invalid_utf8", "De tekst is geen geldige UTF-8; sla het bestand op als UTF-8", std::string(field));
  }
  utf8proc_uint8_t* normal = nullptr;
  const utf8proc_ssize_t length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                               static_cast<utf8proc_ssize_t>(text.size()), &normal,
                                               static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(normal, &std::free);
  if (length < 0) {
    fail(ErrorKind::invalid, "invalid_utf8", "De tekst is geen geldige UTF-8; sla het bestand op als UTF-8", std::string(field));
  }
  return std::string(reinterpret_cast<const char*>(normal), static_cast<std::size_t>(length));
}

std::optional<std::string> text_problem(TextKind kind, std::string_view value, std::string_view what) {
  const TextLimits limits = limits_of(kind);
  if (value.empty()) {
    if (limits.min_chars > 0) return fmt::format("{} is verplicht", what);
    return std::nullopt;
  }
  std::size_t chars = 0;
  bool visible = false, control = false, line_break = false, invisible_format = false;
  utf8proc_int32_t first = -1, last = -1;
  for_each_code_point(value, [&](utf8proc_int32_t c) {
    ++chars;
    if (first < 0) first = c;
    last = c;
    if (is_line_break(c)) {
      line_break = true;
    } else if (is_control(c)) {
      control = true;
    }
    if (utf8proc_category(c) == UTF8PROC_CATEGORY_CF) invisible_format = true;
    if (!is_invisible(c)) visible = true;
  });
  if (chars > limits.max_chars) return fmt::format("{} is langer dan {} tekens", what, limits.max_chars);
  if (control) return fmt::format("{} bevat een stuurteken (zoals een tab of een nul-byte)", what);
  if (line_break && kind != TextKind::free_text) return fmt::format("{} moet op één regel staan", what);
  if (kind == TextKind::password) return std::nullopt;
  if (!visible) {
    if (kind == TextKind::free_text) return fmt::format("{} bevat alleen witruimte of onzichtbare tekens", what);
    return fmt::format("{} is leeg: er staan alleen spaties of onzichtbare tekens in", what);
  }
  if (kind == TextKind::code) {
    if (is_space(first) || is_space(last)) return fmt::format("{} begint of eindigt met een spatie", what);
    if (invisible_format) return fmt::format("{} bevat een onzichtbaar teken", what);
  }
  return std::nullopt;
}

void require_text(TextKind kind, std::string_view value, std::string_view field, std::string_view what) {
  if (auto problem = text_problem(kind, value, what)) fail(ErrorKind::invalid, "invalid_text", *problem, std::string(field));
}

}  // namespace kwm
