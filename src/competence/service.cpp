#include "competence/service.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "competence/access.hpp"
#include "core/error.hpp"

namespace kwm::competence {
namespace {

[[noreturn]] void fail_framework_not_found(std::string_view code) {
  fail(ErrorKind::not_found, "not_found", fmt::format("Competentiekader ‘{}’ niet gevonden", code), "code");
}

[[noreturn]] void fail_function_not_found(const ProfileKey& key) {
  fail(ErrorKind::not_found, "not_found", fmt::format("Functie ‘{}’ met niveau ‘{}’ niet gevonden", key.function_code, key.level),
       "function");
}

FrameworkChange create(Transaction& tx, Framework framework) {
  framework.version = 1;
  return FrameworkChange{FrameworkOutcome::Created, tx.stored(tx.insert(framework, nullptr)), {}};
}

// An edit of the current version by the versioning rules, with what the database says is in use.
FrameworkChange apply(Transaction& tx, const FrameworkRecord& current, const Framework& edited) {
  EditResult result = apply_edit(current.framework, edited, tx.usage(current));
  FrameworkChange change;
  change.diff = result.diff;
  FrameworkRecord stored = current;
  switch (result.outcome) {
    case EditOutcome::Unchanged:
      change.outcome = FrameworkOutcome::Unchanged;
      break;
    case EditOutcome::SameVersion:
      change.outcome = FrameworkOutcome::SameVersion;
      tx.update(current, result.framework);
      stored.framework = result.framework;
      break;
    case EditOutcome::NewVersion:
      change.outcome = FrameworkOutcome::NewVersion;
      stored = tx.insert(result.framework, &current);
      break;
  }
  change.stored = tx.stored(stored);
  return change;
}

FrameworkRecord existing_framework(Transaction& tx, std::string_view code) {
  auto current = tx.framework(code);
  if (!current) fail_framework_not_found(code);
  return *current;
}

// The draft's requirements resolved to their frameworks, checked, as the record to store.
ProfileRecord checked_profile(const org::Function& function, const ProfileDraft& draft, const std::vector<FrameworkRecord>& frameworks) {
  std::map<std::string, std::string> framework_of;
  for (const auto& [list, name] : {std::pair{&draft.competencies, "competencies"}, std::pair{&draft.knowledge_areas, "knowledge_areas"}}) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string& code = (*list)[i].competency_code;
      const auto named = draft.framework_of.find(code);
      try {
        framework_of.emplace(code, resolve_framework(frameworks, code, named == draft.framework_of.end() ? std::string() : named->second));
      } catch (const Failure& failure) {
        Error error = failure.error();
        error.field = fmt::format("{}[{}].{}", name, i, error.field);
        throw Failure(std::move(error));
      }
    }
  }
  FunctionProfile profile{function.code, function.level, draft.education, draft.competencies, draft.knowledge_areas};
  validate(profile, chosen_frameworks(frameworks, framework_of));
  return record_of(profile, framework_of);
}

// Every file row of one function level as its new profile, keeping the stored education requirement.
ProfileRecord imported_profile(const org::Function& function, const std::optional<ProfileRecord>& before,
                               const std::vector<const ProfileRow*>& rows, const std::vector<FrameworkRecord>& frameworks) {
  FunctionProfile profile;
  profile.function_code = function.code;
  profile.level = function.level;
  if (before) profile.education = before->education;
  std::map<std::string, std::string> framework_of;
  for (const ProfileRow* row : rows) {
    const auto framework = std::find_if(frameworks.begin(), frameworks.end(), [&](const auto& r) { return r.framework.code == row->framework_code; });
    const Competency* competency = framework->framework.find(row->requirement.competency_code);
    (competency->kind == CompetencyKind::Knowledge ? profile.knowledge_areas : profile.competencies).push_back(row->requirement);
    framework_of[row->requirement.competency_code] = row->framework_code;
  }
  try {
    validate(profile, chosen_frameworks(frameworks, framework_of));
  } catch (const Failure& failure) {
    fail_import_rows({{rows.front()->row, "competency_code", failure.error().message}});
  }
  return record_of(profile, framework_of);
}

}  // namespace

