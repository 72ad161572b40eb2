#include "core/text_policy.hpp"

#include <gtest/gtest.h>

#include "core/csv.hpp"
#include "core/error.hpp"

namespace kwm {
namespace {

std::string problem(TextKind kind, std::string_view value) { return text_problem(kind, value, "De naam").value_or(""); }

TEST(TextPolicy, EveryTextIsStoredInNormalFormC) {
  const std::string decomposed = "Coo\xCC\x88rdinatie";  // o + combining diaeresis
  const std::string composed = "Co\xC3\xB6rdinatie";     // ö
  EXPECT_EQ(accept_utf8(decomposed, "name"), composed);
  EXPECT_EQ(accept_utf8(composed, "name"), composed);
  EXPECT_EQ(accept_utf8("plain ascii", "name"), "plain ascii");
}

TEST(TextPolicy, BytesThatAreNotUtf8AreRefusedNamingTheField) {
  for (const std::string bad : {std::string("M-\xC3("), std::string("\xFF"), std::string("\xED\xA0\x80"),  // surrogate
                                std::string("\xC0\xAF")}) {                                                // overlong '/'
    EXPECT_FALSE(is_utf8(bad));
    try {
      accept_utf8(bad, "name");
      ADD_FAILURE() << "accepted";
    } catch (const Failure& failure) {
      EXPECT_EQ(failure.error().code, "invalid_utf8");
      EXPECT_EQ(failure.error().field, "name");
    }
  }
}

TEST(TextPolicy, BlankAndInvisibleOnlyValuesAreRefused) {
  EXPECT_NE(problem(TextKind::name, "   "), "");
  EXPECT_NE(problem(TextKind::name, "\xE2\x80\x8B"), "");          // U+200B zero width space
  EXPECT_NE(problem(TextKind::code, "\xE2\x80\x8B\xE2\x80\x8B"), "");
  EXPECT_NE(problem(TextKind::name, "\xC2\xA0\xE2\x81\xA0"), "");  // no-break space, word joiner
  EXPECT_NE(problem(TextKind::free_text, " \n "), "");
  EXPECT_EQ(problem(TextKind::free_text, ""), "");                 // optional free text may be empty
  EXPECT_NE(problem(TextKind::name, ""), "");
}

TEST(TextPolicy, ControlCharactersAndLineBreaksFollowTheKind) {
  EXPECT_NE(problem(TextKind::name, std::string("Wijkteam\0Noord", 14)), "");
  EXPECT_NE(problem(TextKind::name, "Wijkteam\tNoord"), "");
  EXPECT_NE(problem(TextKind::name, "Wijkteam\nNoord"), "");
  EXPECT_EQ(problem(TextKind::free_text, "Eerste regel\nTweede regel"), "");
  EXPECT_NE(problem(TextKind::free_text, "Eerste\x07regel"), "");
  EXPECT_NE(problem(TextKind::code, "WT-\xE2\x80\x8BNOORD"), "");  // an invisible character inside a code
  EXPECT_NE(problem(TextKind::code, " WT01"), "");
  EXPECT_NE(problem(TextKind::code, "WT01 "), "");
  EXPECT_EQ(problem(TextKind::code, "WT-01"), "");
  EXPECT_EQ(problem(TextKind::name, "Jeugd- en gezinsteam \xE2\x80\x98De Brug\xE2\x80\x99"), "");
}

TEST(TextPolicy, LimitsCountCharactersNotBytes) {
  EXPECT_EQ(problem(TextKind::code, std::string(64, 'A')), "");
  EXPECT_NE(problem(TextKind::code, std::string(65, 'A')), "");
  std::string accented;
  for (int i = 0; i < 200; ++i) accented += "\xC3\xA9";  // 200 × é: 400 bytes, 200 characters
  EXPECT_EQ(problem(TextKind::name, accented), "");
  EXPECT_NE(problem(TextKind::name, std::string(100000, 'x')), "");
  EXPECT_NE(problem(TextKind::password, std::string(100 * 1024, 'x')), "");
  EXPECT_EQ(problem(TextKind::password, "  spaties mogen  "), "");
}

TEST(TextPolicy, RequireTextFailsWithTheFieldAndCode) {
  try {
    require_text(TextKind::name, "  ", "name", "De naam");
    ADD_FAILURE() << "accepted";
  } catch (const Failure& failure) {
    EXPECT_EQ(failure.error().code, "invalid_text");
    EXPECT_EQ(failure.error().field, "name");
    EXPECT_EQ(failure.error().kind, ErrorKind::invalid);
  }
}

TEST(CsvText, CellsThatAreNotUtf8AreReportedByRowAndColumn) {
  try {
    csv::parse("code,name\nWT01,M-\xC3(\nWT02,Goed\nWT03,\xFF\n");
    ADD_FAILURE() << "accepted";
  } catch (const Failure& failure) {
    EXPECT_EQ(failure.error().code, "invalid_utf8");
    ASSERT_EQ(failure.error().rows.size(), 2u);
    EXPECT_EQ(failure.error().rows[0].row, 2);
    EXPECT_EQ(failure.error().rows[0].column, "name");
    EXPECT_EQ(failure.error().rows[1].row, 4);
  }
}

TEST(CsvText, CellsAreReadInNormalFormC) {
  const csv::Table table = csv::parse("code,name\nWT01,Coo\xCC\x88rdinatie\n");
  EXPECT_EQ(table.records.at(0).fields.at(1), "Co\xC3\xB6rdinatie");
}

}  // namespace
}  // namespace kwm
