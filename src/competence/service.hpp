#pragma once
// Competency management as its callers see it (API handlers, the CLI, the demo loader, tests): frameworks
// and their versions, function profiles, and the agreement of external organisations. Every operation
// takes the caller, checks the access policy (competence/access.hpp), applies the rules of the pure domain
// (versioning, profile checks, comparisons, career paths) and leaves SQL, transactions and audit to the
// Repository. A record of another municipality is reported exactly as a missing one.
//
// Assessment rounds, forms and results are still served by the competence store
// (store/competence_store.hpp); they move here next.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "competence/catalogue.hpp"
#include "competence/repository.hpp"
#include "core/principal.hpp"
#include "core/table.hpp"

namespace kwm::competence {

struct FrameworkList {
  std::vector<FrameworkSummary> items;
};
struct ReferenceFrameworkList {
  std::vector<ReferenceFramework> items;
};
// A function level in the list of profiles: its function and the size of its profile.
struct ProfileSummary {
  StoredProfile stored;
};
struct ProfileList {
  std::vector<ProfileSummary> items;
};
struct ExternalOrganisationList {
  std::vector<ExternalOrganisation> items;
};

class Service {
 public:
  explicit Service(std::shared_ptr<Repository> repository);

  // --- Frameworks
  FrameworkList list_frameworks(const Principal& caller) const;  // current versions, by code
  StoredFramework get_framework(const Principal& caller, std::string_view code, std::optional<int> version = {}) const;
  // A new code is stored as version 1; an existing one is edited by competence::apply_edit (a version in
  // use gives version + 1; removing a competency a profile or an open round uses is refused).
  FrameworkChange import_framework(const Principal& caller, const Framework& framework) const;
  // As import_framework for an existing code only (not_found otherwise; framework_code_changed when the
  // framework names another code).
  FrameworkChange edit_framework(const Principal& caller, std::string_view code, const Framework& edited) const;
  FrameworkChange remove_competency(const Principal& caller, std::string_view framework_code, std::string_view competency_code) const;
  // Refused (conflict, framework_in_use) while a profile or any round refers to it.
  void delete_framework(const Principal& caller, std::string_view code) const;
  ReferenceFrameworkList reference_frameworks(const Principal& caller) const;
  // Imports a copy of a reference framework, under another code and name when given. Refused (conflict,
  // framework_exists) when the municipality already holds the code.
  FrameworkChange copy_reference_framework(const Principal& caller, std::string_view reference_code, const FrameworkCopy& copy = {}) const;
  // One row per indicator of every current framework.
  Table export_frameworks(const Principal& caller) const;

  // --- Function profiles
  ProfileList list_profiles(const Principal& caller) const;  // every function level
  StoredProfile get_profile(const Principal& caller, const ProfileKey& key) const;
  StoredProfile put_profile(const Principal& caller, const ProfileKey& key, const ProfileDraft& draft) const;
  ProfileComparisonView compare_profiles(const Principal& caller, const ProfileKey& from, const ProfileKey& to) const;
  // `levels` empty: every level of the function, by pay scale.
  CareerPathView career_path(const Principal& caller, const std::string& function_code, const std::vector<std::string>& levels) const;
  // CSV function_code,level,competency_code,required,critical[,framework_code]: each function level in the
  // file gets exactly the file's rows. All or nothing: Failure{import_failed, rows} naming row and column.
  ProfileImport import_profiles(const Principal& caller, std::string_view csv_text) const;
  Table export_profiles(const Principal& caller) const;  // in the import format
  Table profile_overview(const Principal& caller) const;  // the list as the web app shows it

  // --- External organisations
  ExternalOrganisationList external_organisations(const Principal& caller) const;
  ExternalOrganisation set_external_agreement(const Principal& caller, const std::string& name, bool agreed) const;

 private:
  std::shared_ptr<Repository> repository_;
};

}  // namespace kwm::competence
