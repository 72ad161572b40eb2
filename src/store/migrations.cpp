#include "store/migrations.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/error.hpp"
#include "store/database.hpp"

namespace kwm::store {
namespace {

struct Migration {
  int version;
  const char* name;
  // One text for both dialects; "{pk}" stands for the auto-increment primary key.
  const char* sql;
};

// Every tenant table carries municipality_id, so a shared installation can be partitioned by tenant.
// Dates are ISO text (YYYY-MM-DD), moments ISO-8601 UTC text, FTE integer thousandths, booleans 0/1.
constexpr Migration kMigrations[] = {
    {1, "organisation and formation", R"SQL(
CREATE TABLE municipalities (
  id {pk},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  inhabitants BIGINT NOT NULL,
  region TEXT NOT NULL DEFAULT ''
);
CREATE TABLE cooperations (
  id {pk},
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  partner_codes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cooperations_municipality ON cooperations(municipality_id);
CREATE TABLE units (
  id {pk},
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  parent_id BIGINT REFERENCES units(id),
  kind TEXT NOT NULL,
  pillars TEXT NOT NULL DEFAULT '',
  direction TEXT,
  contractor TEXT,
  location TEXT,
  UNIQUE (municipality_id, code)
);
CREATE INDEX units_parent ON units(parent_id);
CREATE TABLE functions (
  id {pk},
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  level TEXT NOT NULL,
  education_level TEXT NOT NULL,
  scale BIGINT NOT NULL,
  status TEXT NOT NULL,
  UNIQUE (municipality_id, code, level)
);
CREATE TABLE positions (
  id {pk},
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  function_id BIGINT NOT NULL REFERENCES functions(id),
  fte_milli BIGINT NOT NULL,
  kind TEXT NOT NULL,
  end_date TEXT NOT NULL DEFAULT '',
  UNIQUE (municipality_id, unit_id, function_id, kind, end_date)
);
CREATE INDEX positions_unit ON positions(unit_id);
CREATE TABLE people (
  id {pk},
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  personnel_number TEXT NOT NULL,
  name TEXT NOT NULL,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  function_id BIGINT REFERENCES functions(id),
  fte_milli BIGINT NOT NULL,
  contract TEXT NOT NULL,
  contract_end TEXT NOT NULL DEFAULT '',
  hire_date TEXT NOT NULL DEFAULT '',
  education_level TEXT NOT NULL DEFAULT '',
  engagement TEXT NOT NULL,
  organisation TEXT NOT NULL DEFAULT '',
  UNIQUE (municipality_id, personnel_number)
);
CREATE INDEX people_unit ON people(unit_id);
CREATE TABLE users (
  id {pk},
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  person_id BIGINT REFERENCES people(id) ON DELETE SET NULL,
  organisation TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE TABLE user_units (
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  unit_id BIGINT NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, unit_id)
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE TABLE audit_log (
  id {pk},
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  user_id BIGINT,
  username TEXT NOT NULL,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_key TEXT NOT NULL,
  before_json TEXT NOT NULL DEFAULT '',
  after_json TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_municipality ON audit_log(municipality_id, id);
)SQL"},
    {2, "competency management", R"SQL(
CREATE TABLE frameworks (
  id {pk},
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  version BIGINT NOT NULL,
  name TEXT NOT NULL,
  scale_min BIGINT NOT NULL,
  scale_max BIGINT NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (municipality_id, code, version)
);
CREATE TABLE framework_anchors (
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  framework_id BIGINT NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
  point BIGINT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (framework_id, point)
);
CREATE TABLE competencies (
  id {pk},
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  framework_id BIGINT NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
  ordinal BIGINT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  definition TEXT NOT NULL,
  kind TEXT NOT NULL,
  UNIQUE (framework_id, code)
);
CREATE TABLE indicators (
  id {pk},
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  competency_id BIGINT NOT NULL REFERENCES competencies(id) ON DELETE CASCADE,
  ordinal BIGINT NOT NULL,
  code TEXT NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (competency_id, code)
);
CREATE TABLE function_profiles (
  function_id BIGINT PRIMARY KEY REFERENCES functions(id) ON DELETE CASCADE,
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  education_level TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);
CREATE TABLE profile_requirements (
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  function_id BIGINT NOT NULL REFERENCES function_profiles(function_id) ON DELETE CASCADE,
  ordinal BIGINT NOT NULL,
  framework_code TEXT NOT NULL,
  competency_code TEXT NOT NULL,
  required DOUBLE PRECISION NOT NULL,
  critical BIGINT NOT NULL,
  PRIMARY KEY (function_id, competency_code)
);
CREATE TABLE external_organisations (
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  agreed BIGINT NOT NULL,
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  PRIMARY KEY (municipality_id, name)
);
CREATE TABLE assessment_rounds (
  id {pk},
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  purpose TEXT NOT NULL,
  status TEXT NOT NULL,
  deadline TEXT NOT NULL,
  target_date TEXT NOT NULL,
  sources TEXT NOT NULL,
  weight_self DOUBLE PRECISION NOT NULL,
  weight_manager DOUBLE PRECISION NOT NULL,
  weight_external DOUBLE PRECISION NOT NULL,
  weight_peer DOUBLE PRECISION NOT NULL,
  tolerance DOUBLE PRECISION NOT NULL,
  trainable_step DOUBLE PRECISION NOT NULL,
  spread_threshold DOUBLE PRECISION NOT NULL,
  created_at TEXT NOT NULL,
  closed_at TEXT NOT NULL DEFAULT '',
  UNIQUE (municipality_id, code)
);
CREATE TABLE round_frameworks (
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  round_id BIGINT NOT NULL REFERENCES assessment_rounds(id) ON DELETE CASCADE,
  framework_id BIGINT NOT NULL REFERENCES frameworks(id),
  PRIMARY KEY (round_id, framework_id)
);
CREATE INDEX round_frameworks_framework ON round_frameworks(framework_id);
CREATE TABLE round_requirements (
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  round_id BIGINT NOT NULL REFERENCES assessment_rounds(id) ON DELETE CASCADE,
  function_code TEXT NOT NULL,
  level TEXT NOT NULL,
  education_level TEXT NOT NULL DEFAULT '',
  ordinal BIGINT NOT NULL,
  competency_code TEXT NOT NULL,
  required DOUBLE PRECISION NOT NULL,
  critical BIGINT NOT NULL,
  knowledge BIGINT NOT NULL,
  PRIMARY KEY (round_id, function_code, level, competency_code)
);
CREATE TABLE round_participants (
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  round_id BIGINT NOT NULL REFERENCES assessment_rounds(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  function_code TEXT NOT NULL,
  level TEXT NOT NULL,
  PRIMARY KEY (round_id, person_id)
);
CREATE INDEX round_participants_person ON round_participants(person_id);
CREATE TABLE ratings (
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  round_id BIGINT NOT NULL REFERENCES assessment_rounds(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  indicator_id BIGINT NOT NULL REFERENCES indicators(id),
  score BIGINT NOT NULL,
  rater_user_id BIGINT REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX ratings_round_person ON ratings(round_id, person_id, source);
CREATE INDEX ratings_indicator ON ratings(indicator_id);
CREATE TABLE rating_sets (
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  round_id BIGINT NOT NULL REFERENCES assessment_rounds(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (round_id, person_id, source)
);
CREATE TABLE consents (
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  round_id BIGINT NOT NULL REFERENCES assessment_rounds(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  PRIMARY KEY (round_id, person_id)
);
CREATE TABLE round_assessors (
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  round_id BIGINT NOT NULL REFERENCES assessment_rounds(id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  linked_at TEXT NOT NULL,
  PRIMARY KEY (round_id, user_id)
);
CREATE INDEX round_assessors_user ON round_assessors(user_id);
)SQL"},
    {3, "placement procedure", R"SQL(
CREATE TABLE reorganisations (
  id {pk},
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  old_unit_id BIGINT NOT NULL REFERENCES units(id),
  new_unit_id BIGINT NOT NULL REFERENCES units(id),
  preference_deadline TEXT NOT NULL,
  effective_date TEXT NOT NULL,
  max_preferences BIGINT NOT NULL,
  assessment_round TEXT NOT NULL DEFAULT '',
  settings_json TEXT NOT NULL,
  mapping_confirmed_by TEXT NOT NULL DEFAULT '',
  mapping_confirmed_at TEXT NOT NULL DEFAULT '',
  confirmed_run_id BIGINT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (municipality_id, code)
);
CREATE TABLE reorganisation_function_matches (
  reorganisation_id BIGINT NOT NULL REFERENCES reorganisations(id) ON DELETE CASCADE,
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  old_function_id BIGINT NOT NULL REFERENCES functions(id) ON DELETE CASCADE,
  new_function_id BIGINT NOT NULL REFERENCES functions(id) ON DELETE CASCADE,
  proposed TEXT NOT NULL,
  overlap DOUBLE PRECISION,
  reasons_json TEXT NOT NULL,
  confirmed_match TEXT NOT NULL,
  PRIMARY KEY (reorganisation_id, old_function_id, new_function_id)
);
CREATE TABLE reorganisation_responses (
  reorganisation_id BIGINT NOT NULL REFERENCES reorganisations(id) ON DELETE CASCADE,
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (reorganisation_id, person_id)
);
CREATE TABLE reorganisation_preferences (
  reorganisation_id BIGINT NOT NULL REFERENCES reorganisations(id) ON DELETE CASCADE,
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  rank BIGINT NOT NULL,
  function_id BIGINT NOT NULL REFERENCES functions(id) ON DELETE CASCADE,
  motivation TEXT NOT NULL,
  PRIMARY KEY (reorganisation_id, person_id, rank)
);
CREATE TABLE reorganisation_interviews (
  reorganisation_id BIGINT NOT NULL REFERENCES reorganisations(id) ON DELETE CASCADE,
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  function_id BIGINT NOT NULL REFERENCES functions(id) ON DELETE CASCADE,
  score DOUBLE PRECISION NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  PRIMARY KEY (reorganisation_id, person_id, function_id)
);
CREATE TABLE reorganisation_appraisals (
  reorganisation_id BIGINT NOT NULL REFERENCES reorganisations(id) ON DELETE CASCADE,
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  score BIGINT NOT NULL,
  appraised_on TEXT NOT NULL,
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  PRIMARY KEY (reorganisation_id, person_id)
);
CREATE TABLE reorganisation_pair_decisions (
  id {pk},
  reorganisation_id BIGINT NOT NULL REFERENCES reorganisations(id) ON DELETE CASCADE,
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  position_id BIGINT NOT NULL REFERENCES positions(id) ON DELETE CASCADE,
  decision TEXT NOT NULL,
  reason TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  UNIQUE (reorganisation_id, person_id, position_id)
);
CREATE TABLE placement_runs (
  id {pk},
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  reorganisation_id BIGINT NOT NULL REFERENCES reorganisations(id) ON DELETE CASCADE,
  number BIGINT NOT NULL,
  status TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  max_preferences BIGINT NOT NULL,
  settings_json TEXT NOT NULL,
  rounds_json TEXT NOT NULL,
  figures_json TEXT NOT NULL,
  open_slots_json TEXT NOT NULL,
  open_slots BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  confirmed_by TEXT NOT NULL DEFAULT '',
  confirmed_at TEXT NOT NULL DEFAULT '',
  confirmation_note TEXT NOT NULL DEFAULT '',
  UNIQUE (reorganisation_id, number)
);
CREATE TABLE placement_run_people (
  run_id BIGINT NOT NULL REFERENCES placement_runs(id) ON DELETE CASCADE,
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL,
  personnel_number TEXT NOT NULL,
  name TEXT NOT NULL,
  unit_code TEXT NOT NULL,
  unit_name TEXT NOT NULL,
  fte_milli BIGINT NOT NULL,
  contract TEXT NOT NULL,
  education_level TEXT NOT NULL DEFAULT '',
  placed BIGINT NOT NULL,
  position_id BIGINT,
  preference_rank BIGINT,
  suitability_centi BIGINT,
  detail_json TEXT NOT NULL,
  explanation_json TEXT NOT NULL,
  PRIMARY KEY (run_id, person_id)
);
CREATE TABLE placement_vacancies (
  id {pk},
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  reorganisation_id BIGINT NOT NULL REFERENCES reorganisations(id) ON DELETE CASCADE,
  run_id BIGINT NOT NULL REFERENCES placement_runs(id) ON DELETE CASCADE,
  position_id BIGINT NOT NULL,
  unit_code TEXT NOT NULL,
  function_code TEXT NOT NULL,
  function_name TEXT NOT NULL,
  level TEXT NOT NULL,
  slots BIGINT NOT NULL,
  fte_milli BIGINT NOT NULL,
  kind TEXT NOT NULL,
  end_date TEXT NOT NULL DEFAULT '',
  stage TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX placement_vacancies_reorganisation ON placement_vacancies(reorganisation_id);
CREATE TABLE placement_objections (
  id {pk},
  municipality_id BIGINT NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  reorganisation_id BIGINT NOT NULL REFERENCES reorganisations(id) ON DELETE CASCADE,
  run_id BIGINT NOT NULL REFERENCES placement_runs(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL,
  personnel_number TEXT NOT NULL,
  name TEXT NOT NULL,
  grounds TEXT NOT NULL,
  status TEXT NOT NULL,
  response TEXT NOT NULL DEFAULT '',
  explanation_json TEXT NOT NULL,
  registered_by TEXT NOT NULL,
  registered_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX placement_objections_reorganisation ON placement_objections(reorganisation_id);
)SQL"},
    // Changes with every write to a municipality's units, functions, positions or people, in the same
    // transaction: a server process keeps that municipality's computed formation while the stamp it read is
    // still the stored one, so a write by any process shows on the next read.
    {4, "organisation version stamp", R"SQL(
ALTER TABLE municipalities ADD COLUMN org_version BIGINT NOT NULL DEFAULT 0;
)SQL"},
    // Accounts locked after failed logins from many addresses (http/login_throttle.hpp), until an admin
    // lifts the lock. Kept by username without a reference to users: a lock on a name nobody has tells an
    // attacker nothing, and deleting an account need not touch it. Addresses: separated by spaces.
    {5, "account locks", R"SQL(
CREATE TABLE account_locks (
  username TEXT PRIMARY KEY,
  locked_at TEXT NOT NULL,
  failures BIGINT NOT NULL,
  addresses TEXT NOT NULL
);
)SQL"},
};

// Versions need not be contiguous: each capability adds its own, and migrate applies whatever is missing.
constexpr int kLatestVersion = [] {
  int latest = 0;
  for (const Migration& migration : kMigrations) latest = std::max(latest, migration.version);
  return latest;
}();

void ensure_migrations_table(soci::session& sql) {
  sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
}

std::set<int> applied_versions(soci::session& sql) {
  std::set<int> versions;
  soci::rowset<soci::row> rows = (sql.prepare << "SELECT version FROM schema_migrations");
  for (const soci::row& row : rows) versions.insert(static_cast<int>(row_integer(row, 0)));
  return versions;
}

// SOCI runs one statement per call; the migration texts are split on the semicolons that end a line.
void run_script(soci::session& sql, const std::string& script) {
  std::size_t start = 0;
  while (start < script.size()) {
    std::size_t end = script.find(";\n", start);
    if (end == std::string::npos) end = script.size();
    const std::string statement = script.substr(start, end - start);
    if (statement.find_first_not_of(" \n\t\r") != std::string::npos) sql << statement;
    start = end + 2;
  }
}

}  // namespace

int latest_schema_version() { return kLatestVersion; }

SchemaStatus schema_status(Database& db) {
  auto session = db.lease();
  ensure_migrations_table(*session);
  const std::set<int> applied = applied_versions(*session);
  SchemaStatus status{applied.empty() ? 0 : *applied.rbegin(), kLatestVersion, 0};
  for (const Migration& migration : kMigrations) status.pending += applied.contains(migration.version) ? 0 : 1;
  return status;
}

std::vector<std::string> migrate(Database& db) {
  std::vector<std::string> applied;
  {
    auto session = db.lease();
    ensure_migrations_table(*session);
  }
  for (const Migration& migration : kMigrations) {
    const bool done = db.transaction([&](soci::session& sql) {
      if (applied_versions(sql).contains(migration.version)) return true;
      std::string script = migration.sql;
      for (auto at = script.find("{pk}"); at != std::string::npos; at = script.find("{pk}")) {
        script.replace(at, 4, primary_key_sql(db.dialect()));
      }
      run_script(sql, script);
      const std::string name = migration.name;
      sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, CURRENT_TIMESTAMP)",
          soci::use(migration.version), soci::use(name);
      return false;
    });
    if (!done) applied.push_back(fmt::format("{:03} {}", migration.version, migration.name));
  }
  return applied;
}

void require_current_schema(Database& db) {
  const SchemaStatus status = schema_status(db);
  if (status.current > status.latest) {
    fail(ErrorKind::conflict, "schema_too_new",
         fmt::format("Het databaseschema is versie {}, nieuwer dan deze versie van Kwartiermaker kent ({}): "
                     "gebruik een nieuwere kwartiermaker",
                     status.current, status.latest));
  }
  if (status.pending > 0) {
    fail(ErrorKind::conflict, "schema_outdated",
         fmt::format("Het databaseschema mist {} migratie(s) (nu versie {}, deze versie van Kwartiermaker verwacht {}): "
                     "voer eerst 'kwartiermaker migrate --db …' uit",
                     status.pending, status.current, status.latest));
  }
}

}  // namespace kwm::store
