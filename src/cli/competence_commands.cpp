// Competency management from the command line: `import framework|profiles|assessments FILE --municipality
// CODE` (through the shared import command), and `assessment-demo`, which puts the benchmark's selection
// round on a demo municipality through the same competence service (frameworks, profiles) and store functions
// (rounds, ratings) the API uses.
#include <CLI/CLI.hpp>

#include <chrono>
#include <map>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "competence/framework_json.hpp"
#include "core/csv.hpp"
#include "core/error.hpp"
#include "demo/assessments.hpp"
#include "competence/service.hpp"
#include "store/competence_repository.hpp"
#include "store/competence_store.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "org/service.hpp"
#include "store/org_repository.hpp"

namespace kwm::cli {
namespace {

// A framework file's errors name a JSON path, not a row: the file name goes in front of the message.
std::string import_framework(store::Database& db, const Principal& actor, const std::string& file, const std::string& text) {
  try {
    const auto change = store::competence_service(db)->import_framework(actor, competence::framework_from_json(text));
    const auto& framework = change.stored.framework;
    return fmt::format("Kader {} versie {} uit {}: {} (gemeente {})", framework.code, framework.version, file,
                       competence::to_string(change.outcome), actor.municipality_code);
  } catch (const Failure& failure) {
    Error error = failure.error();
    error.message = file + ": " + error.message;
    throw Failure(std::move(error));
  }
}

std::string import_profiles(store::Database& db, const Principal& actor, const std::string& file, const std::string& text) {
  const auto result = store::competence_service(db)->import_profiles(actor, text);
  return fmt::format("{} {} met {} functieprofiel(en) ingelezen uit {} (gemeente {})", result.rows, result.rows == 1 ? "rij" : "rijen",
                     result.profiles, file, actor.municipality_code);
}

std::string import_assessments(store::Database& db, const Principal& actor, const std::string& file, const std::string& text) {
  const std::int64_t rows = store::import_assessments(db, actor, text);
  return fmt::format("{} {} met scores ingelezen uit {} (gemeente {})", rows, rows == 1 ? "rij" : "rijen", file, actor.municipality_code);
}

const RegisterImportKind framework_kind("framework", &import_framework);
const RegisterImportKind profiles_kind("profiles", &import_profiles);
const RegisterImportKind assessments_kind("assessments", &import_assessments);

// --- assessment-demo --------------------------------------------------------------------------------------

struct DemoRoundOptions {
  std::string db;
  std::string municipality;
  std::string round = "selectie-demo";
  std::uint64_t seed = 1;
  std::size_t batch = 500;
};

// The reference frameworks of the benchmark round: ten generalist competencies and five core ones, each
// with three indicators (issue 3: "~15 competencies x 3 indicators per person").
constexpr const char* kDemoFrameworks[] = {"movisie-generalist", "core"};
constexpr competence::RatingSource kDemoSources[] = {competence::RatingSource::Self, competence::RatingSource::Manager,
                                                     competence::RatingSource::External};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int run_assessment_demo(const DemoRoundOptions& opts) {
  store::Database db(opts.db, 1);
  store::require_current_schema(db);
  const auto municipality = store::organisation_service(db)->find_municipality(opts.municipality);
  if (!municipality) fail_invalid("municipality", fmt::format("Gemeente '{}' bestaat niet", opts.municipality));
  Principal actor;
  actor.username = "demo";
  actor.role = Role::admin;
  actor.municipality_id = municipality->id;
  actor.municipality_code = municipality->code;
  const auto start = std::chrono::steady_clock::now();

  const auto catalogue = store::competence_service(db);
  std::vector<std::string> competencies;
  std::vector<demo::DemoIndicator> indicators;
  for (const char* reference : kDemoFrameworks) {
    const auto change = catalogue->copy_reference_framework(actor, reference);
    for (const auto& competency : change.stored.framework.competencies) {
      competencies.push_back(competency.code);
      for (const auto& indicator : competency.indicators) indicators.push_back({competency.code, indicator.code});
    }
  }

  // Profiles for every function level that people hold, through the profiles CSV import.
  std::vector<demo::DemoFunctionLevel> levels;
  for (const auto& summary : catalogue->list_profiles(actor).items) {
    const org::Function& function = summary.stored.function;
    levels.push_back({function.code, function.level, function.scale});
  }
  const auto lines = demo::demo_profiles(levels, competencies, opts.seed);
  std::string profiles_csv = csv::format_line({"function_code", "level", "competency_code", "required", "critical"});
  for (const auto& line : lines) {
    profiles_csv += csv::format_line({line.function_code, line.level, line.competency_code, fmt::format("{}", line.required),
                                      line.critical ? "yes" : "no"});
  }
  catalogue->import_profiles(actor, profiles_csv);

  store::RoundSpec spec;
  spec.code = opts.round;
  spec.name = "Selectieronde (demo)";
  spec.purpose = competence::AssessmentPurpose::Selection;
  spec.deadline = Date::today().plus_days(30);
  spec.settings.target_date = Date::today().plus_months(6);
  for (const auto& level : levels) spec.profiles.push_back({level.function_code, level.level});
  for (const auto& unit : store::organisation_service(db)->unit_tree(actor).units) {
    if (!unit.unit.parent_id) spec.units.push_back(unit.unit.code);
  }
  const store::RoundView round = store::create_round(db, actor, spec);
  const double set_up = seconds_since(start);

  // Scores per person, written in batches (one transaction each) to keep memory flat.
  std::map<store::ProfileKey, std::vector<double>> required_per_indicator;
  std::map<std::pair<store::ProfileKey, std::string>, double> required;
  for (const auto& line : lines) required[{{line.function_code, line.level}, line.competency_code}] = line.required;
  const std::vector<std::string> sources = {"self", "manager", "external"};
  std::int64_t written = 0;
  std::vector<store::PersonRatings> batch;
  const auto flush = [&] {
    written += store::store_ratings(db, actor, round.code, batch);
    batch.clear();
  };
  for (const auto& participant : store::list_participants(db, actor, round.code)) {
    auto& levels_of = required_per_indicator[participant.profile];
    if (levels_of.empty()) {
      for (const auto& indicator : indicators) levels_of.push_back(required.at({participant.profile, indicator.competency_code}));
    }
    store::PersonRatings person{participant.personnel_number, {}};
    for (const auto& score : demo::demo_scores(participant.personnel_number, indicators, levels_of, sources, opts.seed)) {
      const auto source = *competence::rating_source_from_string(score.source);
      person.ratings.push_back({source, indicators[score.indicator].competency_code, indicators[score.indicator].indicator_code, score.score});
    }
    batch.push_back(std::move(person));
    if (batch.size() >= opts.batch) flush();
  }
  if (!batch.empty()) flush();
  std::cout << fmt::format(
      "Selectieronde {} in {} ({}): {} deelnemers, {} competenties, {} scores; kaders en profielen {:.1f} s, scores {:.1f} s\n",
      round.code, municipality->code, municipality->name, round.participants, competencies.size(), written, set_up,
      seconds_since(start) - set_up);
  return 0;
}

void add_competence_commands(CLI::App& app) {
  auto opts = std::make_shared<DemoRoundOptions>();
  CLI::App* demo = app.add_subcommand(
      "assessment-demo",
      "Add the benchmark's selection round to a demo municipality: reference frameworks, profiles for every function level, "
      "and self, manager and external scores for everyone (deterministic per seed)");
  add_db_option(*demo, opts->db);
  demo->add_option("--municipality", opts->municipality, "CBS code of the municipality, e.g. GM9134")->required();
  demo->add_option("--round", opts->round, "Code of the round")->capture_default_str();
  demo->add_option("--seed", opts->seed, "Seed of the scores")->capture_default_str();
  demo->add_option("--batch", opts->batch, "People per transaction")->capture_default_str()->check(CLI::PositiveNumber);
  demo->callback([opts] { run_command([&] { return run_assessment_demo(*opts); }); });
}

const RegisterCommands registered(&add_competence_commands);

}  // namespace
}  // namespace kwm::cli
