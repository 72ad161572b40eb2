// Server-side time of the organisation heatmap and of one large unit's team heatmap, against a single SQL
// GROUP BY over the same ratings on the same database: what someone would write instead, averaging the raw
// scores per unit (or per person) and competency. The product does more: source means, weights, gaps
// against each person's profile, verdict inputs, roll-ups over the unit tree, JSON.
//
// The product side is timed through the real router and handler (GET .../heatmap/organisation and
// .../heatmap/team?unit=), as an HR user of the municipality, so session handling and the socket are the only
// parts of a request left out. Runs alternate product and baseline, after one untimed warm-up of each.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <vector>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "api/routes.hpp"
#include "http/login_throttle.hpp"
#include "http/router.hpp"
#include "store/database.hpp"
#include "org/service.hpp"
#include "store/org_repository.hpp"
#include "store/user_store.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double milliseconds(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

struct Timed {
  double ms = 0;
  std::size_t size = 0;  // cells or rows answered, to show both sides did their work
};

Timed call(const kwm::http::Router& router, const kwm::Principal& hr, const std::string& path, const std::string& unit) {
  kwm::http::Request request;
  request.method = kwm::http::Method::get;
  request.path = path;
  request.target = path;
  if (!unit.empty()) request.query["unit"] = unit;
  request.principal = hr;
  const auto start = Clock::now();
  const auto match = router.match(request.method, request.path);
  request.path_params = match.params;
  const kwm::http::Response response = match.route->handler(request);
  const double ms = milliseconds(Clock::now() - start);
  if (response.status != 200) throw std::runtime_error(fmt::format("{} answered {}: {}", path, response.status, response.body));
  const auto json = boost::json::parse(response.body);
  std::size_t cells = 0;
  for (const auto& row : json.at("cells").as_array()) cells += row.as_array().size();
  return {ms, cells};
}

Timed group_by(kwm::store::Database& db, const std::string& query, long long round_id, long long municipality_id, const std::string& unit) {
  auto sql = db.lease();
  std::vector<std::string> keys(10000), competencies(10000);
  std::vector<double> averages(10000);
  const auto start = Clock::now();
  soci::statement statement(*sql);
  statement.exchange(soci::into(keys));
  statement.exchange(soci::into(competencies));
  statement.exchange(soci::into(averages));
  if (!unit.empty()) {
    statement.exchange(soci::use(municipality_id));
    statement.exchange(soci::use(unit));
  }
  statement.exchange(soci::use(round_id));
  statement.alloc();
  statement.prepare(query);
  statement.define_and_bind();
  statement.execute(false);
  std::size_t rows = 0;
  while (statement.fetch()) {
    rows += keys.size();
    keys.resize(10000);
    competencies.resize(10000);
    averages.resize(10000);
  }
  return {milliseconds(Clock::now() - start), rows};
}

// The baseline queries: one statement each, as a user would write them against the stored tables.
const std::string kOrganisationQuery =
    "SELECT u.code, c.code, AVG(r.score) FROM ratings r JOIN people p ON p.id = r.person_id JOIN units u ON u.id = p.unit_id "
    "JOIN indicators i ON i.id = r.indicator_id JOIN competencies c ON c.id = i.competency_id WHERE r.round_id = :r "
    "GROUP BY u.code, c.code";
const std::string kTeamQuery =
    "WITH RECURSIVE tree(id) AS (SELECT id FROM units WHERE municipality_id = :m AND code = :u UNION ALL "
    "SELECT units.id FROM units JOIN tree ON units.parent_id = tree.id) "
    "SELECT p.personnel_number, c.code, AVG(r.score) FROM ratings r JOIN people p ON p.id = r.person_id "
    "JOIN indicators i ON i.id = r.indicator_id JOIN competencies c ON c.id = i.competency_id "
    "WHERE r.round_id = :r AND p.unit_id IN (SELECT id FROM tree) GROUP BY p.personnel_number, c.code";

