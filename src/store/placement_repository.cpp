// The placement procedure's storage: SQL, transactions and audit. See placement_repository.hpp.
#include "store/placement_repository.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include <fmt/format.h>

#include "core/error.hpp"
#include "org/formation.hpp"
#include "placement/service.hpp"
#include "placement/wire.hpp"
#include "store/audit.hpp"
#include "competence/service.hpp"
#include "store/competence_repository.hpp"
#include "store/competence_store.hpp"
#include "store/database.hpp"
#include "store/org_repository.hpp"
#include "store/org_sql.hpp"

namespace kwm::store {
namespace {

namespace json = boost::json;
namespace pp = placement::procedure;
using detail::Statement;
using placement::AppraisalRow;
using placement::InterviewRow;
using placement::Objection;
using placement::PairDecisionRow;
using placement::PreferenceSheet;
using placement::Reorganisation;
using placement::RunHeadline;
using placement::RunPersonRow;
using placement::Vacancy;

// --- Stored documents ----------------------------------------------------------------------------------

// The version of the stored JSON documents (settings, a run's rounds, figures, open slots and records, the
// mapping's reasons, an objection's explanation). Documents written before versions were kept are format 1.
constexpr std::int64_t kDocumentFormat = 1;

[[noreturn]] void corrupt() {
  fail(ErrorKind::internal, "corrupt_record", "Een opgeslagen document van de plaatsingsprocedure is onleesbaar");
}

// An object document gets the format beside its fields; a list is kept under "items".
template <typename T>
std::string document(const T& value) {
  json::value written = wire::to_json(value);
  json::object stored;
  stored["format"] = kDocumentFormat;
  if (written.is_object()) {
    for (auto& field : written.as_object()) stored[field.key()] = std::move(field.value());
  } else {
    stored["items"] = std::move(written);
  }
  return json::serialize(stored);
}

template <typename T>
T read_document(const std::string& text) {
  boost::system::error_code ec;
  const json::value stored = json::parse(text, ec);
  if (ec) corrupt();
  std::int64_t format = 1;
  if (stored.is_object()) {
    if (const auto* version = stored.as_object().if_contains("format")) {
      if (!version->is_int64() && !version->is_uint64()) corrupt();
      format = version->to_number<std::int64_t>();
    }
  }
  if (format != kDocumentFormat) corrupt();
  try {
    if constexpr (wire::detail::is_vector<T>::value) {
      if (stored.is_array()) return wire::from_json<T>(stored);
      if (!stored.is_object() || !stored.as_object().contains("items")) corrupt();
      return wire::from_json<T>(stored.at("items"));
    } else {
      return wire::from_json<T>(stored);
    }
  } catch (const Failure&) {
    corrupt();
  }
}

std::string audit_json(const auto& record) { return json::serialize(wire::to_json(record)); }

// --- Reads ---------------------------------------------------------------------------------------------

std::vector<std::int64_t> subtree_of(const std::map<std::int64_t, org::Unit>& units, std::int64_t root) {
  std::vector<org::UnitNode> nodes;
  for (const auto& [id, unit] : units) nodes.push_back({id, unit.parent_id});
  return org::subtree(nodes, root);
}

// The reads of placement::Reader over one session and municipality, for a plain read and a transaction alike.
template <typename Base>
class SqlReads : public Base {
 public:
  SqlReads(soci::session& sql, long long municipality_id) : sql_(sql), m_(municipality_id) {}

  std::vector<Reorganisation> reorganisations() override { return select_reorganisations(std::nullopt); }

  std::optional<Reorganisation> reorganisation(std::int64_t id) override {
    auto rows = select_reorganisations(id);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  }

  placement::Formation formation(std::int64_t old_unit_id, std::int64_t new_unit_id) override {
    placement::Formation formation;
    for (org::Unit& unit : detail::select_units(sql_, m_)) formation.units.emplace(unit.id, std::move(unit));
    for (org::Function& function : detail::select_functions(sql_, m_, "", "", detail::bind_nothing)) {
      formation.functions.emplace(function.id, std::move(function));
    }
    const auto old_units = subtree_of(formation.units, old_unit_id);
    const auto new_units = subtree_of(formation.units, new_unit_id);
    if (!old_units.empty()) {
      formation.employees = detail::select_people(
          sql_, m_, " AND p.engagement = 'employee' AND p.unit_id IN (" + detail::id_list(old_units) + ")", "", detail::bind_nothing);
    }
    if (!new_units.empty()) {
      formation.positions =
          detail::select_positions(sql_, m_, " AND p.unit_id IN (" + detail::id_list(new_units) + ")", "", detail::bind_nothing);
    }
    // Sorted here rather than in SQL: collations differ between databases, the order must not.
    std::sort(formation.employees.begin(), formation.employees.end(),
              [](const org::Person& a, const org::Person& b) { return a.personnel_number < b.personnel_number; });
    std::sort(formation.positions.begin(), formation.positions.end(), [](const org::Position& a, const org::Position& b) {
      return std::tie(a.unit_code, a.function_code, a.level, a.id) < std::tie(b.unit_code, b.function_code, b.level, b.id);
    });
    return formation;
  }

  std::vector<std::int64_t> responded(std::int64_t reorganisation_id) override {
    long long r = reorganisation_id, m = m_, person = 0;
    Statement st(sql_);
    st.into(person).use(r).use(m).prepare("SELECT person_id FROM reorganisation_responses WHERE reorganisation_id = :r AND municipality_id = :m");
    std::vector<std::int64_t> people;
    st.start();
    while (st.fetch()) people.push_back(person);
    return people;
  }

  bool ran_for(std::int64_t reorganisation_id, std::int64_t person_id) override {
    long long m = m_, r = reorganisation_id, p = person_id, count = 0;
    Statement st(sql_);
    st.into(count).use(m).use(r).use(p)
        .prepare("SELECT COUNT(*) FROM placement_run_people rp JOIN placement_runs pr ON pr.id = rp.run_id "
                 "WHERE rp.municipality_id = :m AND pr.reorganisation_id = :r AND rp.person_id = :p");
    st.run();
    return count > 0;
  }

