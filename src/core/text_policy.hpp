#pragma once
// The one input policy for text: what every string must be before it is stored, whichever way it came in
// (JSON body, CSV or XLSX cell, query string, CLI argument).
//
// At the edge every string is checked to be UTF-8 and put in Unicode normal form C (`accept_utf8`), so "é"
// typed as one code point or as e + accent is the same code, name and search term. Then each field is held
// to the rule of its kind (`text_problem`): a code is one short line without spaces at either end, a name one
// line, free text may have line breaks; none may hold control characters or be blank — also not when it
// consists only of invisible characters such as U+200B. Limits count characters (code points), not bytes.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kwm {

enum class TextKind {
  code,       // an identifier a person types and files carry: unit code, personnel number, function level
  name,       // a label on one line: names of units, people, rounds, reorganisations
  free_text,  // explanations, reasons, responses, motivations: several lines
  password,
};

struct TextLimits {
  std::size_t min_chars;
  std::size_t max_chars;
};
TextLimits limits_of(TextKind kind);

bool is_utf8(std::string_view text);

// The text in normal form C; refuses (422 invalid_utf8, naming the field) bytes that are not UTF-8.
std::string accept_utf8(std::string_view text, std::string_view field);

// What is wrong with a value of this kind, as a Dutch sentence that starts with `what` ("De naam"); nothing
// when the value is acceptable. Expects text that went through accept_utf8. An empty value is a problem only
// for kinds with a minimum, so optional fields check only what is filled in.
std::optional<std::string> text_problem(TextKind kind, std::string_view value, std::string_view what);

// Fails with 422 invalid_text on the field when text_problem finds something.
void require_text(TextKind kind, std::string_view value, std::string_view field, std::string_view what);

}  // namespace kwm
