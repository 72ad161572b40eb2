// The competence service and store on SQLite and PostgreSQL: results equal the pure functions over the stored ratings,
// versioning rules with what the database says is in use, all-or-nothing imports, purpose limitation and
// the municipality scope.
#include <algorithm>
#include <map>

#include "competence/scoring.hpp"
#include "org_fixture.hpp"
#include "competence/service.hpp"
#include "store/competence_repository.hpp"
#include "store/competence_store.hpp"
#include "org/service.hpp"
#include "store_test_support.hpp"

namespace kwm::store::testing {
namespace {

using competence::RatingSource;

class CompetenceStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped()) return;
    organisation().import_file(admin, org::ImportKind::Units, kUnitsCsv);
    organisation().import_file(admin, org::ImportKind::Functions, kFunctionsCsv);
    organisation().import_file(admin, org::ImportKind::Positions, positions_csv());
    organisation().import_file(admin, org::ImportKind::People, people_csv());
    catalogue = competence_service(*db);
    catalogue->copy_reference_framework(admin, "casemanager");
  }

  std::shared_ptr<competence::Service> catalogue;

  // CONS/senior asks all five casemanager competencies; samenwerken and plannen_organiseren are critical.
  StoredProfile senior_profile() {
    competence::ProfileDraft draft;
    for (const auto& [code, required, critical] :
         {std::tuple{"samenwerken", 3.0, true}, {"probleemoplossend_vermogen", 3.5, false}, {"verantwoordelijkheid_nemen", 3.0, false},
          {"plannen_organiseren", 2.5, true}, {"resultaatgerichtheid", 3.0, false}}) {
      draft.competencies.push_back({code, required, critical});
    }
    return catalogue->put_profile(admin, {"CONS", "senior"}, draft);
  }

  RoundView round(const std::string& code, competence::AssessmentPurpose purpose) {
    RoundSpec spec;
    spec.code = code;
    spec.name = "Ronde " + code;
    spec.purpose = purpose;
    spec.deadline = Date::parse("2026-12-31");
    spec.settings.target_date = Date::parse("2027-06-30");
    spec.settings.sources = {RatingSource::Self, RatingSource::Manager, RatingSource::External, RatingSource::Peer};
    spec.profiles = {{"CONS", "senior"}};
    spec.units = {"SD"};
    return create_round(*db, admin, spec);
  }

  std::int64_t person_id(const std::string& number) { return organisation().list_people(admin, PeopleFilter{.q = number}, {0, 1}).items.at(0).id; }
};
INSTANTIATE_TEST_SUITE_P(Backends, CompetenceStoreTest, kBackends, backend_name);

TEST_P(CompetenceStoreTest, ResultsEqualThePureFunctionsOverTheStoredRatings) {
  const StoredProfile profile = senior_profile();
  const RoundView created = round("r1", competence::AssessmentPurpose::Selection);
  ASSERT_EQ(created.participants, 2);  // 1001 and 1002, the CONS seniors of WT-N
  // Uneven data: skipped indicators, a missing source, several peers, disagreeing sources.
  std::vector<PersonRatings> people(2);
  people[0].personnel_number = "1001";
  people[1].personnel_number = "1002";
  const char* competencies[] = {"samenwerken", "probleemoplossend_vermogen", "verantwoordelijkheid_nemen", "plannen_organiseren",
                                "resultaatgerichtheid"};
  int draw = 7;
  for (std::size_t p = 0; p < people.size(); ++p) {
    for (auto source : {RatingSource::Self, RatingSource::Manager, RatingSource::External, RatingSource::Peer, RatingSource::Peer}) {
      if (p == 1 && source == RatingSource::External) continue;
      for (const char* competency : competencies) {
        for (const char* indicator : {"i1", "i2", "i3"}) {
          draw = (draw * 37 + 11) % 101;
          if (draw % 7 == 0) continue;
          people[p].ratings.push_back({source, competency, indicator, 1 + draw % 5});
        }
      }
    }
  }
  ASSERT_EQ(store_ratings(*db, admin, "r1", people), static_cast<std::int64_t>(people[0].ratings.size() + people[1].ratings.size()));

  const RoundResults results = round_gaps(*db, admin, "r1", {});
  ASSERT_EQ(results.people.size(), 2u);
  for (std::size_t p = 0; p < people.size(); ++p) {
    const auto expected = competence::assess_person(people[p].personnel_number, profile.profile, people[p].ratings, created.settings);
    const auto& actual = results.people[p].result;
    EXPECT_EQ(actual.personnel_number, people[p].personnel_number);
    EXPECT_EQ(actual.verdict.kind, expected.verdict.kind);
    ASSERT_EQ(actual.competencies.size(), expected.competencies.size());
    for (std::size_t c = 0; c < expected.competencies.size(); ++c) {
      EXPECT_EQ(actual.competencies[c].combined.has_value(), expected.competencies[c].combined.has_value());
      EXPECT_NEAR(actual.competencies[c].combined.value_or(-1), expected.competencies[c].combined.value_or(-1), 1e-12);
      EXPECT_EQ(actual.competencies[c].spread_flagged, expected.competencies[c].spread_flagged);
      EXPECT_EQ(actual.competencies[c].missing_sources, expected.competencies[c].missing_sources);
    }
  }
  // The download carries exactly what was stored.
  EXPECT_EQ(export_assessments(*db, admin, "r1").rows.size(), people[0].ratings.size() + people[1].ratings.size());
}