  std::vector<pp::MappingPair> mapping_pairs(std::int64_t reorganisation_id) override {
    long long m = m_, r = reorganisation_id, old_id = 0, new_id = 0;
    double overlap = 0;
    soci::indicator overlap_ind = soci::i_ok;
    std::string proposed, reasons, match;
    Statement st(sql_);
    st.into(old_id).into(new_id).into(proposed).into(overlap, overlap_ind).into(reasons).into(match).use(r).use(m)
        .prepare("SELECT old_function_id, new_function_id, proposed, overlap, reasons_json, confirmed_match "
                 "FROM reorganisation_function_matches WHERE reorganisation_id = :r AND municipality_id = :m");
    std::vector<pp::MappingPair> pairs;
    st.start();
    while (st.fetch()) {
      pp::MappingPair pair;
      pair.old_function_id = old_id;
      pair.new_function_id = new_id;
      pair.proposed = pp::function_match_from_string(proposed).value_or(pp::FunctionMatch::None);
      if (overlap_ind == soci::i_ok) pair.overlap = overlap;
      pair.reasons = read_document<std::vector<std::string>>(reasons);
      pair.match = pp::function_match_from_string(match).value_or(pp::FunctionMatch::None);
      pairs.push_back(std::move(pair));
    }
    return pairs;
  }

  PreferenceSheet preference_sheet(std::int64_t reorganisation_id, const org::Person& person) override {
    PreferenceSheet sheet;
    sheet.person_id = person.id;
    sheet.personnel_number = person.personnel_number;
    sheet.name = person.name;
    sheet.unit_code = person.unit_code;
    long long m = m_, r = reorganisation_id, p = person.id, rank = 0, function_id = 0;
    std::string updated_at, motivation, code, name, level;
    {
      Statement st(sql_);
      st.into(updated_at).use(r).use(p).use(m)
          .prepare("SELECT updated_at FROM reorganisation_responses WHERE reorganisation_id = :r AND person_id = :p AND municipality_id = :m");
      sheet.responded = st.run();
      if (sheet.responded) sheet.updated_at = updated_at;
    }
    Statement st(sql_);
    st.into(rank).into(function_id).into(motivation).into(code).into(name).into(level).use(r).use(p).use(m)
        .prepare("SELECT rp.rank, rp.function_id, rp.motivation, f.code, f.name, f.level FROM reorganisation_preferences rp "
                 "JOIN functions f ON f.id = rp.function_id WHERE rp.reorganisation_id = :r AND rp.person_id = :p "
                 "AND rp.municipality_id = :m ORDER BY rp.rank");
    st.start();
    while (st.fetch()) sheet.preferences.push_back({static_cast<int>(rank), function_id, code, name, level, motivation});
    return sheet;
  }

  std::vector<pp::Preference> preferences(std::int64_t reorganisation_id) override {
    long long m = m_, r = reorganisation_id, person = 0, rank = 0, function = 0;
    std::string motivation;
    Statement st(sql_);
    st.into(person).into(rank).into(function).into(motivation).use(r).use(m)
        .prepare("SELECT person_id, rank, function_id, motivation FROM reorganisation_preferences WHERE reorganisation_id = :r "
                 "AND municipality_id = :m ORDER BY person_id, rank");
    std::vector<pp::Preference> preferences;
    st.start();
    while (st.fetch()) preferences.push_back({person, static_cast<int>(rank), function, motivation});
    return preferences;
  }

  std::vector<InterviewRow> interviews(std::int64_t reorganisation_id) override {
    long long m = m_, r = reorganisation_id, person = 0, function = 0;
    double score = 0;
    std::string number, name, code, level, note, by, at;
    Statement st(sql_);
    st.into(person).into(number).into(name).into(function).into(code).into(level).into(score).into(note).into(by).into(at).use(r).use(m)
        .prepare("SELECT i.person_id, p.personnel_number, p.name, i.function_id, f.code, f.level, i.score, i.note, i.entered_by, "
                 "i.entered_at FROM reorganisation_interviews i JOIN people p ON p.id = i.person_id JOIN functions f ON f.id = i.function_id "
                 "WHERE i.reorganisation_id = :r AND i.municipality_id = :m");
    std::vector<InterviewRow> rows;
    st.start();
    while (st.fetch()) rows.push_back({person, number, name, function, code, level, score, note, by, at});
    std::sort(rows.begin(), rows.end(), [](const InterviewRow& a, const InterviewRow& b) {
      return std::tie(a.personnel_number, a.function_code, a.level) < std::tie(b.personnel_number, b.function_code, b.level);
    });
    return rows;
  }

  std::vector<AppraisalRow> appraisals(std::int64_t reorganisation_id) override {
    long long m = m_, r = reorganisation_id, person = 0, score = 0;
    std::string number, name, date, by, at;
    Statement st(sql_);
    st.into(person).into(number).into(name).into(score).into(date).into(by).into(at).use(r).use(m)
        .prepare("SELECT a.person_id, p.personnel_number, p.name, a.score, a.appraised_on, a.entered_by, a.entered_at "
                 "FROM reorganisation_appraisals a JOIN people p ON p.id = a.person_id WHERE a.reorganisation_id = :r AND a.municipality_id = :m");
    std::vector<AppraisalRow> rows;
    st.start();
    while (st.fetch()) rows.push_back({person, number, name, static_cast<int>(score), Date::parse(date).value_or(Date()), by, at});
    std::sort(rows.begin(), rows.end(), [](const AppraisalRow& a, const AppraisalRow& b) { return a.personnel_number < b.personnel_number; });
    return rows;
  }