Service::Service(std::shared_ptr<Repository> repository) : repository_(std::move(repository)) {}

// --- Frameworks ----------------------------------------------------------------------------------------

FrameworkList Service::list_frameworks(const Principal& caller) const {
  access::read_frameworks.require(caller);
  FrameworkList list;
  for (const FrameworkRecord& record : repository_->current_frameworks(caller.municipality_id)) {
    list.items.push_back(summary_of(repository_->stored(caller.municipality_id, record)));
  }
  return list;
}

StoredFramework Service::get_framework(const Principal& caller, std::string_view code, std::optional<int> version) const {
  access::read_frameworks.require(caller);
  const auto record = repository_->framework(caller.municipality_id, code, version);
  if (!record) {
    if (!version) fail_framework_not_found(code);
    fail(ErrorKind::not_found, "not_found", fmt::format("Competentiekader ‘{}’ heeft geen versie {}", code, *version), "version");
  }
  return repository_->stored(caller.municipality_id, *record);
}

FrameworkChange Service::import_framework(const Principal& caller, const Framework& framework) const {
  access::write_frameworks.require(caller);
  validate(framework);
  FrameworkChange change;
  repository_->write(caller, [&](Transaction& tx) {
    const auto current = tx.framework(framework.code);
    change = current ? apply(tx, *current, framework) : create(tx, framework);
  });
  return change;
}

FrameworkChange Service::edit_framework(const Principal& caller, std::string_view code, const Framework& edited) const {
  access::write_frameworks.require(caller);
  FrameworkChange change;
  repository_->write(caller, [&](Transaction& tx) { change = apply(tx, existing_framework(tx, code), edited); });
  return change;
}

FrameworkChange Service::remove_competency(const Principal& caller, std::string_view framework_code,
                                           std::string_view competency_code) const {
  access::write_frameworks.require(caller);
  FrameworkChange change;
  repository_->write(caller, [&](Transaction& tx) {
    const FrameworkRecord current = existing_framework(tx, framework_code);
    Framework edited = current.framework;
    const auto removed = std::remove_if(edited.competencies.begin(), edited.competencies.end(),
                                        [&](const Competency& c) { return c.code == competency_code; });
    if (removed == edited.competencies.end()) {
      fail(ErrorKind::not_found, "not_found", fmt::format("Competentie ‘{}’ staat niet in kader ‘{}’", competency_code, framework_code),
           "competency");
    }
    edited.competencies.erase(removed, edited.competencies.end());
    change = apply(tx, current, edited);
  });
  return change;
}

void Service::delete_framework(const Principal& caller, std::string_view code) const {
  access::write_frameworks.require(caller);
  repository_->write(caller, [&](Transaction& tx) {
    const FrameworkRecord current = existing_framework(tx, code);
    const FrameworkReferences references = tx.references(code);
    if (references.profile_requirements > 0 || references.rounds > 0) {
      fail(ErrorKind::conflict, "framework_in_use",
           fmt::format("Kader ‘{}’ kan niet worden verwijderd: {} eis(en) in functieprofielen en {} beoordelingsronde(s) verwijzen "
                       "ernaar. Beoordelingen houden de versie die ze gebruikten.",
                       code, references.profile_requirements, references.rounds),
           "code");
    }
    tx.remove(current);
  });
}

ReferenceFrameworkList Service::reference_frameworks(const Principal& caller) const {
  access::read_frameworks.require(caller);
  ReferenceFrameworkList list;
  for (const Framework& framework : repository_->reference_frameworks()) list.items.push_back(reference_of(framework));
  return list;
}