TEST_P(CompetenceStoreTest, VersionsFollowWhatTheDatabaseSaysIsInUse) {
  senior_profile();
  competence::Framework edited = catalogue->get_framework(admin, "casemanager").framework;
  edited.name = "Casemanagers, herzien";
  EXPECT_EQ(catalogue->edit_framework(admin, "casemanager", edited).outcome, competence::FrameworkOutcome::SameVersion);

  const Error in_use = failure_of([&] { catalogue->remove_competency(admin, "casemanager", "samenwerken"); });
  EXPECT_EQ(in_use.code, "competency_in_use");
  EXPECT_EQ(in_use.kind, ErrorKind::conflict);

  round("r1", competence::AssessmentPurpose::Development);
  edited.name = "Casemanagers 2027";
  const competence::FrameworkChange change = catalogue->edit_framework(admin, "casemanager", edited);
  EXPECT_EQ(change.outcome, competence::FrameworkOutcome::NewVersion);
  EXPECT_EQ(change.stored.framework.version, 2);
  EXPECT_EQ(catalogue->get_framework(admin, "casemanager", 1).framework.name, "Casemanagers, herzien");
  EXPECT_EQ(get_round(*db, admin, "r1").frameworks.at(0).version, 1);
  EXPECT_EQ(failure_of([&] { catalogue->delete_framework(admin, "casemanager"); }).code, "framework_in_use");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE municipality_id = :m AND entity = 'framework'", admin.municipality_id), 3);
}

TEST_P(CompetenceStoreTest, ImportsWriteAllRowsOrNone) {
  senior_profile();
  const Error profiles = failure_of([&] {
    catalogue->import_profiles(admin,
                    "function_code,level,competency_code,required,critical\n"
                    "CONS,junior,samenwerken,3,no\n"
                    "CONS,junior,samenwerken,3,no\n");
  });
  EXPECT_EQ(profiles.code, "import_failed");
  ASSERT_EQ(profiles.rows.size(), 1u);
  EXPECT_EQ(profiles.rows[0].row, 3);
  EXPECT_EQ(catalogue->get_profile(admin, {"CONS", "junior"}).profile.competencies.size(), 0u);

  round("r1", competence::AssessmentPurpose::Selection);
  const Error ratings = failure_of([&] {
    import_assessments(*db, admin,
                       "round_code,personnel_number,source,competency_code,indicator_code,score\n"
                       "r1,1001,self,samenwerken,i1,3\n"
                       "r1,1004,self,samenwerken,i1,3\n");
  });
  ASSERT_EQ(ratings.rows.size(), 1u);
  EXPECT_EQ(ratings.rows[0].column, "personnel_number");
  EXPECT_EQ(count("SELECT COUNT(*) FROM ratings WHERE municipality_id = :m", admin.municipality_id), 0);
  EXPECT_EQ(failure_of([&] { store_ratings(*db, admin, "r1", {{"1001", {{RatingSource::Self, "samenwerken", "i1", 0}}}}); }).code,
            "invalid_rating");
  EXPECT_EQ(count("SELECT COUNT(*) FROM ratings WHERE municipality_id = :m", admin.municipality_id), 0);
}

TEST_P(CompetenceStoreTest, DevelopmentResultsNeedTheEmployeesConsentForThatRound) {
  senior_profile();
  round("ontw", competence::AssessmentPurpose::Development);
  round("ontw-2", competence::AssessmentPurpose::Development);
  EXPECT_EQ(failure_of([&] { selection_evidence_for(*db, admin, "ontw", "1001"); }).code, "purpose_limitation");
  EXPECT_EQ(selection_evidence(*db, admin, "ontw").refused.size(), 2u);

  Principal employee = as(admin, Role::employee);
  employee.person_id = person_id("1001");
  record_consent(*db, employee, "ontw-2", "");  // another round's consent does not count
  EXPECT_EQ(failure_of([&] { selection_evidence_for(*db, admin, "ontw", "1001"); }).code, "purpose_limitation");
  EXPECT_EQ(failure_of([&] { record_consent(*db, employee, "ontw", "1002"); }).kind, ErrorKind::forbidden);
  record_consent(*db, employee, "ontw", "");
  const auto evidence = selection_evidence_for(*db, admin, "ontw", "1001");
  ASSERT_TRUE(evidence.consent().has_value());
  EXPECT_EQ(evidence.consent()->recorded_by, "employee");
  const auto round_evidence = selection_evidence(*db, admin, "ontw");
  EXPECT_EQ(round_evidence.admitted.size(), 1u);
  EXPECT_EQ(round_evidence.refused, std::vector<std::string>{"1002"});
  EXPECT_EQ(failure_of([&] { selection_evidence(*db, as(admin, Role::manager), "ontw"); }).kind, ErrorKind::forbidden);
}

TEST_P(CompetenceStoreTest, AnotherMunicipalitySeesNothing) {
  senior_profile();
  round("r1", competence::AssessmentPurpose::Selection);
  const Principal other = new_municipality("GM0002");
  EXPECT_EQ(failure_of([&] { get_round(*db, other, "r1"); }).kind, ErrorKind::not_found);
  EXPECT_EQ(failure_of([&] { catalogue->get_framework(other, "casemanager"); }).kind, ErrorKind::not_found);
  EXPECT_EQ(failure_of([&] { round_gaps(*db, other, "r1", {}); }).kind, ErrorKind::not_found);
  EXPECT_TRUE(list_rounds(*db, other).empty());
  EXPECT_TRUE(catalogue->list_frameworks(other).items.empty());
  // The same codes are free in the other municipality.
  EXPECT_EQ(catalogue->copy_reference_framework(other, "casemanager").outcome, competence::FrameworkOutcome::Created);
}

}  // namespace
}  // namespace kwm::store::testing