  std::vector<PairDecisionRow> pair_decisions(std::int64_t reorganisation_id) override {
    long long m = m_, r = reorganisation_id, id = 0, person = 0, position = 0;
    std::string number, name, unit, code, level, decision, reason, by, at;
    Statement st(sql_);
    st.into(id).into(person).into(number).into(name).into(position).into(unit).into(code).into(level).into(decision).into(reason).into(by)
        .into(at).use(r).use(m)
        .prepare("SELECT d.id, d.person_id, pe.personnel_number, pe.name, d.position_id, u.code, f.code, f.level, d.decision, d.reason, "
                 "d.decided_by, d.decided_at FROM reorganisation_pair_decisions d JOIN people pe ON pe.id = d.person_id "
                 "JOIN positions po ON po.id = d.position_id JOIN units u ON u.id = po.unit_id JOIN functions f ON f.id = po.function_id "
                 "WHERE d.reorganisation_id = :r AND d.municipality_id = :m ORDER BY d.id");
    std::vector<PairDecisionRow> rows;
    st.start();
    while (st.fetch()) {
      rows.push_back({id, person, number, name, position, unit, code, level,
                      pp::decision_from_string(decision).value_or(pp::Decision::Forbid), reason, by, at});
    }
    return rows;
  }

  std::vector<RunHeadline> runs(std::int64_t reorganisation_id) override { return select_runs(reorganisation_id, std::nullopt); }

  std::optional<RunHeadline> run(std::int64_t reorganisation_id, std::int64_t run_id) override {
    auto runs = select_runs(reorganisation_id, run_id);
    if (runs.empty()) return std::nullopt;
    return std::move(runs.front());
  }

  std::optional<placement::RunDetail> run_detail(std::int64_t reorganisation_id, std::int64_t run_id) override {
    auto headline = run(reorganisation_id, run_id);
    if (!headline) return std::nullopt;
    placement::RunDetail detail;
    detail.headline = std::move(*headline);
    long long m = m_, key = run_id;
    std::string settings, rounds, open_slots;
    Statement st(sql_);
    st.into(settings).into(rounds).into(open_slots).use(key).use(m)
        .prepare("SELECT settings_json, rounds_json, open_slots_json FROM placement_runs WHERE id = :id AND municipality_id = :m");
    st.run();
    detail.settings = read_document<pp::Settings>(settings);
    detail.rounds = read_document<std::vector<pp::RoundRecord>>(rounds);
    detail.open_slots = read_document<std::vector<pp::OpenSlot>>(open_slots);
    for (RunPersonRow& row : run_people(run_id, std::nullopt)) {
      if (row.placement) detail.placements.push_back(std::move(*row.placement));
      if (row.surplus) detail.surplus.push_back(std::move(*row.surplus));
    }
    return detail;
  }

  std::vector<RunPersonRow> run_people(std::int64_t run_id, std::optional<std::int64_t> person_id) override {
    long long m = m_, run = run_id, only = person_id.value_or(0), filter = person_id ? 1 : 0;
    long long person = 0, fte = 0, placed = 0, position = 0, rank = 0, suitability = 0;
    std::string number, name, unit_code, unit_name, contract, education, detail, explanation;
    soci::indicator position_ind = soci::i_ok, rank_ind = soci::i_ok, suitability_ind = soci::i_ok;
    Statement st(sql_);
    st.into(person).into(number).into(name).into(unit_code).into(unit_name).into(fte).into(contract).into(education).into(placed)
        .into(position, position_ind).into(rank, rank_ind).into(suitability, suitability_ind).into(detail).into(explanation)
        .use(run).use(m).use(filter).use(only)
        .prepare("SELECT person_id, personnel_number, name, unit_code, unit_name, fte_milli, contract, education_level, placed, position_id, "
                 "preference_rank, suitability_centi, detail_json, explanation_json FROM placement_run_people WHERE run_id = :run "
                 "AND municipality_id = :m AND (:f = 0 OR person_id = :p)");
    std::vector<RunPersonRow> rows;
    st.start();
    while (st.fetch()) {
      RunPersonRow row;
      row.person.person_id = person;
      row.person.unit_code = unit_code;
      row.person.unit_name = unit_name;
      row.person.fte = Fte::from_milli(fte);
      row.person.contract = org::contract_from_string(contract).value_or(org::Contract::Permanent);
      row.person.education = org::education_level_from_string(education);
      row.person.placed = placed != 0;
      if (rank_ind == soci::i_ok) row.person.preference_rank = static_cast<int>(rank);
      if (suitability_ind == soci::i_ok) row.person.suitability_centi = suitability;
      row.personnel_number = number;
      row.name = name;
      if (position_ind == soci::i_ok) row.position_id = position;
      if (row.person.placed) row.placement = read_document<pp::PlacementRecord>(detail);
      else row.surplus = read_document<pp::SurplusRecord>(detail);
      row.explanation = read_document<pp::ExplanationRecord>(explanation);
      rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end(), [](const RunPersonRow& a, const RunPersonRow& b) { return a.personnel_number < b.personnel_number; });
    return rows;
  }

  std::vector<Vacancy> vacancies(std::int64_t reorganisation_id) override { return select_vacancies(reorganisation_id, std::nullopt); }

  std::optional<Vacancy> vacancy(std::int64_t reorganisation_id, std::int64_t vacancy_id) override {
    auto found = select_vacancies(reorganisation_id, vacancy_id);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
  }

  std::vector<Objection> objections(std::int64_t reorganisation_id, std::optional<std::int64_t> person_id) override {
    return select_objections(reorganisation_id, std::nullopt, person_id);
  }

  std::optional<Objection> objection(std::int64_t reorganisation_id, std::int64_t objection_id) override {
    auto found = select_objections(reorganisation_id, objection_id, std::nullopt);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
  }

 protected:
  soci::session& sql_;
  long long m_;

