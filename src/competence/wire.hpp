#pragma once
// The wire format of competency management's structs: one field list per struct, from which the JSON
// answers, the audit log's snapshots and the OpenAPI schemas all come (see core/wire.hpp). The framework
// file format (competence/framework_json.hpp) writes frameworks with these same fields.
#include <map>
#include <string>
#include <tuple>

#include "competence/catalogue.hpp"
#include "competence/service.hpp"
#include "core/wire.hpp"

namespace kwm::wire {

// A scale's anchors: an object from point ("1") to its text.
template <>
struct Codec<std::map<int, std::string>> {
  static json::value write(const std::map<int, std::string>& anchors) {
    json::object object;
    for (const auto& [point, text] : anchors) object[std::to_string(point)] = text;
    return object;
  }
  static std::map<int, std::string> read(const json::value& value, std::string_view path) {
    if (!value.is_object()) detail::wrong_type(path, "een JSON-object");
    std::map<int, std::string> anchors;
    for (const auto& member : value.as_object()) {
      const std::string point(member.key());
      const std::string member_path = detail::join_path(path, point);
      try {
        std::size_t used = 0;
        const int number = std::stoi(point, &used);
        if (used != point.size()) throw std::invalid_argument(point);
        anchors[number] = Codec<std::string>::read(member.value(), member_path);
      } catch (const std::logic_error&) {
        detail::bad_value(member_path, "Een ankerpunt is een geheel getal, zoals \"1\"");
      }
    }
    return anchors;
  }
  static json::object schema(Direction, Components&) {
    return {{"type", "object"}, {"additionalProperties", json::object{{"type", "string"}}}};
  }
};

template <>
struct Fields<competence::Indicator> {
  static constexpr std::string_view name = "Indicator";
  static constexpr auto fields = std::make_tuple(field("code", &competence::Indicator::code, required),
                                                 field("text", &competence::Indicator::text, required));
};

template <>
struct Fields<competence::Competency> {
  static constexpr std::string_view name = "Competency";
  static constexpr auto fields =
      std::make_tuple(field("code", &competence::Competency::code, required), field("name", &competence::Competency::name, required),
                      field("definition", &competence::Competency::definition), field("kind", &competence::Competency::kind, required),
                      field("indicators", &competence::Competency::indicators, required));
};

template <>
struct Fields<competence::Scale> {
  static constexpr std::string_view name = "Scale";
  static constexpr auto fields = std::make_tuple(field("min", &competence::Scale::min, required),
                                                 field("max", &competence::Scale::max, required),
                                                 field("anchors", &competence::Scale::anchors));
};

template <>
struct Fields<competence::Framework> {
  static constexpr std::string_view name = "Framework";
  static constexpr auto fields =
      std::make_tuple(field("code", &competence::Framework::code, required), field("name", &competence::Framework::name, required),
                      field("version", &competence::Framework::version), field("scale", &competence::Framework::scale),
                      field("competencies", &competence::Framework::competencies, required));
};

// A stored version: the framework's own fields, whether it is the current version, frozen, and which
// versions of the code exist.
template <>
struct Fields<competence::StoredFramework> {
  static constexpr std::string_view name = "StoredFramework";
  static constexpr auto fields = std::make_tuple(
      inline_fields(&competence::StoredFramework::framework),
      computed<competence::StoredFramework>("status", [](const competence::StoredFramework& f) {
        return std::string(f.current ? "current" : "superseded");
      }),
      field("in_use", &competence::StoredFramework::in_use), field("versions", &competence::StoredFramework::versions));
};

template <>
struct Fields<competence::FrameworkSummary> {
  static constexpr std::string_view name = "FrameworkSummary";
  static constexpr auto fields = std::make_tuple(
      field("code", &competence::FrameworkSummary::code), field("name", &competence::FrameworkSummary::name),
      field("version", &competence::FrameworkSummary::version),
      computed<competence::FrameworkSummary>("status", [](const competence::FrameworkSummary&) { return std::string("current"); }),
      field("in_use", &competence::FrameworkSummary::in_use), field("versions", &competence::FrameworkSummary::versions),
      field("competencies", &competence::FrameworkSummary::competencies),
      field("knowledge_areas", &competence::FrameworkSummary::knowledge_areas));
};

template <>
struct Fields<competence::FrameworkList> {
  static constexpr std::string_view name = "FrameworkList";
  static constexpr auto fields = std::make_tuple(field("items", &competence::FrameworkList::items));
};

template <>
struct Fields<competence::FrameworkDiff> {
  static constexpr std::string_view name = "FrameworkDiff";
  static constexpr auto fields = std::make_tuple(
      field("added", &competence::FrameworkDiff::added), field("removed", &competence::FrameworkDiff::removed),
      field("changed", &competence::FrameworkDiff::changed), field("name_changed", &competence::FrameworkDiff::name_changed),
      field("scale_changed", &competence::FrameworkDiff::scale_changed), field("reordered", &competence::FrameworkDiff::reordered));
};

template <>
struct Fields<competence::FrameworkChange> {
  static constexpr std::string_view name = "FrameworkChange";
  static constexpr auto fields = std::make_tuple(field("outcome", &competence::FrameworkChange::outcome),
                                                 field("framework", &competence::FrameworkChange::stored),
                                                 field("diff", &competence::FrameworkChange::diff));
};

template <>
struct Fields<competence::ReferenceFramework> {
  static constexpr std::string_view name = "ReferenceFramework";
  static constexpr auto fields = std::make_tuple(
      field("code", &competence::ReferenceFramework::code), field("name", &competence::ReferenceFramework::name),
      field("competencies", &competence::ReferenceFramework::competencies), field("kinds", &competence::ReferenceFramework::kinds));
};

template <>
struct Fields<competence::ReferenceFrameworkList> {
  static constexpr std::string_view name = "ReferenceFrameworkList";
  static constexpr auto fields = std::make_tuple(field("items", &competence::ReferenceFrameworkList::items));
};

template <>
struct Fields<competence::FrameworkCopy> {
  static constexpr std::string_view name = "FrameworkCopy";
  static constexpr auto fields =
      std::make_tuple(field("code", &competence::FrameworkCopy::code), field("name", &competence::FrameworkCopy::name));
};

// --- Profiles ------------------------------------------------------------------------------------------

template <>
struct Fields<competence::NamedRequirement> {
  static constexpr std::string_view name = "ProfileRequirement";
  static constexpr auto fields = std::make_tuple(
      field("competency_code", &competence::NamedRequirement::competency_code, required),
      field("framework_code", &competence::NamedRequirement::framework_code),
      field("name", &competence::NamedRequirement::name, output_only),
      field("required", &competence::NamedRequirement::required, required), field("critical", &competence::NamedRequirement::critical));
};

// A profile as answered: the function level and its named requirements.
template <>
struct Fields<competence::StoredProfile> {
  static constexpr std::string_view name = "Profile";
  static constexpr auto fields = std::make_tuple(
      computed<competence::StoredProfile>("function_id", [](const competence::StoredProfile& p) { return p.function.id; }),
      computed<competence::StoredProfile>("function_code", [](const competence::StoredProfile& p) { return p.function.code; }),
      computed<competence::StoredProfile>("function_name", [](const competence::StoredProfile& p) { return p.function.name; }),
      computed<competence::StoredProfile>("level", [](const competence::StoredProfile& p) { return p.function.level; }),
      computed<competence::StoredProfile>("education_level", [](const competence::StoredProfile& p) { return p.profile.education; }),
      computed<competence::StoredProfile>("competencies",
                                          [](const competence::StoredProfile& p) { return p.named(p.profile.competencies); }),
      computed<competence::StoredProfile>("knowledge_areas",
                                          [](const competence::StoredProfile& p) { return p.named(p.profile.knowledge_areas); }),
      computed<competence::StoredProfile>("updated_at", [](const competence::StoredProfile& p) {
        return p.updated_at.empty() ? std::optional<std::string>() : std::optional<std::string>(p.updated_at);
      }));
};

// The request body of PUT /profiles/{function_code}/{level}.
struct ProfileBody {
  std::optional<competence::EducationLevel> education_level;
  std::vector<competence::NamedRequirement> competencies;
  std::vector<competence::NamedRequirement> knowledge_areas;
};

template <>
struct Fields<ProfileBody> {
  static constexpr std::string_view name = "Profile";
  static constexpr auto fields = std::make_tuple(field("education_level", &ProfileBody::education_level),
                                                 field("competencies", &ProfileBody::competencies),
                                                 field("knowledge_areas", &ProfileBody::knowledge_areas));
};

template <>
struct Fields<competence::ProfileSummary> {
  static constexpr std::string_view name = "ProfileSummary";
  static constexpr auto fields = std::make_tuple(
      computed<competence::ProfileSummary>("function_id", [](const competence::ProfileSummary& s) { return s.stored.function.id; }),
      computed<competence::ProfileSummary>("function_code", [](const competence::ProfileSummary& s) { return s.stored.function.code; }),
      computed<competence::ProfileSummary>("function_name", [](const competence::ProfileSummary& s) { return s.stored.function.name; }),
      computed<competence::ProfileSummary>("level", [](const competence::ProfileSummary& s) { return s.stored.function.level; }),
      computed<competence::ProfileSummary>("education_level",
                                           [](const competence::ProfileSummary& s) { return s.stored.profile.education; }),
      computed<competence::ProfileSummary>("competencies", [](const competence::ProfileSummary& s) {
        return static_cast<std::int64_t>(s.stored.profile.competencies.size());
      }),
      computed<competence::ProfileSummary>("knowledge_areas", [](const competence::ProfileSummary& s) {
        return static_cast<std::int64_t>(s.stored.profile.knowledge_areas.size());
      }),
      computed<competence::ProfileSummary>("critical", [](const competence::ProfileSummary& s) { return s.stored.critical_count(); }));
};

template <>
struct Fields<competence::ProfileList> {
  static constexpr std::string_view name = "ProfileList";
  static constexpr auto fields = std::make_tuple(field("items", &competence::ProfileList::items));
};

template <>
struct Fields<competence::ProfileImport> {
  static constexpr std::string_view name = "ProfileImport";
  static constexpr auto fields =
      std::make_tuple(field("imported", &competence::ProfileImport::rows), field("profiles", &competence::ProfileImport::profiles));
};

// A stored profile in the audit log: education and requirements with their frameworks.
template <>
struct Fields<competence::FramedRequirement> {
  static constexpr std::string_view name = "FramedRequirement";
  static constexpr auto fields = std::make_tuple(
      field("framework_code", &competence::FramedRequirement::framework_code),
      computed<competence::FramedRequirement>("competency_code",
                                              [](const competence::FramedRequirement& r) { return r.requirement.competency_code; }),
      computed<competence::FramedRequirement>("required", [](const competence::FramedRequirement& r) { return r.requirement.required; }),
      computed<competence::FramedRequirement>("critical", [](const competence::FramedRequirement& r) { return r.requirement.critical; }));
};

template <>
struct Fields<competence::ProfileRecord> {
  static constexpr std::string_view name = "ProfileRecord";
  static constexpr auto fields = std::make_tuple(field("education_level", &competence::ProfileRecord::education),
                                                 field("requirements", &competence::ProfileRecord::requirements));
};

template <>
struct Fields<competence::Requirement> {
  static constexpr std::string_view name = "RequirementLevel";
  static constexpr auto fields = std::make_tuple(field("required", &competence::Requirement::required),
                                                 field("critical", &competence::Requirement::critical));
};

template <>
struct Fields<competence::RequirementChange> {
  static constexpr std::string_view name = "RequirementChange";
  static constexpr auto fields = std::make_tuple(
      field("competency_code", &competence::RequirementChange::competency_code), field("name", &competence::RequirementChange::name),
      field("from", &competence::RequirementChange::from), field("to", &competence::RequirementChange::to),
      field("level_change", &competence::RequirementChange::level_change));
};

template <>
struct Fields<competence::ProfileComparisonView> {
  static constexpr std::string_view name = "ProfileComparison";
  static constexpr auto fields = std::make_tuple(
      field("from", &competence::ProfileComparisonView::from), field("to", &competence::ProfileComparisonView::to),
      computed<competence::ProfileComparisonView>(
          "overlap", [](const competence::ProfileComparisonView& v) { return competence::four_decimals(v.proposal.comparison.overlap); }),
      computed<competence::ProfileComparisonView>(
          "shared", [](const competence::ProfileComparisonView& v) { return static_cast<std::int64_t>(v.proposal.comparison.shared); }),
      computed<competence::ProfileComparisonView>("match", [](const competence::ProfileComparisonView& v) { return v.proposal.match; }),
      computed<competence::ProfileComparisonView>("reasons", [](const competence::ProfileComparisonView& v) { return v.proposal.reasons; }),
      computed<competence::ProfileComparisonView>("differences", [](const competence::ProfileComparisonView& v) {
        return competence::named_changes(v.proposal.comparison.differences, competence::names_of({v.from, v.to}));
      }));
};

template <>
struct Fields<competence::NamedCareerStep> {
  static constexpr std::string_view name = "CareerStep";
  static constexpr auto fields = std::make_tuple(
      field("from_level", &competence::NamedCareerStep::from_level), field("to_level", &competence::NamedCareerStep::to_level),
      field("from_education", &competence::NamedCareerStep::from_education),
      field("to_education", &competence::NamedCareerStep::to_education), field("added", &competence::NamedCareerStep::added),
      field("raised", &competence::NamedCareerStep::raised), field("lowered", &competence::NamedCareerStep::lowered),
      field("removed", &competence::NamedCareerStep::removed), field("became_critical", &competence::NamedCareerStep::became_critical),
      field("no_longer_critical", &competence::NamedCareerStep::no_longer_critical));
};

template <>
struct Fields<competence::CareerPathView> {
  static constexpr std::string_view name = "CareerPath";
  static constexpr auto fields = std::make_tuple(
      field("function_code", &competence::CareerPathView::function_code),
      computed<competence::CareerPathView>("levels",
                                           [](const competence::CareerPathView& v) {
                                             std::vector<std::string> levels;
                                             for (const auto& p : v.levels) levels.push_back(p.function.level);
                                             return levels;
                                           }),
      field("profiles", &competence::CareerPathView::levels),
      computed<competence::CareerPathView>("steps", [](const competence::CareerPathView& v) { return competence::named_steps(v); }));
};

// --- External organisations ----------------------------------------------------------------------------

template <>
struct Fields<competence::ExternalOrganisation> {
  static constexpr std::string_view name = "ExternalOrganisation";
  static constexpr auto fields = std::make_tuple(
      field("name", &competence::ExternalOrganisation::name, output_only),
      field("people", &competence::ExternalOrganisation::people, output_only),
      field("agreed", &competence::ExternalOrganisation::agreed, required),
      field("changed_at", &competence::ExternalOrganisation::changed_at, output_only | empty_is_null));
};

template <>
struct Fields<competence::ExternalOrganisationList> {
  static constexpr std::string_view name = "ExternalOrganisationList";
  static constexpr auto fields = std::make_tuple(field("items", &competence::ExternalOrganisationList::items));
};

template <>
struct Fields<competence::Agreement> {
  static constexpr std::string_view name = "Agreement";
  static constexpr auto fields =
      std::make_tuple(field("name", &competence::Agreement::name), field("agreed", &competence::Agreement::agreed));
};

}  // namespace kwm::wire
