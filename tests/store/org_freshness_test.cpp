// The formation a server keeps between requests (see current_snapshot in org_store.cpp) must never outlive
// a write: every kind of write shows on the very next read, whether it came through this Database, another
// connection (as from another server process) or a concurrent thread.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "org_fixture.hpp"
#include "store/org_sql.hpp"
#include "org/service.hpp"
#include "store_test_support.hpp"

namespace kwm::store::testing {
namespace {

using org::ImportKind;

class OrgFreshnessTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped()) return;
    organisation().import_file(admin, ImportKind::Units, kUnitsCsv);
    organisation().import_file(admin, ImportKind::Functions, kFunctionsCsv);
    organisation().import_file(admin, ImportKind::Positions, positions_csv());
    organisation().import_file(admin, ImportKind::People, people_csv());
    for (const UnitView& view : organisation().unit_tree(admin).units) unit_ids[view.unit.code] = view.unit.id;
  }
  org::Formation department() { return organisation().get_unit(admin, unit_ids.at("SD")).view.total; }
  std::optional<int> team_type(const std::string& code) { return organisation().get_unit(admin, unit_ids.at(code)).view.team_type.type; }
  std::int64_t function_id(const std::string& code, const std::string& level) {
    for (const auto& function : organisation().list_functions(admin, code, {0, 100}).items)
      if (function.level == level) return function.id;
    throw std::runtime_error("no function " + code + "/" + level);
  }
  std::map<std::string, std::int64_t> unit_ids;
};

org::Person person(const std::string& number, std::int64_t unit_id, std::int64_t function_id, long long fte_milli) {
  org::Person p;
  p.personnel_number = number;
  p.name = "N. " + number;
  p.unit_id = unit_id;
  p.function_id = function_id;
  p.fte = Fte::from_milli(fte_milli);
  return p;
}

TEST_P(OrgFreshnessTest, PeopleWritesShowOnTheNextRead) {
  ASSERT_EQ(department().people, 7);  // read once, so that the formation is kept
  const std::int64_t id = organisation().create_person(admin, person("2001", unit_ids["BO"], function_id("ADM", "medior"), 500));
  EXPECT_EQ(department().people, 8);
  EXPECT_EQ(department().filled.milli(), 4300);
  organisation().update_person(admin, id, person("2001", unit_ids["BO"], function_id("ADM", "medior"), 1000));
  EXPECT_EQ(department().filled.milli(), 4800);
  organisation().delete_person(admin, id);
  EXPECT_EQ(department().people, 7);
  EXPECT_EQ(department().filled.milli(), 3800);
}

TEST_P(OrgFreshnessTest, PositionWritesShowOnTheNextRead) {
  ASSERT_EQ(department().budgeted.milli(), 6500);
  org::Position position;
  position.unit_id = unit_ids["BO"];
  position.function_id = function_id("CONS", "junior");
  position.fte = Fte::from_milli(1500);
  const std::int64_t id = organisation().create_position(admin, position);
  EXPECT_EQ(department().budgeted.milli(), 8000);
  position.fte = Fte::from_milli(250);
  organisation().update_position(admin, id, position);
  EXPECT_EQ(department().budgeted.milli(), 6750);
  organisation().delete_position(admin, id);
  EXPECT_EQ(department().budgeted.milli(), 6500);
}

TEST_P(OrgFreshnessTest, UnitWritesShowOnTheNextRead) {
  ASSERT_EQ(organisation().get_unit(admin, unit_ids["SD"]).children.size(), 3u);
  org::Unit unit;
  unit.code = "JT";
  unit.name = "Jeugdteam";
  unit.kind = org::UnitKind::YouthTeam;
  unit.parent_id = unit_ids["SD"];
  unit.direction = org::Direction::Municipality;
  const std::int64_t id = organisation().create_unit(admin, unit);
  EXPECT_EQ(organisation().get_unit(admin, unit_ids["SD"]).children.size(), 4u);
  unit.name = "Jeugdteam Oost";
  organisation().update_unit(admin, id, unit);
  EXPECT_EQ(organisation().get_unit(admin, id).view.unit.name, "Jeugdteam Oost");
  organisation().delete_unit(admin, id);
  EXPECT_EQ(organisation().get_unit(admin, unit_ids["SD"]).children.size(), 3u);
  EXPECT_EQ(organisation().unit_tree(admin).units.size(), 4u);
}

