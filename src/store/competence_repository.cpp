// Competency management's catalogue in SQL: framework versions, function profiles and the agreement of
// external organisations, each write audited with the record's wire JSON before and after.
#include "store/competence_repository.hpp"

#include <algorithm>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "competence/framework_json.hpp"
#include "competence/service.hpp"
#include "competence/wire.hpp"
#include "store/audit.hpp"
#include "store/competence_sql.hpp"
#include "store/database.hpp"

namespace kwm::store {
namespace {

using namespace competence_detail;
using detail::Statement;

template <typename T>
std::string audit_json(const T& value) {
  return boost::json::serialize(wire::to_json(value));
}

std::string framework_key(const competence::Framework& framework) { return fmt::format("{}/{}", framework.code, framework.version); }

std::vector<org::Function> select_functions(soci::session& sql, long long municipality_id, const std::optional<competence::ProfileKey>& key,
                                            const std::optional<std::string>& code) {
  std::string function_code = key ? key->function_code : code.value_or(""), level = key ? key->level : "";
  if (key) {
    return detail::select_functions(sql, municipality_id, " AND f.code = :c AND f.level = :l", "",
                                    [&](Statement& st) { st.use(function_code).use(level); });
  }
  if (code) {
    return detail::select_functions(sql, municipality_id, " AND f.code = :c", "ORDER BY f.scale, f.level",
                                    [&](Statement& st) { st.use(function_code); });
  }
  return detail::select_functions(sql, municipality_id, "", "ORDER BY f.code, f.scale, f.level", detail::bind_nothing);
}

std::optional<org::Function> select_function(soci::session& sql, long long municipality_id, const competence::ProfileKey& key) {
  auto found = select_functions(sql, municipality_id, key, std::nullopt);
  if (found.empty()) return std::nullopt;
  return found.front();
}

// Stored profiles of the municipality, or of one function level, by function id.
std::map<std::int64_t, competence::ProfileRecord> select_profiles(soci::session& sql, long long municipality_id,
                                                                  std::optional<long long> function_id) {
  std::map<std::int64_t, competence::ProfileRecord> records;
  long long m = municipality_id, id = 0, only = function_id.value_or(0);
  std::string education, updated;
  Statement heads(sql);
  heads.into(id).into(education).into(updated).use(m);
  if (function_id) heads.use(only);
  heads.prepare(std::string("SELECT function_id, education_level, updated_at FROM function_profiles WHERE municipality_id = :m") +
                (function_id ? " AND function_id = :f" : ""));
  heads.start();
  while (heads.fetch()) records[id] = competence::ProfileRecord{competence::education_level_from_string(education), updated, {}};

  std::string framework, competency;
  double required = 0;
  long long critical = 0;
  Statement requirements(sql);
  requirements.into(id).into(framework).into(competency).into(required).into(critical).use(m);
  if (function_id) requirements.use(only);
  requirements.prepare(
      std::string("SELECT function_id, framework_code, competency_code, required, critical FROM profile_requirements "
                  "WHERE municipality_id = :m") +
      (function_id ? " AND function_id = :f" : "") + " ORDER BY function_id, ordinal");
  requirements.start();
  while (requirements.fetch()) records[id].requirements.push_back({framework, {competency, required, critical != 0}});
  return records;
}

competence::StoredFramework stored_view(soci::session& sql, long long municipality_id, const competence::FrameworkRecord& record) {
  return competence::StoredFramework{record.framework, record.current, framework_version_in_use(sql, record.id),
                                     framework_versions(sql, municipality_id, record.framework.code)};
}

class SqlTransaction final : public competence::Transaction {
 public:
  SqlTransaction(soci::session& sql, const Principal& actor) : sql_(sql), actor_(actor), m_(actor.municipality_id) {}

  std::optional<competence::FrameworkRecord> framework(std::string_view code) override { return find_framework(sql_, m_, code); }
  std::vector<competence::FrameworkRecord> current_frameworks() override { return competence_detail::current_frameworks(sql_, m_); }

  // Function profiles, and open rounds whose pinned version of the framework holds the competency.
  competence::FrameworkUsage usage(const competence::FrameworkRecord& current) override {
    competence::FrameworkUsage usage;
    usage.version_in_use = framework_version_in_use(sql_, current.id);
    long long m = m_;
    std::string code = current.framework.code, name, level, competency;
    Statement profiles(sql_);
    profiles.into(name).into(level).into(competency).use(m).use(code).prepare(
        "SELECT f.name, f.level, pr.competency_code FROM profile_requirements pr JOIN functions f ON f.id = pr.function_id "
        "WHERE pr.municipality_id = :m AND pr.framework_code = :c ORDER BY f.code, f.level");
    profiles.start();
    while (profiles.fetch()) usage.competency_users[competency].push_back(fmt::format("functieprofiel {} {}", name, level));
    std::string round;
    Statement rounds(sql_);
    rounds.into(round).into(competency).use(m).use(code).prepare(
        "SELECT DISTINCT r.code, rr.competency_code FROM assessment_rounds r "
        "JOIN round_frameworks rf ON rf.round_id = r.id JOIN frameworks fw ON fw.id = rf.framework_id "
        "JOIN competencies c ON c.framework_id = fw.id "
        "JOIN round_requirements rr ON rr.round_id = r.id AND rr.competency_code = c.code "
        "WHERE r.municipality_id = :m AND r.status = 'open' AND fw.code = :c ORDER BY r.code");
    rounds.start();
    while (rounds.fetch()) usage.competency_users[competency].push_back(fmt::format("ronde {}", round));
    return usage;
  }