FrameworkChange Service::copy_reference_framework(const Principal& caller, std::string_view reference_code,
                                                  const FrameworkCopy& names) const {
  access::write_frameworks.require(caller);
  const auto& references = repository_->reference_frameworks();
  const auto found = std::find_if(references.begin(), references.end(), [&](const auto& f) { return f.code == reference_code; });
  if (found == references.end()) fail(ErrorKind::not_found, "not_found", fmt::format("Er is geen referentiekader ‘{}’", reference_code), "code");
  Framework copy = *found;
  if (!names.code.empty()) copy.code = names.code;
  if (!names.name.empty()) copy.name = names.name;
  validate(copy);
  FrameworkChange change;
  repository_->write(caller, [&](Transaction& tx) {
    if (tx.framework(copy.code)) {
      fail(ErrorKind::conflict, "framework_exists",
           fmt::format("De gemeente heeft al een kader ‘{}’; geef de kopie een andere code", copy.code), "code");
    }
    change = create(tx, copy);
  });
  return change;
}

Table Service::export_frameworks(const Principal& caller) const {
  access::export_catalogue.require(caller);
  Table table{"competentiekaders",
              {"framework_code", "version", "competency_code", "competency_name", "kind", "indicator_code", "indicator_text"},
              {}};
  for (const FrameworkRecord& record : repository_->current_frameworks(caller.municipality_id)) {
    for (const auto& competency : record.framework.competencies) {
      for (const auto& indicator : competency.indicators) {
        table.add({record.framework.code, static_cast<double>(record.framework.version), competency.code, competency.name,
                   std::string(to_string(competency.kind)), indicator.code, indicator.text});
      }
    }
  }
  return table;
}

// --- Function profiles ---------------------------------------------------------------------------------

ProfileList Service::list_profiles(const Principal& caller) const {
  access::read_profiles.require(caller);
  const auto frameworks = repository_->current_frameworks(caller.municipality_id);
  const auto records = repository_->profiles(caller.municipality_id, std::nullopt);
  ProfileList list;
  for (const org::Function& function : repository_->functions(caller.municipality_id, std::nullopt)) {
    const auto record = records.find(function.id);
    list.items.push_back({assemble_profile(function, record == records.end() ? nullptr : &record->second, frameworks)});
  }
  return list;
}

StoredProfile Service::get_profile(const Principal& caller, const ProfileKey& key) const {
  access::read_profiles.require(caller);
  const auto function = repository_->function(caller.municipality_id, key);
  if (!function) fail_function_not_found(key);
  const auto records = repository_->profiles(caller.municipality_id, function->id);
  return assemble_profile(*function, records.empty() ? nullptr : &records.begin()->second,
                          repository_->current_frameworks(caller.municipality_id));
}

StoredProfile Service::put_profile(const Principal& caller, const ProfileKey& key, const ProfileDraft& draft) const {
  access::write_profiles.require(caller);
  repository_->write(caller, [&](Transaction& tx) {
    const auto function = tx.function(key);
    if (!function) fail_function_not_found(key);
    const ProfileRecord after = checked_profile(*function, draft, tx.current_frameworks());
    const auto before = tx.profile(function->id);
    if (!before || !same_requirements(*before, after)) tx.put(*function, before, after);
  });
  return get_profile(caller, key);
}

ProfileComparisonView Service::compare_profiles(const Principal& caller, const ProfileKey& from, const ProfileKey& to) const {
  ProfileComparisonView view{get_profile(caller, from), get_profile(caller, to), {}};
  view.proposal = classify_match(view.from.profile, view.to.profile);
  return view;
}

CareerPathView Service::career_path(const Principal& caller, const std::string& function_code,
                                    const std::vector<std::string>& levels) const {
  access::read_profiles.require(caller);
  const auto functions = repository_->functions(caller.municipality_id, function_code);
  if (functions.empty()) fail(ErrorKind::not_found, "not_found", fmt::format("Functie ‘{}’ niet gevonden", function_code), "function");
  const auto frameworks = repository_->current_frameworks(caller.municipality_id);
  const auto records = repository_->profiles(caller.municipality_id, std::nullopt);
  const auto profile_of = [&](const org::Function& function) {
    const auto record = records.find(function.id);
    return assemble_profile(function, record == records.end() ? nullptr : &record->second, frameworks);
  };
  CareerPathView view;
  view.function_code = function_code;
  if (levels.empty()) {
    for (const auto& function : functions) view.levels.push_back(profile_of(function));
  } else {
    for (const auto& level : levels) {
      const auto function = std::find_if(functions.begin(), functions.end(), [&](const org::Function& f) { return f.level == level; });
      if (function == functions.end()) fail_function_not_found({function_code, level});
      view.levels.push_back(profile_of(*function));
    }
  }
  std::vector<FunctionProfile> profiles;
  for (const auto& level : view.levels) profiles.push_back(level.profile);
  view.steps = competence::career_path(profiles);
  return view;
}