 private:
  std::vector<Reorganisation> select_reorganisations(std::optional<std::int64_t> only) {
    long long m = m_, id = 0, old_unit = 0, new_unit = 0, max_preferences = 0, confirmed_run = 0, key = only.value_or(0);
    long long filter = only ? 1 : 0;
    std::string code, name, deadline, effective, round, settings, mapping_by, mapping_at, created_by, created_at;
    soci::indicator confirmed_ind = soci::i_ok;
    Statement st(sql_);
    st.into(id).into(code).into(name).into(old_unit).into(new_unit).into(deadline).into(effective).into(max_preferences).into(round)
        .into(settings).into(mapping_by).into(mapping_at).into(confirmed_run, confirmed_ind).into(created_by).into(created_at)
        .use(m).use(filter).use(key)
        .prepare("SELECT id, code, name, old_unit_id, new_unit_id, preference_deadline, effective_date, max_preferences, "
                 "assessment_round, settings_json, mapping_confirmed_by, mapping_confirmed_at, confirmed_run_id, created_by, created_at "
                 "FROM reorganisations WHERE municipality_id = :m AND (:f = 0 OR id = :id) ORDER BY code");
    std::vector<Reorganisation> rows;
    st.start();
    while (st.fetch()) {
      Reorganisation r;
      r.id = id;
      r.code = code;
      r.name = name;
      r.old_unit.id = old_unit;
      r.new_unit.id = new_unit;
      r.preference_deadline = Date::parse(deadline).value_or(Date());
      r.effective_date = Date::parse(effective).value_or(Date());
      r.max_preferences = static_cast<int>(max_preferences);
      r.assessment_round = round;
      r.settings = read_document<pp::Settings>(settings);
      if (!mapping_by.empty()) r.mapping_confirmed = placement::ByWhom{mapping_by, mapping_at};
      if (confirmed_ind == soci::i_ok) r.confirmed_run_id = confirmed_run;
      r.created_by = created_by;
      r.created_at = created_at;
      rows.push_back(std::move(r));
    }
    return rows;
  }

  std::vector<RunHeadline> select_runs(std::int64_t reorganisation_id, std::optional<std::int64_t> only) {
    long long m = m_, r = reorganisation_id, key = only.value_or(0), filter = only ? 1 : 0, id = 0, number = 0, max_preferences = 0;
    std::string status, note, by, at, confirmed_by, confirmed_at, confirmation, figures;
    Statement st(sql_);
    st.into(id).into(number).into(status).into(note).into(by).into(at).into(confirmed_by).into(confirmed_at).into(confirmation)
        .into(figures).into(max_preferences).use(r).use(m).use(filter).use(key)
        .prepare("SELECT id, number, status, note, created_by, created_at, confirmed_by, confirmed_at, confirmation_note, figures_json, "
                 "max_preferences FROM placement_runs WHERE reorganisation_id = :r AND municipality_id = :m AND (:f = 0 OR id = :id) "
                 "ORDER BY number");
    std::vector<RunHeadline> runs;
    st.start();
    while (st.fetch()) {
      runs.push_back({id, number, status == "confirmed", note, by, at, confirmed_by, confirmed_at, confirmation,
                      read_document<pp::Figures>(figures), static_cast<int>(max_preferences)});
    }
    return runs;
  }

  std::vector<Vacancy> select_vacancies(std::int64_t reorganisation_id, std::optional<std::int64_t> only) {
    long long m = m_, r = reorganisation_id, key = only.value_or(0), filter = only ? 1 : 0;
    long long id = 0, position = 0, slots = 0, fte = 0;
    std::string unit, code, name, level, kind, end_date, stage, by, at;
    Statement st(sql_);
    st.into(id).into(position).into(unit).into(code).into(name).into(level).into(slots).into(fte).into(kind).into(end_date).into(stage)
        .into(by).into(at).use(r).use(m).use(filter).use(key)
        .prepare("SELECT id, position_id, unit_code, function_code, function_name, level, slots, fte_milli, kind, end_date, stage, "
                 "updated_by, updated_at FROM placement_vacancies WHERE reorganisation_id = :r AND municipality_id = :m "
                 "AND (:f = 0 OR id = :id) ORDER BY id");
    std::vector<Vacancy> vacancies;
    st.start();
    while (st.fetch()) {
      Vacancy vacancy;
      vacancy.id = id;
      vacancy.position_id = position;
      vacancy.unit_code = unit;
      vacancy.function_code = code;
      vacancy.function_name = name;
      vacancy.level = level;
      vacancy.slots = slots;
      vacancy.fte = Fte::from_milli(fte);
      vacancy.kind = parse_spelling<org::PositionKind>(kind).value_or(org::PositionKind::Structural);
      vacancy.end_date = Date::parse(end_date);
      vacancy.stage = parse_spelling<placement::VacancyStage>(stage).value_or(placement::VacancyStage::Internal);
      vacancy.updated_by = by;
      vacancy.updated_at = at;
      vacancies.push_back(std::move(vacancy));
    }
    return vacancies;
  }

  std::vector<Objection> select_objections(std::int64_t reorganisation_id, std::optional<std::int64_t> only_id,
                                           std::optional<std::int64_t> only_person) {
    long long m = m_, r = reorganisation_id, key = only_id.value_or(0), by_id = only_id ? 1 : 0;
    long long person_key = only_person.value_or(0), by_person = only_person ? 1 : 0;
    long long id = 0, person = 0, run = 0;
    std::string number, name, grounds, status, response, explanation, registered_by, registered_at, updated_by, updated_at;
    Statement st(sql_);
    st.into(id).into(person).into(number).into(name).into(run).into(grounds).into(status).into(response).into(explanation)
        .into(registered_by).into(registered_at).into(updated_by).into(updated_at).use(r).use(m).use(by_id).use(key).use(by_person)
        .use(person_key)
        .prepare("SELECT id, person_id, personnel_number, name, run_id, grounds, status, response, explanation_json, registered_by, "
                 "registered_at, updated_by, updated_at FROM placement_objections WHERE reorganisation_id = :r AND municipality_id = :m "
                 "AND (:fi = 0 OR id = :id) AND (:fp = 0 OR person_id = :p) ORDER BY id");
    std::vector<Objection> objections;
    st.start();
    while (st.fetch()) {
      objections.push_back({id, person, number, name, run, grounds,
                            parse_spelling<placement::ObjectionStatus>(status).value_or(placement::ObjectionStatus::Received), response,
                            read_document<placement::GivenExplanation>(explanation), registered_by, registered_at, updated_by,
                            updated_at});
    }
    return objections;
  }
};

using SqlReader = SqlReads<placement::Reader>;

// --- Writes --------------------------------------------------------------------------------------------

class SqlTransaction final : public SqlReads<placement::Transaction> {
 public:
  SqlTransaction(soci::session& sql, const Principal& actor)
      : SqlReads<placement::Transaction>(sql, actor.municipality_id), actor_(actor), now_(utc_now_iso()) {}

