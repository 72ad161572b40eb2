// Competency frameworks: storing versions, applying edits by the versioning rules of src/competence/, and
// copying the reference frameworks that ship with the product.
#include <algorithm>

#include <fmt/format.h>

#include "competence/framework_json.hpp"
#include "core/error.hpp"
#include "store/audit.hpp"
#include "store/competence_sql.hpp"
#include "store/competence_store.hpp"
#include "store/database.hpp"

namespace kwm::store {
namespace {

using namespace competence_detail;
using detail::Statement;

std::string framework_key(const competence::Framework& framework) {
  return fmt::format("{}/{}", framework.code, framework.version);
}

[[noreturn]] void fail_framework_not_found(std::string_view code) {
  fail(ErrorKind::not_found, "not_found", fmt::format("Competentiekader ‘{}’ niet gevonden", code), "code");
}

// Who still uses which competency of this framework: function profiles, and open rounds whose pinned
// version of the framework holds it. The versioning rules refuse removing any of them.
competence::FrameworkUsage usage_of(soci::session& sql, long long municipality_id, const FrameworkRecord& current) {
  competence::FrameworkUsage usage;
  usage.version_in_use = framework_version_in_use(sql, current.id);
  long long m = municipality_id;
  std::string code = current.framework.code, name, level, competency;
  Statement profiles(sql);
  profiles.into(name).into(level).into(competency).use(m).use(code).prepare(
      "SELECT f.name, f.level, pr.competency_code FROM profile_requirements pr JOIN functions f ON f.id = pr.function_id "
      "WHERE pr.municipality_id = :m AND pr.framework_code = :c ORDER BY f.code, f.level");
  profiles.start();
  while (profiles.fetch()) usage.competency_users[competency].push_back(fmt::format("functieprofiel {} {}", name, level));

  std::string round;
  Statement rounds(sql);
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

StoredFramework stored_view(soci::session& sql, long long municipality_id, const FrameworkRecord& record) {
  return StoredFramework{record.framework, record.status == "current", framework_version_in_use(sql, record.id),
                         framework_versions(sql, municipality_id, record.framework.code)};
}

FrameworkChange create(soci::session& sql, const Principal& actor, competence::Framework framework) {
  framework.version = 1;
  const long long id = insert_framework(sql, actor.municipality_id, framework);
  record_audit(sql, actor, "create", "framework", framework_key(framework), "", framework_audit_json(framework));
  return FrameworkChange{FrameworkOutcome::Created, stored_view(sql, actor.municipality_id, {id, "current", framework}), {}};
}

FrameworkChange apply(soci::session& sql, const Principal& actor, const FrameworkRecord& current, const competence::Framework& edited) {
  const competence::FrameworkUsage usage = usage_of(sql, actor.municipality_id, current);
  competence::EditResult result = competence::apply_edit(current.framework, edited, usage);
  FrameworkChange change;
  change.diff = result.diff;
  long long id = current.id;
  switch (result.outcome) {
    case competence::EditOutcome::Unchanged:
      change.outcome = FrameworkOutcome::Unchanged;
      break;
    case competence::EditOutcome::SameVersion:
      change.outcome = FrameworkOutcome::SameVersion;
      overwrite_framework(sql, actor.municipality_id, id, result.framework);
      record_audit(sql, actor, "update", "framework", framework_key(result.framework), framework_audit_json(current.framework),
                   framework_audit_json(result.framework));
      break;
    case competence::EditOutcome::NewVersion:
      change.outcome = FrameworkOutcome::NewVersion;
      sql << "UPDATE frameworks SET status = 'superseded' WHERE id = :id", soci::use(id);
      id = insert_framework(sql, actor.municipality_id, result.framework);
      record_audit(sql, actor, "create", "framework", framework_key(result.framework), framework_audit_json(current.framework),
                   framework_audit_json(result.framework));
      break;
  }
  change.stored = stored_view(sql, actor.municipality_id, {id, "current", result.framework});
  return change;
}

// The reference files, parsed once; they are checked by the competence tests, so a failure here means a
// broken build and is reported as such.
const std::vector<competence::Framework>& parsed_references() {
  static const std::vector<competence::Framework> frameworks = [] {
    std::vector<competence::Framework> parsed;
    for (const auto& file : reference_framework_files()) parsed.push_back(competence::framework_from_json(file.text));
    std::sort(parsed.begin(), parsed.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
    return parsed;
  }();
  return frameworks;
}

}  // namespace

std::string_view to_string(FrameworkOutcome outcome) {
  switch (outcome) {
    case FrameworkOutcome::Created: return "created";
    case FrameworkOutcome::Unchanged: return "unchanged";
    case FrameworkOutcome::SameVersion: return "same_version";
    case FrameworkOutcome::NewVersion: return "new_version";
  }
  return "unchanged";
}

std::vector<FrameworkSummary> list_frameworks(Database& db, const Principal& actor) {
  require_catalogue_reader(actor);
  auto sql = db.lease();
  std::vector<FrameworkSummary> summaries;
  for (const FrameworkRecord& record : current_frameworks(*sql, actor.municipality_id)) {
    FrameworkSummary summary;
    summary.code = record.framework.code;
    summary.name = record.framework.name;
    summary.version = record.framework.version;
    summary.in_use = framework_version_in_use(*sql, record.id);
    summary.versions = framework_versions(*sql, actor.municipality_id, record.framework.code);
    for (const auto& competency : record.framework.competencies) {
      ++(competency.kind == competence::CompetencyKind::Knowledge ? summary.knowledge_areas : summary.competencies);
    }
    summaries.push_back(std::move(summary));
  }
  return summaries;
}

StoredFramework get_framework(Database& db, const Principal& actor, std::string_view code, std::optional<int> version) {
  require_catalogue_reader(actor);
  auto sql = db.lease();
  const auto record = find_framework(*sql, actor.municipality_id, code, version);
  if (!record) {
    if (!version) fail_framework_not_found(code);
    fail(ErrorKind::not_found, "not_found", fmt::format("Competentiekader ‘{}’ heeft geen versie {}", code, *version), "version");
  }
  return stored_view(*sql, actor.municipality_id, *record);
}

FrameworkChange import_framework(Database& db, const Principal& actor, const competence::Framework& framework) {
  require_competence_writer(actor, "competentiekaders te wijzigen");
  competence::validate(framework);
  return db.transaction([&](soci::session& sql) {
    const auto current = find_framework(sql, actor.municipality_id, framework.code);
    return current ? apply(sql, actor, *current, framework) : create(sql, actor, framework);
  });
}

FrameworkChange edit_framework(Database& db, const Principal& actor, std::string_view code, const competence::Framework& edited) {
  require_competence_writer(actor, "competentiekaders te wijzigen");
  return db.transaction([&](soci::session& sql) {
    const auto current = find_framework(sql, actor.municipality_id, code);
    if (!current) fail_framework_not_found(code);
    return apply(sql, actor, *current, edited);
  });
}

FrameworkChange remove_competency(Database& db, const Principal& actor, std::string_view framework_code,
                                  std::string_view competency_code) {
  require_competence_writer(actor, "competentiekaders te wijzigen");
  return db.transaction([&](soci::session& sql) {
    const auto current = find_framework(sql, actor.municipality_id, framework_code);
    if (!current) fail_framework_not_found(framework_code);
    competence::Framework edited = current->framework;
    const auto removed = std::remove_if(edited.competencies.begin(), edited.competencies.end(),
                                        [&](const competence::Competency& c) { return c.code == competency_code; });
    if (removed == edited.competencies.end()) {
      fail(ErrorKind::not_found, "not_found",
           fmt::format("Competentie ‘{}’ staat niet in kader ‘{}’", competency_code, framework_code), "competency");
    }
    edited.competencies.erase(removed, edited.competencies.end());
    return apply(sql, actor, *current, edited);
  });
}

void delete_framework(Database& db, const Principal& actor, std::string_view code) {
  require_competence_writer(actor, "competentiekaders te verwijderen");
  db.transaction([&](soci::session& sql) {
    const auto current = find_framework(sql, actor.municipality_id, code);
    if (!current) fail_framework_not_found(code);
    long long m = actor.municipality_id, profiles = 0, rounds = 0;
    std::string code_text(code);
    sql << "SELECT COUNT(*) FROM profile_requirements WHERE municipality_id = :m AND framework_code = :c", soci::use(m),
        soci::use(code_text), soci::into(profiles);
    sql << "SELECT COUNT(*) FROM round_frameworks rf JOIN frameworks f ON f.id = rf.framework_id WHERE f.municipality_id = :m "
           "AND f.code = :c",
        soci::use(m), soci::use(code_text), soci::into(rounds);
    if (profiles > 0 || rounds > 0) {
      fail(ErrorKind::conflict, "framework_in_use",
           fmt::format("Kader ‘{}’ kan niet worden verwijderd: {} eis(en) in functieprofielen en {} beoordelingsronde(s) verwijzen "
                       "ernaar. Beoordelingen houden de versie die ze gebruikten.",
                       code, profiles, rounds),
           "code");
    }
    sql << "DELETE FROM frameworks WHERE municipality_id = :m AND code = :c", soci::use(m), soci::use(code_text);
    record_audit(sql, actor, "delete", "framework", framework_key(current->framework), framework_audit_json(current->framework), "");
  });
}

std::vector<competence::Framework> reference_frameworks() { return parsed_references(); }

FrameworkChange copy_reference_framework(Database& db, const Principal& actor, std::string_view reference_code,
                                         const std::string& code, const std::string& name) {
  require_competence_writer(actor, "competentiekaders over te nemen");
  const auto& references = parsed_references();
  const auto found = std::find_if(references.begin(), references.end(), [&](const auto& f) { return f.code == reference_code; });
  if (found == references.end()) {
    fail(ErrorKind::not_found, "not_found", fmt::format("Er is geen referentiekader ‘{}’", reference_code), "code");
  }
  competence::Framework copy = *found;
  if (!code.empty()) copy.code = code;
  if (!name.empty()) copy.name = name;
  competence::validate(copy);
  return db.transaction([&](soci::session& sql) {
    if (find_framework(sql, actor.municipality_id, copy.code)) {
      fail(ErrorKind::conflict, "framework_exists",
           fmt::format("De gemeente heeft al een kader ‘{}’; geef de kopie een andere code", copy.code), "code");
    }
    return create(sql, actor, copy);
  });
}

Table export_frameworks(Database& db, const Principal& actor) {
  require_competence_writer(actor, "competentiekaders te exporteren");
  auto sql = db.lease();
  Table table{"competentiekaders",
              {"framework_code", "version", "competency_code", "competency_name", "kind", "indicator_code", "indicator_text"},
              {}};
  for (const FrameworkRecord& record : current_frameworks(*sql, actor.municipality_id)) {
    for (const auto& competency : record.framework.competencies) {
      for (const auto& indicator : competency.indicators) {
        table.add({record.framework.code, static_cast<double>(record.framework.version), competency.code, competency.name,
                   std::string(competence::to_string(competency.kind)), indicator.code, indicator.text});
      }
    }
  }
  return table;
}

}  // namespace kwm::store
