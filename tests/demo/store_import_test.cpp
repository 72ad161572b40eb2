// The demo files through the real importer into a real SQLite database: what `kwartiermaker demo` does.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "core/date.hpp"
#include "demo/generator.hpp"
#include "org/model.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "org/service.hpp"
#include "store/org_repository.hpp"
#include "support/scratch.hpp"

namespace kwm::demo {
namespace {

class DemoDatabase : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<store::Database>("sqlite:" + (scratch_ / "demo.db").string(), 1);
    store::migrate(*db_);
  }
  void TearDown() override { db_.reset(); }
  std::shared_ptr<org::Service> organisation() { return store::organisation_service(*db_); }

  // Creates the municipality and imports its four files, as the demo command does; returns the actor.
  Principal load(const DemoMunicipality& m) {
    org::Municipality municipality;
    municipality.code = m.code;
    municipality.name = m.name;
    municipality.inhabitants = m.inhabitants;
    municipality.region = m.region;
    Principal actor;
    actor.username = "demo-test";
    actor.role = Role::admin;
    actor.municipality_id = organisation()->create_municipality(actor, municipality);
    actor.municipality_code = m.code;
    EXPECT_GT(organisation()->import_file(actor, org::ImportKind::Units, m.units_csv).rows, 0);
    EXPECT_GT(organisation()->import_file(actor, org::ImportKind::Functions, m.functions_csv).rows, 0);
    EXPECT_GT(organisation()->import_file(actor, org::ImportKind::Positions, m.positions_csv).rows, 0);
    EXPECT_GT(organisation()->import_file(actor, org::ImportKind::People, m.people_csv).rows, 0);
    return actor;
  }

  kwm::testing::ScratchDir scratch_{"kwm-demo"};
  std::unique_ptr<store::Database> db_;
};

TEST_F(DemoDatabase, LargeImportsAndShowsAllFourTeamTypes) {
  const DemoMunicipality m = generate(Size::large, 3, *Date::from_ymd(2026, 6, 1)).at(0);
  const Principal actor = load(m);
  std::set<int> types;
  const org::UnitView* root = nullptr;
  const auto tree = organisation()->unit_tree(actor).units;
  for (const org::UnitView& view : tree) {
    if (view.team_type.type) types.insert(*view.team_type.type);
    if (!view.unit.parent_id) root = &view;
  }
  EXPECT_EQ(types, (std::set<int>{1, 2, 3, 4}));
  ASSERT_NE(root, nullptr);
  EXPECT_GT(root->total.people, 300);
  EXPECT_GT(root->total.externals, 90);
  EXPECT_GT(root->total.vacant.milli(), 0);
  EXPECT_GT(root->total.temporary.milli(), 0);
}

TEST_F(DemoDatabase, ReimportingTheSameFilesChangesNothing) {
  const DemoMunicipality m = generate(Size::medium, 3, *Date::from_ymd(2026, 6, 1)).at(0);
  const Principal actor = load(m);
  const auto before = organisation()->export_table(actor, org::ImportKind::People).rows;
  organisation()->import_file(actor, org::ImportKind::People, m.people_csv);
  EXPECT_EQ(organisation()->export_table(actor, org::ImportKind::People).rows, before);
}

TEST_F(DemoDatabase, TheSameMunicipalityCannotBeCreatedTwice) {
  const DemoMunicipality m = generate(Size::small, 3, *Date::from_ymd(2026, 6, 1)).at(0);
  load(m);
  org::Municipality again;
  again.code = m.code;
  again.name = m.name;
  Principal actor;
  actor.role = Role::admin;
  try {
    organisation()->create_municipality(actor, again);
    FAIL() << "a second " << m.code << " was created";
  } catch (const Failure& failure) {
    EXPECT_EQ(failure.error().code, "municipality_exists");
  }
}

}  // namespace
}  // namespace kwm::demo