  std::string now() override { return now_; }

  // Writing the reorganisation's row makes a second writer of the same moment wait for this transaction (a
  // row lock in PostgreSQL, the write lock in SQLite).
  void lock(std::int64_t reorganisation_id) override {
    long long m = m_, r = reorganisation_id;
    Statement lock(sql_);
    lock.use(r).use(m).prepare("UPDATE reorganisations SET max_preferences = max_preferences WHERE id = :r AND municipality_id = :m");
    lock.run();
  }

  bool reorganisation_code_taken(const std::string& code) override {
    long long m = m_, taken = 0;
    std::string c = code;
    Statement check(sql_);
    check.into(taken).use(m).use(c).prepare("SELECT COUNT(*) FROM reorganisations WHERE municipality_id = :m AND code = :c");
    check.run();
    return taken > 0;
  }

  std::int64_t insert(const Reorganisation& reorganisation) override {
    long long m = m_, old_unit = reorganisation.old_unit.id, new_unit = reorganisation.new_unit.id, max = reorganisation.max_preferences, id = 0;
    std::string code = reorganisation.code, name = reorganisation.name, deadline = reorganisation.preference_deadline.iso(),
                effective = reorganisation.effective_date.iso(), round = reorganisation.assessment_round,
                settings = document(reorganisation.settings), by = reorganisation.created_by, at = reorganisation.created_at;
    Statement insert(sql_);
    insert.use(m).use(code).use(name).use(old_unit).use(new_unit).use(deadline).use(effective).use(max).use(round).use(settings).use(by)
        .use(at).into(id)
        .prepare("INSERT INTO reorganisations (municipality_id, code, name, old_unit_id, new_unit_id, preference_deadline, effective_date, "
                 "max_preferences, assessment_round, settings_json, created_by, created_at) VALUES (:m, :c, :n, :o, :nu, :d, :e, :x, :r, "
                 ":s, :b, :a) RETURNING id");
    insert.run();
    Reorganisation created = reorganisation;
    created.id = id;
    record_audit(sql_, actor_, "create", "reorganisation", created.code, "", audit_json(created));
    return id;
  }

  void update(const Reorganisation& before, const Reorganisation& after) override {
    long long m = m_, key = before.id, old_unit = after.old_unit.id, new_unit = after.new_unit.id, max = after.max_preferences;
    std::string name = after.name, deadline = after.preference_deadline.iso(), effective = after.effective_date.iso(),
                round = after.assessment_round, settings = document(after.settings),
                mapping_by = after.mapping_confirmed ? after.mapping_confirmed->by : "",
                mapping_at = after.mapping_confirmed ? after.mapping_confirmed->at : "";
    Statement update(sql_);
    update.use(name).use(old_unit).use(new_unit).use(deadline).use(effective).use(max).use(round).use(settings).use(mapping_by)
        .use(mapping_at).use(key).use(m)
        .prepare("UPDATE reorganisations SET name = :n, old_unit_id = :o, new_unit_id = :nu, preference_deadline = :d, effective_date = :e, "
                 "max_preferences = :x, assessment_round = :r, settings_json = :s, mapping_confirmed_by = :mb, mapping_confirmed_at = :ma "
                 "WHERE id = :id AND municipality_id = :m");
    update.run();
    record_audit(sql_, actor_, "update", "reorganisation", before.code, audit_json(before), audit_json(after));
  }

  void save_mapping(const Reorganisation& reorganisation, const std::optional<placement::StoredMapping>& before,
                    const placement::StoredMapping& after) override {
    long long m = m_, r = reorganisation.id, old_id = 0, new_id = 0;
    {
      Statement clear(sql_);
      clear.use(r).use(m).prepare("DELETE FROM reorganisation_function_matches WHERE reorganisation_id = :r AND municipality_id = :m");
      clear.run();
    }
    double overlap = 0;
    soci::indicator overlap_ind = soci::i_ok;
    std::string proposed, reasons, match;
    Statement insert(sql_);
    insert.use(r).use(m).use(old_id).use(new_id).use(proposed).use(overlap, overlap_ind).use(reasons).use(match)
        .prepare("INSERT INTO reorganisation_function_matches (reorganisation_id, municipality_id, old_function_id, new_function_id, "
                 "proposed, overlap, reasons_json, confirmed_match) VALUES (:r, :m, :o, :n, :p, :ov, :rs, :c)");
    for (const pp::MappingPair& pair : after.pairs) {
      old_id = pair.old_function_id;
      new_id = pair.new_function_id;
      proposed = competence::to_string(pair.proposed);
      overlap = pair.overlap.value_or(0.0);
      overlap_ind = pair.overlap ? soci::i_ok : soci::i_null;
      reasons = document(pair.reasons);
      match = competence::to_string(pair.match);
      insert.run();
    }
    std::string by = after.confirmed ? after.confirmed->by : "", at = after.confirmed ? after.confirmed->at : "";
    Statement confirm(sql_);
    confirm.use(by).use(at).use(r).use(m)
        .prepare("UPDATE reorganisations SET mapping_confirmed_by = :b, mapping_confirmed_at = :a WHERE id = :r AND municipality_id = :m");
    confirm.run();
    record_audit(sql_, actor_, before ? "update" : "create", "function_mapping", reorganisation.code, before ? audit_json(*before) : "",
                 audit_json(after));
  }

