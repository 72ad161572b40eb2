#include "competence/framework_json.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

#include "support/scratch.hpp"
#include "test_support.hpp"

namespace kwm::competence {
namespace {

// A valid file in the documented format; each error case below breaks one thing in it.
const std::string valid_text = R"({
  "code": "wijkteam",
  "name": "Wijkteam",
  "version": 2,
  "scale": {"min": 1, "max": 3, "anchors": {"1": "Nog niet", "2": "Zelfstandig", "3": "Voorbeeld voor anderen"}},
  "competencies": [
    {"code": "samenwerken", "name": "Samenwerken", "definition": "Werkt samen.", "kind": "social_normative",
     "indicators": [{"code": "i1", "text": "Stemt af."}, {"code": "i2", "text": "Deelt kennis."}]},
    {"code": "wmo", "name": "Wmo 2015", "definition": "Kent de wet.", "kind": "knowledge",
     "indicators": [{"code": "i1", "text": "Legt de wet uit."}]}
  ]
})";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(FrameworkJson, ReadsTheDocumentedFormat) {
  const Framework framework = framework_from_json(valid_text);
  EXPECT_EQ(framework.code, "wijkteam");
  EXPECT_EQ(framework.version, 2);
  EXPECT_EQ(framework.scale.min, 1);
  EXPECT_EQ(framework.scale.max, 3);
  EXPECT_EQ(framework.scale.anchors.at(2), "Zelfstandig");
  ASSERT_EQ(framework.competencies.size(), 2u);
  EXPECT_EQ(framework.competencies[1].kind, CompetencyKind::Knowledge);
  EXPECT_EQ(framework.competencies[0].indicators[1].text, "Deelt kennis.");
}

TEST(FrameworkJson, WritesWhatItReads) {
  const Framework original = testing::small_framework();
  const Framework again = framework_from_json(framework_to_json(original));
  EXPECT_EQ(framework_to_json(again), framework_to_json(original));
  EXPECT_EQ(again.competencies.size(), 3u);
  EXPECT_EQ(again.scale.anchors, original.scale.anchors);
  EXPECT_EQ(again.competencies[2].kind, CompetencyKind::Knowledge);
}

TEST(FrameworkJson, WritesNonAsciiTextAsIs) {
  Framework framework = testing::small_framework();
  framework.competencies[0].definition = "Werkt met de cliënt en zijn netwerk — ook ’s avonds.";
  const std::string text = framework_to_json(framework);
  EXPECT_NE(text.find("cliënt en zijn netwerk — ook ’s avonds"), std::string::npos);
  EXPECT_EQ(framework_from_json(text).competencies[0].definition, framework.competencies[0].definition);
}

TEST(FrameworkJson, WritesItsFormatAndReadsFilesWithoutOneAsFormatOne) {
  const std::string text = framework_to_json(testing::small_framework());
  EXPECT_NE(text.find("\"format\": 1"), std::string::npos);
  EXPECT_EQ(valid_text.find("\"format\""), std::string::npos);  // a file written before the field existed
  EXPECT_EQ(framework_from_json(valid_text).code, "wijkteam");
  EXPECT_EQ(framework_from_json(text).code, testing::small_framework().code);
  try {
    framework_from_json(replaced(text, "\"format\": 1", "\"format\": 2"));
    ADD_FAILURE() << "format 2 was read";
  } catch (const Failure& failure) {
    EXPECT_EQ(failure.error().code, "unsupported_format");
  }
}

TEST(FrameworkJson, AcceptsWholeNumbersWrittenAsDecimals) {
  EXPECT_EQ(framework_from_json(replaced(valid_text, "\"version\": 2", "\"version\": 2.0")).version, 2);
}

struct PathCase {
  const char* name;
  std::string text;
  const char* code;
  const char* field;
};

class FrameworkJsonErrors : public ::testing::TestWithParam<PathCase> {};