ProfileImport Service::import_profiles(const Principal& caller, std::string_view csv_text) const {
  access::write_profiles.require(caller);
  const csv::Table table = csv::parse(csv_text);
  ProfileImport result;
  repository_->write(caller, [&](Transaction& tx) {
    const auto frameworks = tx.current_frameworks();
    std::map<ProfileKey, std::optional<org::Function>> functions;
    const ProfileRows read = read_profile_rows(table, frameworks, [&](const ProfileKey& key) {
      auto [function, fresh] = functions.try_emplace(key);
      if (fresh) function->second = tx.function(key);
      return function->second.has_value();
    });
    if (!read.errors.empty()) fail_import_rows(read.errors);
    std::map<ProfileKey, std::vector<const ProfileRow*>> grouped;
    for (const auto& row : read.rows) grouped[row.key].push_back(&row);
    for (const auto& [key, rows] : grouped) {
      const org::Function& function = *functions.at(key);
      const auto before = tx.profile(function.id);
      const ProfileRecord after = imported_profile(function, before, rows, frameworks);
      if (!before || !same_requirements(*before, after)) tx.put(function, before, after);
    }
    result = ProfileImport{static_cast<std::int64_t>(read.rows.size()), static_cast<std::int64_t>(grouped.size())};
    tx.record_profile_import(result);
  });
  return result;
}

Table Service::export_profiles(const Principal& caller) const {
  access::export_catalogue.require(caller);
  Table table{"functieprofielen", {"function_code", "level", "competency_code", "required", "critical", "framework_code"}, {}};
  for (const ProfileSummary& summary : list_profiles(caller).items) {
    const StoredProfile& stored = summary.stored;
    for (const auto& requirement : stored.profile.requirements()) {
      table.add({stored.function.code, stored.function.level, requirement.competency_code, requirement.required,
                 std::string(requirement.critical ? "yes" : "no"), stored.framework_of.at(requirement.competency_code)});
    }
  }
  return table;
}

Table Service::profile_overview(const Principal& caller) const {
  Table table{"functieprofielen-overzicht",
              {"function_code", "function_name", "level", "education_level", "competencies", "knowledge_areas", "critical"},
              {}};
  for (const ProfileSummary& summary : list_profiles(caller).items) {
    const StoredProfile& p = summary.stored;
    table.add({p.function.code, p.function.name, p.function.level,
               p.profile.education ? Cell(std::string(to_string(*p.profile.education))) : Cell(),
               static_cast<double>(p.profile.competencies.size()), static_cast<double>(p.profile.knowledge_areas.size()),
               static_cast<double>(p.critical_count())});
  }
  return table;
}

// --- External organisations ----------------------------------------------------------------------------

ExternalOrganisationList Service::external_organisations(const Principal& caller) const {
  access::external_organisations.require(caller);
  return {repository_->external_organisations(caller.municipality_id)};
}

ExternalOrganisation Service::set_external_agreement(const Principal& caller, const std::string& name, bool agreed) const {
  access::external_organisations.require(caller);
  if (name.empty() || name.size() > 200) fail_invalid("name", "Geef de naam van de organisatie (hooguit 200 tekens)", "invalid_name");
  repository_->write(caller, [&](Transaction& tx) {
    const auto before = tx.agreement(name);
    if (before && before->agreed == agreed) return;
    tx.put(before, Agreement{name, agreed});
  });
  for (auto& organisation : repository_->external_organisations(caller.municipality_id)) {
    if (organisation.name == name) return organisation;
  }
  return ExternalOrganisation{name, 0, agreed, ""};
}

}  // namespace kwm::competence