  void save_preferences(const Reorganisation& reorganisation, const PreferenceSheet& before,
                        const std::vector<placement::PreferenceChoice>& choices) override {
    long long m = m_, r = reorganisation.id, p = before.person_id, rank = 0, function_id = 0;
    for (const char* table : {"reorganisation_preferences", "reorganisation_responses"}) {
      Statement clear(sql_);
      clear.use(r).use(p).use(m).prepare(
          fmt::format("DELETE FROM {} WHERE reorganisation_id = :r AND person_id = :p AND municipality_id = :m", table));
      clear.run();
    }
    std::string motivation;
    Statement insert(sql_);
    insert.use(r).use(m).use(p).use(rank).use(function_id).use(motivation)
        .prepare("INSERT INTO reorganisation_preferences (reorganisation_id, municipality_id, person_id, rank, function_id, motivation) "
                 "VALUES (:r, :m, :p, :k, :f, :mo)");
    for (std::size_t i = 0; i < choices.size(); ++i) {
      rank = static_cast<long long>(i) + 1;
      function_id = choices[i].function_id;
      motivation = choices[i].motivation;
      insert.run();
    }
    std::string by = actor_.username, at = now_;
    Statement response(sql_);
    response.use(r).use(m).use(p).use(by).use(at)
        .prepare("INSERT INTO reorganisation_responses (reorganisation_id, municipality_id, person_id, updated_by, updated_at) "
                 "VALUES (:r, :m, :p, :b, :a)");
    response.run();
    org::Person person;
    person.id = before.person_id;
    person.personnel_number = before.personnel_number;
    person.name = before.name;
    person.unit_code = before.unit_code;
    const PreferenceSheet after = preference_sheet(reorganisation.id, person);
    record_audit(sql_, actor_, before.responded ? "update" : "create", "preference",
                 fmt::format("{}/{}", reorganisation.code, before.personnel_number), before.responded ? audit_json(before) : "",
                 audit_json(after));
  }

  void save(const Reorganisation& reorganisation, const std::optional<InterviewRow>& before, const InterviewRow& after) override {
    delete_interview(reorganisation.id, after.person_id, after.function_id);
    long long m = m_, r = reorganisation.id, person = after.person_id, function = after.function_id;
    double score = after.score;
    std::string note = after.note, by = after.entered_by, at = after.entered_at;
    Statement insert(sql_);
    insert.use(r).use(m).use(person).use(function).use(score).use(note).use(by).use(at)
        .prepare("INSERT INTO reorganisation_interviews (reorganisation_id, municipality_id, person_id, function_id, score, note, entered_by, "
                 "entered_at) VALUES (:r, :m, :p, :f, :s, :n, :b, :a)");
    insert.run();
    record_audit(sql_, actor_, before ? "update" : "create", "interview_score", interview_key(reorganisation, after),
                 before ? audit_json(*before) : "", audit_json(after));
  }

  void remove(const Reorganisation& reorganisation, const InterviewRow& row) override {
    delete_interview(reorganisation.id, row.person_id, row.function_id);
    record_audit(sql_, actor_, "delete", "interview_score", interview_key(reorganisation, row), audit_json(row), "");
  }

  void save(const Reorganisation& reorganisation, const std::optional<AppraisalRow>& before, const AppraisalRow& after) override {
    delete_appraisal(reorganisation.id, after.person_id);
    long long m = m_, r = reorganisation.id, person = after.person_id, score = after.score;
    std::string date = after.date.iso(), by = after.entered_by, at = after.entered_at;
    Statement insert(sql_);
    insert.use(r).use(m).use(person).use(score).use(date).use(by).use(at)
        .prepare("INSERT INTO reorganisation_appraisals (reorganisation_id, municipality_id, person_id, score, appraised_on, entered_by, "
                 "entered_at) VALUES (:r, :m, :p, :s, :d, :b, :a)");
    insert.run();
    record_audit(sql_, actor_, before ? "update" : "create", "appraisal", fmt::format("{}/{}", reorganisation.code, after.personnel_number),
                 before ? audit_json(*before) : "", audit_json(after));
  }

  void remove(const Reorganisation& reorganisation, const AppraisalRow& row) override {
    delete_appraisal(reorganisation.id, row.person_id);
    record_audit(sql_, actor_, "delete", "appraisal", fmt::format("{}/{}", reorganisation.code, row.personnel_number), audit_json(row), "");
  }

  std::int64_t save(const Reorganisation& reorganisation, const std::optional<PairDecisionRow>& before, const PairDecisionRow& after) override {
    long long m = m_, r = reorganisation.id, p = after.person_id, pos = after.position_id, id = 0;
    {
      Statement remove(sql_);
      remove.use(r).use(p).use(pos).use(m)
          .prepare("DELETE FROM reorganisation_pair_decisions WHERE reorganisation_id = :r AND person_id = :p AND position_id = :pos "
                   "AND municipality_id = :m");
      remove.run();
    }
    std::string kind(spell(after.decision)), by = after.decided_by, at = after.decided_at, text = after.reason;
    Statement insert(sql_);
    insert.use(r).use(m).use(p).use(pos).use(kind).use(text).use(by).use(at).into(id)
        .prepare("INSERT INTO reorganisation_pair_decisions (reorganisation_id, municipality_id, person_id, position_id, decision, reason, "
                 "decided_by, decided_at) VALUES (:r, :m, :p, :pos, :d, :re, :b, :a) RETURNING id");
    insert.run();
    PairDecisionRow saved = after;
    saved.id = id;
    record_audit(sql_, actor_, before ? "update" : "create", "pair_decision", decision_key(reorganisation, saved),
                 before ? audit_json(*before) : "", audit_json(saved));
    return id;
  }

  void remove(const Reorganisation& reorganisation, const PairDecisionRow& row) override {
    long long key = row.id, m = m_;
    Statement remove(sql_);
    remove.use(key).use(m).prepare("DELETE FROM reorganisation_pair_decisions WHERE id = :id AND municipality_id = :m");
    remove.run();
    record_audit(sql_, actor_, "delete", "pair_decision", decision_key(reorganisation, row), audit_json(row), "");
  }