  competence::FrameworkReferences references(std::string_view code) override {
    long long m = m_, profiles = 0, rounds = 0;
    std::string code_text(code);
    sql_ << "SELECT COUNT(*) FROM profile_requirements WHERE municipality_id = :m AND framework_code = :c", soci::use(m),
        soci::use(code_text), soci::into(profiles);
    sql_ << "SELECT COUNT(*) FROM round_frameworks rf JOIN frameworks f ON f.id = rf.framework_id WHERE f.municipality_id = :m "
            "AND f.code = :c",
        soci::use(m), soci::use(code_text), soci::into(rounds);
    return {profiles, rounds};
  }

  competence::StoredFramework stored(const competence::FrameworkRecord& record) override { return stored_view(sql_, m_, record); }

  competence::FrameworkRecord insert(const competence::Framework& framework, const competence::FrameworkRecord* previous) override {
    if (previous) {
      long long id = previous->id;
      sql_ << "UPDATE frameworks SET status = 'superseded' WHERE id = :id", soci::use(id);
    }
    const long long id = insert_framework(sql_, m_, framework);
    record_audit(sql_, actor_, "create", "framework", framework_key(framework), previous ? audit_json(previous->framework) : "",
                 audit_json(framework));
    return {id, true, framework};
  }

  void update(const competence::FrameworkRecord& before, const competence::Framework& after) override {
    overwrite_framework(sql_, m_, before.id, after);
    record_audit(sql_, actor_, "update", "framework", framework_key(after), audit_json(before.framework), audit_json(after));
  }

  void remove(const competence::FrameworkRecord& current) override {
    long long m = m_;
    std::string code = current.framework.code;
    sql_ << "DELETE FROM frameworks WHERE municipality_id = :m AND code = :c", soci::use(m), soci::use(code);
    record_audit(sql_, actor_, "delete", "framework", framework_key(current.framework), audit_json(current.framework), "");
  }

  std::optional<org::Function> function(const competence::ProfileKey& key) override { return select_function(sql_, m_, key); }

  std::optional<competence::ProfileRecord> profile(std::int64_t function_id) override {
    auto records = select_profiles(sql_, m_, function_id);
    if (records.empty()) return std::nullopt;
    return std::move(records.begin()->second);
  }

  void put(const org::Function& function, const std::optional<competence::ProfileRecord>& before,
           const competence::ProfileRecord& after) override {
    long long m = m_, id = function.id, ordinal = 0, critical = 0;
    std::string education = after.education ? std::string(competence::to_string(*after.education)) : std::string();
    std::string updated = utc_now_iso(), framework, competency;
    double required = 0;
    sql_ << "DELETE FROM function_profiles WHERE function_id = :f", soci::use(id);  // requirements follow (cascade)
    sql_ << "INSERT INTO function_profiles (function_id, municipality_id, education_level, updated_at) VALUES (:f, :m, :e, :u)",
        soci::use(id), soci::use(m), soci::use(education), soci::use(updated);
    Statement insert(sql_);
    insert.use(m).use(id).use(ordinal).use(framework).use(competency).use(required).use(critical).prepare(
        "INSERT INTO profile_requirements (municipality_id, function_id, ordinal, framework_code, competency_code, required, critical) "
        "VALUES (:m, :f, :o, :fw, :c, :r, :k)");
    for (const auto& item : after.requirements) {
      framework = item.framework_code;
      competency = item.requirement.competency_code;
      required = item.requirement.required;
      critical = item.requirement.critical ? 1 : 0;
      insert.run();
      ++ordinal;
    }
    record_audit(sql_, actor_, before ? "update" : "create", "profile", function.code + "/" + function.level,
                 before ? audit_json(*before) : "", audit_json(after));
  }

  void record_profile_import(const competence::ProfileImport& import) override {
    record_audit(sql_, actor_, "import", "profile", "csv", "", audit_json(import));
  }

  std::optional<competence::Agreement> agreement(std::string_view name) override {
    long long m = m_, agreed = 0;
    std::string text(name);
    sql_ << "SELECT agreed FROM external_organisations WHERE municipality_id = :m AND name = :n", soci::use(m), soci::use(text),
        soci::into(agreed);
    if (!sql_.got_data()) return std::nullopt;
    return competence::Agreement{text, agreed != 0};
  }

