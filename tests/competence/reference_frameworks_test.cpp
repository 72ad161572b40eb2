// The reference frameworks in data/frameworks/ are what municipalities copy; each must load, validate,
// and say what the study says.
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <set>
#include <sstream>

#include "competence/framework_json.hpp"

namespace kwm::competence {
namespace {

const std::filesystem::path frameworks_dir = KWM_FRAMEWORKS_DIR;

std::vector<std::string> names_of(const Framework& framework) {
  std::vector<std::string> names;
  for (const auto& competency : framework.competencies) names.push_back(competency.name);
  return names;
}

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST(ReferenceFrameworks, EveryFileLoadsValidatesAndIsWrittenInTheCanonicalLayout) {
  std::size_t files = 0;
  std::set<std::string> codes;
  for (const auto& entry : std::filesystem::directory_iterator(frameworks_dir)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    SCOPED_TRACE(entry.path().filename().string());
    const Framework framework = read_framework_file(entry.path());
    EXPECT_EQ(framework.code, entry.path().stem().string()) << "the file is named after its code";
    EXPECT_TRUE(codes.insert(framework.code).second);
    EXPECT_EQ(framework.version, 1);
    EXPECT_EQ(framework.scale.min, 1);
    EXPECT_EQ(framework.scale.max, 5);
    for (const auto& competency : framework.competencies) {
      SCOPED_TRACE(competency.code);
      EXPECT_GE(competency.indicators.size(), 2u);
      EXPECT_LE(competency.indicators.size(), 4u);
      EXPECT_FALSE(ascriptive_term(competency));
    }
    // Exporting a framework gives back the file byte for byte, so a municipality's edited copy diffs cleanly.
    EXPECT_EQ(framework_to_json(framework), file_text(entry.path()));
  }
  EXPECT_EQ(files, 6u);
}

TEST(ReferenceFrameworks, MovisieListsTheTenGeneralistCompetenciesOfTheStudy) {
  const Framework framework = read_framework_file(frameworks_dir / "movisie-generalist.json");
  EXPECT_EQ(names_of(framework), (std::vector<std::string>{
                                     "Is zichtbaar en gaat op mensen af",
                                     "Verheldert vragen en behoeften",
                                     "Versterkt eigen kracht en zelfregie",
                                     "Stimuleert verantwoordelijk gedrag",
                                     "Verbindt gezamenlijke en individuele aanpak",
                                     "Stuurt aan op betrokkenheid en participatie",
                                     "Werkt samen en versterkt netwerken",
                                     "Beweegt zich in uiteenlopende systemen",
                                     "Doorziet verhoudingen en anticipeert op veranderingen",
                                     "Benut professionele ruimte en is ondernemend",
                                 }));
}

TEST(ReferenceFrameworks, CoreManagerAndCasemanagerSetsUseTheStudysNames) {
  EXPECT_EQ(names_of(read_framework_file(frameworks_dir / "core.json")),
            (std::vector<std::string>{"Klantgerichtheid", "Betrokkenheid", "Kwaliteitsbewustzijn", "Flexibiliteit", "Leervermogen"}));
  EXPECT_EQ(names_of(read_framework_file(frameworks_dir / "manager.json")),
            (std::vector<std::string>{"Stimuleren en inspireren", "Analyseren en verbeteren", "Resultaatgericht", "Samenwerken",
                                      "Klantgericht"}));
  EXPECT_EQ(names_of(read_framework_file(frameworks_dir / "casemanager.json")),
            (std::vector<std::string>{"Samenwerken", "Probleemoplossend vermogen", "Verantwoordelijkheid nemen",
                                      "Plannen en organiseren", "Resultaatgerichtheid"}));
  // Vangnet: 'samenwerken' and 'verantwoordelijkheid nemen' give way to 'durf' and 'oordeelsvorming'.
  EXPECT_EQ(names_of(read_framework_file(frameworks_dir / "casemanager-vangnet.json")),
            (std::vector<std::string>{"Durf", "Probleemoplossend vermogen", "Oordeelsvorming", "Plannen en organiseren",
                                      "Resultaatgerichtheid"}));
}

TEST(ReferenceFrameworks, KnowledgeAreasAreAllOfKindKnowledge) {
  const Framework framework = read_framework_file(frameworks_dir / "knowledge-areas.json");
  std::set<std::string> codes;
  for (const auto& competency : framework.competencies) {
    EXPECT_EQ(competency.kind, CompetencyKind::Knowledge) << competency.code;
    codes.insert(competency.code);
  }
  for (const char* expected : {"wmo_2015", "jeugdwet", "participatiewet", "licht_verstandelijke_beperking", "autisme", "schulden",
                               "sociale_kaart"}) {
    EXPECT_TRUE(codes.count(expected)) << expected;
  }
}

}  // namespace
}  // namespace kwm::competence