TEST_P(OrgFreshnessTest, FunctionWritesShowOnTheNextRead) {
  // Team Zuid's only municipal employee holds the coordinator function, so the contractor's team is type 1.
  ASSERT_EQ(team_type("WT-Z"), 1);
  const std::int64_t id = function_id("TC", "coordinator");
  org::Function renamed{id, "TC", "Consulent", "coordinator", org::EducationLevel::Hbo, 11, org::FunctionStatus::New};
  organisation().update_function(admin, id, renamed);
  EXPECT_EQ(team_type("WT-Z"), 2);  // a consultant now
}

TEST_P(OrgFreshnessTest, ImportsShowOnTheNextRead) {
  ASSERT_EQ(department().people, 7);
  organisation().import_file(admin, ImportKind::People, "personnel_number,name,unit_code,function_code,level,fte,contract,contract_end,hire_date,education_level,"
              "engagement,organisation\n"
              "1004,G. Bos,BO,ADM,medior,0.5,permanent,,2010-01-01,mbo,employee,\n"  // was 1 fte
              "1005,H. Vos,BO,ADM,medior,1,permanent,,2021-01-01,mbo,employee,\n");
  EXPECT_EQ(department().people, 8);
  EXPECT_EQ(department().filled.milli(), 4300);
  organisation().import_file(admin, ImportKind::Positions, "unit_code,function_code,level,fte,kind,end_date\nBO,ADM,medior,4,structural,\n");
  EXPECT_EQ(department().budgeted.milli(), 7500);
}

TEST_P(OrgFreshnessTest, AWriteThroughAnotherConnectionShowsOnTheNextRead) {
  ASSERT_EQ(department().budgeted.milli(), 6500);
  // Another server process on the same database: its own connections, its own transaction.
  Database other(db->url().dialect == Dialect::sqlite ? "sqlite:" + db->url().connect_string : db->url().connect_string, 1);
  detail::organisation_write(other, admin.municipality_id, [&](soci::session& sql) {
    long long m = admin.municipality_id;
    sql << "UPDATE positions SET fte_milli = fte_milli * 2 WHERE municipality_id = :m", soci::use(m);
  });
  EXPECT_EQ(department().budgeted.milli(), 13000);
}

TEST_P(OrgFreshnessTest, TheKeptFormationServesReadsWhileTheStampIsUnchanged) {
  // What makes a write visible is the stamp: a change behind the store's back, without one, is not seen.
  // (Every writer of units, functions, positions and people goes through detail::organisation_write.)
  ASSERT_EQ(department().budgeted.milli(), 6500);
  long long m = admin.municipality_id;
  *db->lease() << "UPDATE positions SET fte_milli = fte_milli * 2 WHERE municipality_id = :m", soci::use(m);
  EXPECT_EQ(department().budgeted.milli(), 6500);
  detail::stamp_organisation_change(*db->lease(), admin.municipality_id);
  EXPECT_EQ(department().budgeted.milli(), 13000);
}

TEST_P(OrgFreshnessTest, MunicipalitiesAreKeptApart) {
  const Principal other = new_municipality("GM0002");
  EXPECT_TRUE(organisation().unit_tree(other).units.empty());
  ASSERT_EQ(organisation().unit_tree(admin).units.size(), 4u);
  organisation().import_file(other, ImportKind::Units, "code,name,parent_code,kind,pillars,direction,contractor\nX,Eenheid X,,department,,,\n");
  EXPECT_EQ(organisation().unit_tree(other).units.size(), 1u);
  EXPECT_EQ(organisation().unit_tree(admin).units.size(), 4u);
}

TEST_P(OrgFreshnessTest, ConcurrentReadersNeverSeeAnOlderFormationThanTheLastCommittedWrite) {
  constexpr int kWrites = 15;
  std::atomic<int> committed{0};
  std::atomic<bool> done{false};
  std::atomic<int> stale{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < 2; ++r) {
    readers.emplace_back([&] {
      while (!done) {
        const int before = committed.load();  // every write counted here has committed
        const std::int64_t people = organisation().get_unit(admin, unit_ids.at("SD")).view.total.people;
        if (people < 7 + before) ++stale;
      }
    });
  }
  const std::int64_t function = function_id("ADM", "medior");
  for (int i = 0; i < kWrites; ++i) {
    organisation().create_person(admin, person("3" + std::to_string(100 + i), unit_ids["BO"], function, 1000));
    ++committed;
    EXPECT_EQ(department().people, 7 + i + 1);
  }
  done = true;
  for (auto& reader : readers) reader.join();
  EXPECT_EQ(stale.load(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, OrgFreshnessTest, kBackends, backend_name);

}  // namespace
}  // namespace kwm::store::testing