// The largest unit right below the root (by participants in its subtree): "one large unit".
std::string largest_unit(kwm::store::Database& db, long long round_id) {
  auto sql = db.lease();
  std::string code;
  long long people = 0;
  *sql << "WITH RECURSIVE tree(top, id) AS (SELECT u.id, u.id FROM units u JOIN units root ON root.id = u.parent_id "
          "WHERE root.parent_id IS NULL UNION ALL SELECT t.top, u.id FROM units u JOIN tree t ON u.parent_id = t.id) "
          "SELECT top_unit.code, COUNT(*) FROM round_participants rp JOIN people p ON p.id = rp.person_id "
          "JOIN tree t ON t.id = p.unit_id JOIN units top_unit ON top_unit.id = t.top WHERE rp.round_id = :r "
          "GROUP BY top_unit.code ORDER BY COUNT(*) DESC, top_unit.code LIMIT 1",
      soci::use(round_id), soci::into(code), soci::into(people);
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Competence heatmaps against a SQL GROUP BY over the same ratings"};
  std::string url, municipality, round = "selectie-demo", unit;
  int runs = 5;
  app.add_option("--db", url, "Database URL holding the round")->required();
  app.add_option("--municipality", municipality, "CBS code of the municipality")->required();
  app.add_option("--round", round, "Round code")->capture_default_str();
  app.add_option("--unit", unit, "Unit of the team heatmap (default: the largest unit below the root)");
  app.add_option("--runs", runs, "Timed runs of each side")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  kwm::store::Database db(url, 2);
  const auto found = kwm::store::organisation_service(db)->find_municipality(municipality);
  if (!found) {
    std::cerr << "no municipality " << municipality << "\n";
    return 1;
  }
  kwm::Principal hr;
  hr.username = "bench";
  hr.role = kwm::Role::hr;
  hr.municipality_id = found->id;
  hr.municipality_code = found->code;
  long long round_id = 0, municipality_id = found->id, ratings = 0, participants = 0;
  {
    auto sql = db.lease();
    *sql << "SELECT id FROM assessment_rounds WHERE municipality_id = :m AND code = :c", soci::use(municipality_id), soci::use(round),
        soci::into(round_id);
    *sql << "SELECT COUNT(*) FROM ratings WHERE round_id = :r", soci::use(round_id), soci::into(ratings);
    *sql << "SELECT COUNT(*) FROM round_participants WHERE round_id = :r", soci::use(round_id), soci::into(participants);
  }
  if (round_id == 0) {
    std::cerr << "no round " << round << " in " << municipality << " (run kwartiermaker assessment-demo first)\n";
    return 1;
  }
  if (runs <= 0) return 0;  // only asked whether the round is there
  if (unit.empty()) unit = largest_unit(db, round_id);

  kwm::http::Router router;
  kwm::http::LoginThrottle throttle;
  kwm::api::add_all_routes(router, db, throttle);
  const std::string organisation_path = "/api/v1/assessment-rounds/" + round + "/heatmap/organisation";
  const std::string team_path = "/api/v1/assessment-rounds/" + round + "/heatmap/team";

  struct Series {
    std::string name;
    std::vector<double> ms;
    std::size_t size = 0;
  };
  Series product_org{"product: organisation heatmap", {}}, baseline_org{"baseline: GROUP BY unit, competency", {}},
      product_team{"product: team heatmap " + unit, {}}, baseline_team{"baseline: GROUP BY person, competency", {}};
  const auto record = [](Series& series, Timed timed, bool keep) {
    if (keep) series.ms.push_back(timed.ms);
    series.size = timed.size;
  };
  for (int run = 0; run <= runs; ++run) {
    const bool keep = run > 0;  // run 0 warms caches on both sides
    const bool product_first = run % 2 == 0;
    for (int side = 0; side < 2; ++side) {
      if ((side == 0) == product_first) {
        record(product_org, call(router, hr, organisation_path, ""), keep);
        record(product_team, call(router, hr, team_path, unit), keep);
      } else {
        record(baseline_org, group_by(db, kOrganisationQuery, round_id, municipality_id, ""), keep);
        record(baseline_team, group_by(db, kTeamQuery, round_id, municipality_id, unit), keep);
      }
    }
  }

  std::cout << fmt::format("Round {} of {} ({}): {} participants, {} ratings; team heatmap unit {}; {} runs, medians\n\n", round,
                           found->code, found->name, participants, ratings, unit, runs);
  std::cout << "| measurement | median ms | min ms | cells or rows |\n|---|---:|---:|---:|\n";
  for (const Series* series : {&product_org, &baseline_org, &product_team, &baseline_team}) {
    std::cout << fmt::format("| {} | {:.1f} | {:.1f} | {} |\n", series->name, median(series->ms),
                             *std::min_element(series->ms.begin(), series->ms.end()), series->size);
  }
  std::cout << fmt::format("\nRatio product / baseline (medians): organisation {:.2f}, team {:.2f}\n",
                           median(product_org.ms) / median(baseline_org.ms), median(product_team.ms) / median(baseline_team.ms));
  return 0;
}