TEST_P(FrameworkJsonErrors, NameTheJsonPath) {
  const Error error = testing::failure_of([] { framework_from_json(GetParam().text); });
  // Unreadable JSON is a bad request (400); readable JSON that breaks a rule is invalid (422).
  EXPECT_EQ(error.kind, std::string_view(GetParam().code) == "invalid_json" ? ErrorKind::bad_request : ErrorKind::invalid);
  EXPECT_EQ(error.code, GetParam().code) << error.message;
  EXPECT_EQ(error.field, GetParam().field) << error.message;
  EXPECT_FALSE(error.message.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, FrameworkJsonErrors,
    ::testing::Values(
        PathCase{"not_json", "{\"code\": ", "invalid_json", ""},
        PathCase{"root_is_array", "[]", "wrong_type", ""},
        PathCase{"missing_code", replaced(valid_text, "\"code\": \"wijkteam\",", ""), "missing_field", "code"},
        PathCase{"version_is_text", replaced(valid_text, "\"version\": 2", "\"version\": \"2\""), "wrong_type", "version"},
        PathCase{"version_is_fraction", replaced(valid_text, "\"version\": 2", "\"version\": 2.5"), "wrong_type", "version"},
        PathCase{"unknown_top_field", replaced(valid_text, "\"version\": 2,", "\"version\": 2, \"versie\": 3,"), "unknown_field",
                 "versie"},
        PathCase{"missing_max", replaced(valid_text, "\"max\": 3, ", ""), "missing_field", "scale.max"},
        PathCase{"anchors_not_object",
                 replaced(valid_text, "{\"1\": \"Nog niet\", \"2\": \"Zelfstandig\", \"3\": \"Voorbeeld voor anderen\"}",
                          "[\"Nog niet\", \"Zelfstandig\", \"Voorbeeld voor anderen\"]"),
                 "wrong_type", "scale.anchors"},
        PathCase{"anchor_key_not_a_number", replaced(valid_text, "\"2\": \"Zelfstandig\"", "\"twee\": \"Zelfstandig\""),
                 "invalid_anchor_point", "scale.anchors.twee"},
        PathCase{"anchor_not_text", replaced(valid_text, "\"2\": \"Zelfstandig\"", "\"2\": 2"), "wrong_type", "scale.anchors.2"},
        PathCase{"missing_anchor", replaced(valid_text, "\"2\": \"Zelfstandig\", ", ""), "missing_anchor", "scale.anchors.2"},
        PathCase{"scale_upside_down", replaced(valid_text, "\"min\": 1, \"max\": 3", "\"min\": 3, \"max\": 1"), "invalid_scale",
                 "scale"},
        PathCase{"competencies_not_list",
                 replaced(replaced(valid_text, "\"competencies\": [", "\"competencies\": {\"lijst\": ["), "\n  ]\n}", "\n  ]}\n}"),
                 "wrong_type", "competencies"},
        PathCase{"competency_not_object", replaced(valid_text, "\"competencies\": [", "\"competencies\": [1, "), "wrong_type",
                 "competencies[0]"},
        PathCase{"unknown_kind", replaced(valid_text, "\"kind\": \"knowledge\"", "\"kind\": \"kennis\""), "invalid_kind",
                 "competencies[1].kind"},
        PathCase{"ascriptive_kind", replaced(valid_text, "\"kind\": \"knowledge\"", "\"kind\": \"ascriptive\""),
                 "ascriptive_trait", "competencies[1].kind"},
        PathCase{"ascriptive_name", replaced(valid_text, "\"name\": \"Samenwerken\"", "\"name\": \"Geslacht\""),
                 "ascriptive_trait", "competencies[0].name"},
        PathCase{"typo_in_indicators", replaced(valid_text, "\"indicators\": [{\"code\": \"i1\", \"text\": \"Legt",
                                                         "\"indicator\": [{\"code\": \"i1\", \"text\": \"Legt"),
                 "unknown_field", "competencies[1].indicator"},
        PathCase{"indicator_text_missing", replaced(valid_text, "{\"code\": \"i2\", \"text\": \"Deelt kennis.\"}", "{\"code\": \"i2\"}"),
                 "missing_field", "competencies[0].indicators[1].text"},
        PathCase{"indicator_code_number", replaced(valid_text, "{\"code\": \"i2\"", "{\"code\": 2"), "wrong_type",
                 "competencies[0].indicators[1].code"},
        PathCase{"duplicate_indicator", replaced(valid_text, "{\"code\": \"i2\"", "{\"code\": \"i1\""), "duplicate_code",
                 "competencies[0].indicators[1].code"},
        PathCase{"no_indicators", replaced(valid_text, "[{\"code\": \"i1\", \"text\": \"Legt de wet uit.\"}]", "[]"),
                 "no_indicators", "competencies[1].indicators"},
        PathCase{"duplicate_competency", replaced(valid_text, "\"code\": \"wmo\"", "\"code\": \"samenwerken\""), "duplicate_code",
                 "competencies[1].code"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(FrameworkJson, SyntaxErrorsGiveLineAndColumn) {
  const Error error = testing::failure_of([] { framework_from_json("{\n  \"code\": \"x\",\n  \"name\": oops\n}"); });
  EXPECT_EQ(error.code, "invalid_json");
  EXPECT_NE(error.message.find("regel 3"), std::string::npos) << error.message;
}

TEST(FrameworkJson, FileErrorsNameTheFile) {
  const kwm::testing::ScratchDir scratch;
  const auto path = scratch / "kwm-competence-kapot.json";
  {
    std::ofstream out(path);
    out << replaced(valid_text, "\"kind\": \"knowledge\"", "\"kind\": \"kennis\"");
  }
  const Error broken = testing::failure_of([&] { read_framework_file(path); });
  EXPECT_EQ(broken.field, "competencies[1].kind");
  EXPECT_EQ(broken.message.rfind("kwm-competence-kapot.json: ", 0), 0u) << broken.message;
  std::filesystem::remove(path);
  EXPECT_EQ(testing::failure_of([&] { read_framework_file(path); }).code, "file_unreadable");
}

}  // namespace
}  // namespace kwm::competence