  void put(const std::optional<competence::Agreement>& before, const competence::Agreement& after) override {
    long long m = m_, flag = after.agreed ? 1 : 0;
    std::string name = after.name, changed = utc_now_iso(), by = actor_.username;
    sql_ << "DELETE FROM external_organisations WHERE municipality_id = :m AND name = :n", soci::use(m), soci::use(name);
    sql_ << "INSERT INTO external_organisations (municipality_id, name, agreed, changed_at, changed_by) VALUES (:m, :n, :a, :c, :b)",
        soci::use(m), soci::use(name), soci::use(flag), soci::use(changed), soci::use(by);
    record_audit(sql_, actor_, before ? "update" : "create", "external_organisation", name, before ? audit_json(*before) : "",
                 audit_json(after));
  }

 private:
  soci::session& sql_;
  const Principal& actor_;
  long long m_;
};

}  // namespace

StoredProfile competence_detail::stored_profile(soci::session& sql, long long municipality_id, const ProfileKey& key) {
  const auto function = select_function(sql, municipality_id, key);
  if (!function) {
    fail(ErrorKind::not_found, "not_found", fmt::format("Functie ‘{}’ met niveau ‘{}’ niet gevonden", key.function_code, key.level),
         "function");
  }
  const auto records = select_profiles(sql, municipality_id, function->id);
  return competence::assemble_profile(*function, records.empty() ? nullptr : &records.begin()->second,
                                      competence_detail::current_frameworks(sql, municipality_id));
}

const std::vector<competence::Framework>& competence_detail::parsed_reference_frameworks() {
  // Checked by the competence tests, so a failure here means a broken build and is reported as such.
  static const std::vector<competence::Framework> frameworks = [] {
    std::vector<competence::Framework> parsed;
    for (const auto& file : reference_framework_files()) parsed.push_back(competence::framework_from_json(file.text));
    std::sort(parsed.begin(), parsed.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
    return parsed;
  }();
  return frameworks;
}

std::vector<competence::FrameworkRecord> CompetenceRepository::current_frameworks(std::int64_t municipality_id) {
  auto sql = db_.lease();
  return competence_detail::current_frameworks(*sql, municipality_id);
}

std::optional<competence::FrameworkRecord> CompetenceRepository::framework(std::int64_t municipality_id, std::string_view code,
                                                                           std::optional<int> version) {
  auto sql = db_.lease();
  return find_framework(*sql, municipality_id, code, version);
}

competence::StoredFramework CompetenceRepository::stored(std::int64_t municipality_id, const competence::FrameworkRecord& record) {
  auto sql = db_.lease();
  return stored_view(*sql, municipality_id, record);
}

const std::vector<competence::Framework>& CompetenceRepository::reference_frameworks() { return parsed_reference_frameworks(); }

std::vector<org::Function> CompetenceRepository::functions(std::int64_t municipality_id, std::optional<std::string> code) {
  auto sql = db_.lease();
  return select_functions(*sql, municipality_id, std::nullopt, code);
}

std::optional<org::Function> CompetenceRepository::function(std::int64_t municipality_id, const competence::ProfileKey& key) {
  auto sql = db_.lease();
  return select_function(*sql, municipality_id, key);
}

std::map<std::int64_t, competence::ProfileRecord> CompetenceRepository::profiles(std::int64_t municipality_id,
                                                                                 std::optional<std::int64_t> function_id) {
  auto sql = db_.lease();
  return select_profiles(*sql, municipality_id, function_id);
}

std::vector<competence::ExternalOrganisation> CompetenceRepository::external_organisations(std::int64_t municipality_id) {
  auto sql = db_.lease();
  long long m = municipality_id, count = 0, agreed = 0;
  std::string name, changed;
  std::map<std::string, competence::ExternalOrganisation> organisations;
  Statement people(*sql);
  people.into(name).into(count).use(m).prepare(
      "SELECT organisation, COUNT(*) FROM people WHERE municipality_id = :m AND engagement <> 'employee' AND organisation <> '' "
      "GROUP BY organisation");
  people.start();
  while (people.fetch()) organisations[name] = competence::ExternalOrganisation{name, count, false, ""};
  Statement decisions(*sql);
  decisions.into(name).into(agreed).into(changed).use(m).prepare(
      "SELECT name, agreed, changed_at FROM external_organisations WHERE municipality_id = :m");
  decisions.start();
  while (decisions.fetch()) {
    competence::ExternalOrganisation& organisation = organisations[name];
    organisation.name = name;
    organisation.agreed = agreed != 0;
    organisation.changed_at = changed;
  }
  std::vector<competence::ExternalOrganisation> list;
  for (auto& [key, organisation] : organisations) list.push_back(std::move(organisation));
  return list;
}

void CompetenceRepository::write(const Principal& actor, const std::function<void(competence::Transaction&)>& change) {
  db_.transaction([&](soci::session& sql) {
    SqlTransaction tx(sql, actor);
    change(tx);
  });
}

std::shared_ptr<competence::Service> competence_service(Database& db) {
  return std::make_shared<competence::Service>(std::make_shared<CompetenceRepository>(db));
}

}  // namespace kwm::store