  std::int64_t insert(const Reorganisation& reorganisation, const placement::NewRun& run) override {
    long long m = m_, r = reorganisation.id, number = 0, run_id = 0, max = run.max_preferences, open = run.figures.open_slots;
    {
      Statement next(sql_);
      next.into(number).use(r).use(m)
          .prepare("SELECT CAST(COALESCE(MAX(number), 0) + 1 AS BIGINT) FROM placement_runs WHERE reorganisation_id = :r AND municipality_id = :m");
      next.run();
    }
    std::string status = "proposal", text = run.note, settings = document(run.settings), rounds = document(run.rounds),
                figures = document(run.figures), open_json = document(run.open_slots), by = actor_.username, at = now_;
    Statement insert(sql_);
    insert.use(m).use(r).use(number).use(status).use(text).use(max).use(settings).use(rounds).use(figures).use(open_json).use(open)
        .use(by).use(at).into(run_id)
        .prepare("INSERT INTO placement_runs (municipality_id, reorganisation_id, number, status, note, max_preferences, settings_json, "
                 "rounds_json, figures_json, open_slots_json, open_slots, created_by, created_at) VALUES (:m, :r, :n, :s, :no, :x, :se, :ro, "
                 ":f, :os, :o, :b, :a) RETURNING id");
    insert.run();

    long long person_id = 0, fte = 0, placed = 0, position = 0, rank = 0, suitability = 0;
    std::string number_text, name, unit_code, unit_name, contract, education, detail, explanation;
    soci::indicator position_ind = soci::i_ok, rank_ind = soci::i_ok, suitability_ind = soci::i_ok;
    Statement row(sql_);
    row.use(run_id).use(m).use(person_id).use(number_text).use(name).use(unit_code).use(unit_name).use(fte).use(contract).use(education)
        .use(placed).use(position, position_ind).use(rank, rank_ind).use(suitability, suitability_ind).use(detail).use(explanation)
        .prepare("INSERT INTO placement_run_people (run_id, municipality_id, person_id, personnel_number, name, unit_code, unit_name, fte_milli, "
                 "contract, education_level, placed, position_id, preference_rank, suitability_centi, detail_json, explanation_json) VALUES "
                 "(:run, :m, :p, :pn, :n, :uc, :un, :f, :c, :e, :pl, :pos, :rk, :su, :d, :ex)");
    for (const RunPersonRow& person : run.people) {
      person_id = person.person.person_id;
      number_text = person.personnel_number;
      name = person.name;
      unit_code = person.person.unit_code;
      unit_name = person.person.unit_name;
      fte = person.person.fte.milli();
      contract = spell(person.person.contract);
      education = person.person.education ? std::string(spell(*person.person.education)) : std::string();
      placed = person.person.placed ? 1 : 0;
      position = person.position_id.value_or(0);
      position_ind = person.position_id ? soci::i_ok : soci::i_null;
      rank = person.person.preference_rank.value_or(0);
      rank_ind = person.person.preference_rank ? soci::i_ok : soci::i_null;
      suitability = person.person.suitability_centi.value_or(0);
      suitability_ind = person.person.suitability_centi ? soci::i_ok : soci::i_null;
      detail = person.placement ? document(*person.placement) : document(*person.surplus);
      explanation = document(person.explanation);
      row.run();
    }
    const RunHeadline created{run_id, number, false, run.note, actor_.username, now_, "", "", "", run.figures, run.max_preferences};
    record_audit(sql_, actor_, "create", "placement_run", fmt::format("{}/{}", reorganisation.code, number), "", audit_json(created));
    return run_id;
  }

  void confirm(const Reorganisation& reorganisation, const RunHeadline& run, const placement::ByWhom& confirmed,
               const std::string& note) override {
    long long m = m_, key = run.id, r = reorganisation.id;
    std::string by = confirmed.by, at = confirmed.at, text = note;
    {
      Statement update(sql_);
      update.use(by).use(at).use(text).use(key).use(m)
          .prepare("UPDATE placement_runs SET status = 'confirmed', confirmed_by = :b, confirmed_at = :a, confirmation_note = :n "
                   "WHERE id = :id AND municipality_id = :m");
      update.run();
    }
    Statement update(sql_);
    update.use(key).use(r).use(m).prepare("UPDATE reorganisations SET confirmed_run_id = :run WHERE id = :r AND municipality_id = :m");
    update.run();
    RunHeadline after = run;
    after.confirmed = true;
    after.confirmed_by = by;
    after.confirmed_at = at;
    after.confirmation_note = text;
    record_audit(sql_, actor_, "confirm", "placement_run", fmt::format("{}/{}", reorganisation.code, run.number), audit_json(run),
                 audit_json(after));
  }

  void insert(const Reorganisation& reorganisation, std::int64_t run_id, const Vacancy& vacancy) override {
    long long m = m_, r = reorganisation.id, run = run_id, position = vacancy.position_id, slots = vacancy.slots, fte = vacancy.fte.milli();
    std::string unit = vacancy.unit_code, code = vacancy.function_code, name = vacancy.function_name, level = vacancy.level,
                kind(spell(vacancy.kind)), end_date = vacancy.end_date ? vacancy.end_date->iso() : "", stage(spell(vacancy.stage)),
                by = vacancy.updated_by, at = vacancy.updated_at;
    Statement insert(sql_);
    insert.use(m).use(r).use(run).use(position).use(unit).use(code).use(name).use(level).use(slots).use(fte).use(kind).use(end_date)
        .use(stage).use(by).use(at)
        .prepare("INSERT INTO placement_vacancies (municipality_id, reorganisation_id, run_id, position_id, unit_code, function_code, "
                 "function_name, level, slots, fte_milli, kind, end_date, stage, updated_by, updated_at) VALUES (:m, :r, :run, :p, :u, :c, "
                 ":n, :l, :s, :f, :k, :e, :st, :b, :a)");
    insert.run();
    record_audit(sql_, actor_, "create", "vacancy", vacancy_key(reorganisation, vacancy), "", audit_json(vacancy));
  }

