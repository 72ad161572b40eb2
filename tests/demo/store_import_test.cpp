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
#include "store/org_store.hpp"
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
    actor.municipality_id = store::create_municipality(*db_, actor, municipality);
    actor.municipality_code = m.code;
    EXPECT_GT(store::import_file(*db_, actor, org::ImportKind::Units, m.units_csv), 0);
    EXPECT_GT(store::import_file(*db_, actor, org::ImportKind::Functions, m.functions_csv), 0);
    EXPECT_GT(store::import_file(*db_, actor, org::ImportKind::Positions, m.positions_csv), 0);
    EXPECT_GT(store::import_file(*db_, actor, org::ImportKind::People, m.people_csv), 0);
    return actor;
  }

  kwm::testing::ScratchDir scratch_{"kwm-demo"};
  std::unique_ptr<store::Database> db_;
};

TEST_F(DemoDatabase, LargeImportsAndShowsAllFourTeamTypes) {
  const DemoMunicipality m = generate(Size::large, 3, *Date::from_ymd(2026, 6, 1)).at(0);
  const Principal actor = load(m);
  std::set<int> types;
  const store::UnitView* root = nullptr;
  const auto tree = store::unit_tree(*db_, actor);
  for (const store::UnitView& view : tree) {
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
  const auto before = store::export_table(*db_, actor, org::ImportKind::People).rows;
  store::import_file(*db_, actor, org::ImportKind::People, m.people_csv);
  EXPECT_EQ(store::export_table(*db_, actor, org::ImportKind::People).rows, before);
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
    store::create_municipality(*db_, actor, again);
    FAIL() << "a second " << m.code << " was created";
  } catch (const Failure& failure) {
    EXPECT_EQ(failure.error().code, "municipality_exists");
  }
}

}  // namespace
}  // namespace kwm::demo