  void update(const Reorganisation& reorganisation, const Vacancy& before, const Vacancy& after) override {
    long long key = before.id, m = m_;
    std::string stage(spell(after.stage)), by = after.updated_by, at = after.updated_at;
    Statement update(sql_);
    update.use(stage).use(by).use(at).use(key).use(m)
        .prepare("UPDATE placement_vacancies SET stage = :s, updated_by = :b, updated_at = :a WHERE id = :id AND municipality_id = :m");
    update.run();
    record_audit(sql_, actor_, "update", "vacancy", vacancy_key(reorganisation, before), audit_json(before), audit_json(after));
  }

  std::int64_t insert(const Reorganisation& reorganisation, const Objection& objection) override {
    long long m = m_, r = reorganisation.id, run = objection.run_id, person = objection.person_id, id = 0;
    std::string number = objection.personnel_number, name = objection.name, grounds = objection.grounds, status(spell(objection.status)),
                explanation = document(objection.explanation), registered_by = objection.registered_by,
                registered_at = objection.registered_at, updated_by = objection.updated_by, updated_at = objection.updated_at;
    Statement insert(sql_);
    insert.use(m).use(r).use(run).use(person).use(number).use(name).use(grounds).use(status).use(explanation).use(registered_by)
        .use(registered_at).use(updated_by).use(updated_at).into(id)
        .prepare("INSERT INTO placement_objections (municipality_id, reorganisation_id, run_id, person_id, personnel_number, name, grounds, "
                 "status, explanation_json, registered_by, registered_at, updated_by, updated_at) VALUES (:m, :r, :run, :p, :pn, :n, :g, :s, "
                 ":e, :b, :a, :ub, :ua) RETURNING id");
    insert.run();
    Objection created = objection;
    created.id = id;
    record_audit(sql_, actor_, "create", "objection", objection_key(reorganisation, created), "", audit_json(created));
    return id;
  }

  void update(const Reorganisation& reorganisation, const Objection& before, const Objection& after) override {
    long long key = before.id, m = m_;
    std::string status(spell(after.status)), response = after.response, by = after.updated_by, at = after.updated_at;
    Statement update(sql_);
    update.use(status).use(response).use(by).use(at).use(key).use(m)
        .prepare("UPDATE placement_objections SET status = :s, response = :r, updated_by = :b, updated_at = :a WHERE id = :id "
                 "AND municipality_id = :m");
    update.run();
    record_audit(sql_, actor_, "update", "objection", objection_key(reorganisation, before), audit_json(before), audit_json(after));
  }

 private:
  void delete_interview(std::int64_t reorganisation_id, std::int64_t person_id, std::int64_t function_id) {
    long long m = m_, r = reorganisation_id, person = person_id, function = function_id;
    Statement remove(sql_);
    remove.use(r).use(person).use(function).use(m)
        .prepare("DELETE FROM reorganisation_interviews WHERE reorganisation_id = :r AND person_id = :p AND function_id = :f "
                 "AND municipality_id = :m");
    remove.run();
  }

  void delete_appraisal(std::int64_t reorganisation_id, std::int64_t person_id) {
    long long m = m_, r = reorganisation_id, person = person_id;
    Statement remove(sql_);
    remove.use(r).use(person).use(m)
        .prepare("DELETE FROM reorganisation_appraisals WHERE reorganisation_id = :r AND person_id = :p AND municipality_id = :m");
    remove.run();
  }

  static std::string interview_key(const Reorganisation& reorganisation, const InterviewRow& row) {
    return fmt::format("{}/{}/{}", reorganisation.code, row.personnel_number, row.function_id);
  }
  static std::string decision_key(const Reorganisation& reorganisation, const PairDecisionRow& row) {
    return fmt::format("{}/{}/{}", reorganisation.code, row.personnel_number, row.position_id);
  }
  static std::string vacancy_key(const Reorganisation& reorganisation, const Vacancy& vacancy) {
    return fmt::format("{}/{}/{}", reorganisation.code, vacancy.function_code, vacancy.position_id);
  }
  static std::string objection_key(const Reorganisation& reorganisation, const Objection& objection) {
    return fmt::format("{}/{}", reorganisation.code, objection.personnel_number);
  }

  const Principal& actor_;
  std::string now_;
};

}  // namespace

void PlacementRepository::read(std::int64_t municipality_id, const std::function<void(placement::Reader&)>& use) {
  auto sql = db_.lease();
  SqlReader reader(*sql, municipality_id);
  use(reader);
}

void PlacementRepository::write(const Principal& actor, const std::function<void(placement::Transaction&)>& change) {
  db_.transaction([&](soci::session& sql) {
    SqlTransaction tx(sql, actor);
    change(tx);
  });
}

std::optional<org::Municipality> PlacementRepository::municipality(std::string_view code) { return OrgRepository(db_).find_municipality(code); }

placement::CompetencyProfiles PlacementRepository::competency_profiles(const Principal& actor) {
  placement::CompetencyProfiles profiles;
  for (competence::ProfileSummary& summary : competence_service(db_)->list_profiles(actor).items) {
    StoredProfile& stored = summary.stored;
    profiles.names.insert(stored.names.begin(), stored.names.end());
    if (!stored.profile.requirements().empty()) profiles.by_function.emplace(stored.function.id, std::move(stored.profile));
  }
  return profiles;
}

bool PlacementRepository::assessment_round_exists(const Principal& actor, const std::string& round) {
  try {
    get_round(db_, actor, round);
    return true;
  } catch (const Failure& failure) {
    if (failure.error().kind != ErrorKind::not_found) throw;
    return false;
  }
}

std::optional<competence::AdmittedEvidence> PlacementRepository::selection_evidence(const Principal& actor, const std::string& round) {
  try {
    return store::selection_evidence(db_, actor, round);
  } catch (const Failure& failure) {
    if (failure.error().kind != ErrorKind::not_found) throw;
    return std::nullopt;
  }
}

std::shared_ptr<placement::Service> placement_service(Database& db) {
  return std::make_shared<placement::Service>(std::make_shared<PlacementRepository>(db));
}

}  // namespace kwm::store
