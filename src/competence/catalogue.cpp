#include "competence/catalogue.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "competence/text.hpp"

namespace kwm::competence {
namespace {

const Competency* find_in(const std::vector<FrameworkRecord>& frameworks, std::string_view framework_code,
                          std::string_view competency_code) {
  for (const auto& record : frameworks) {
    if (record.framework.code == framework_code) return record.framework.find(competency_code);
  }
  return nullptr;
}

[[noreturn]] void fail_requirement(std::string field, std::string code, std::string message) {
  throw Failure(Error{ErrorKind::invalid, std::move(code), std::move(message), std::move(field), {}});
}

constexpr const char* kProfileColumns[] = {"function_code", "level", "competency_code", "required", "critical"};

std::optional<double> parse_level(std::string text, bool decimal_comma) {
  if (decimal_comma) std::replace(text.begin(), text.end(), ',', '.');
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::optional<bool> parse_flag(const std::string& text) {
  std::string lower;
  for (char c : text) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (const char* yes : {"yes", "true", "1", "ja", "j", "y"})
    if (lower == yes) return true;
  for (const char* no : {"", "no", "false", "0", "nee", "n"})
    if (lower == no) return false;
  return std::nullopt;
}

std::vector<RowError> header_errors(const csv::Table& table) {
  std::vector<RowError> errors;
  for (const char* column : kProfileColumns) {
    if (!table.column(column)) errors.push_back({1, column, fmt::format("De kolom ‘{}’ ontbreekt", column)});
  }
  for (const auto& name : table.header) {
    const bool known = name == "framework_code" ||
                       std::any_of(std::begin(kProfileColumns), std::end(kProfileColumns), [&](const char* c) { return name == c; });
    if (!known) errors.push_back({1, name, fmt::format("Onbekende kolom ‘{}’", name)});
  }
  return errors;
}

}  // namespace

// --- Frameworks ---------------------------------------------------------------------------------------

FrameworkSummary summary_of(const StoredFramework& stored) {
  FrameworkSummary summary{stored.framework.code, stored.framework.name, stored.framework.version, stored.in_use, stored.versions, 0, 0};
  for (const auto& competency : stored.framework.competencies) {
    ++(competency.kind == CompetencyKind::Knowledge ? summary.knowledge_areas : summary.competencies);
  }
  return summary;
}

std::string_view to_string(FrameworkOutcome outcome) { return spell(outcome); }

ReferenceFramework reference_of(const Framework& framework) {
  ReferenceFramework reference{framework.code, framework.name, static_cast<std::int64_t>(framework.competencies.size()), {}};
  for (const auto& competency : framework.competencies) {
    if (std::find(reference.kinds.begin(), reference.kinds.end(), competency.kind) == reference.kinds.end()) {
      reference.kinds.push_back(competency.kind);
    }
  }
  return reference;
}

// --- Profiles -----------------------------------------------------------------------------------------

std::vector<NamedRequirement> StoredProfile::named(const std::vector<Requirement>& requirements) const {
  std::vector<NamedRequirement> list;
  for (const Requirement& requirement : requirements) {
    const auto name = names.find(requirement.competency_code);
    const auto framework = framework_of.find(requirement.competency_code);
    list.push_back({requirement.competency_code,
                    framework == framework_of.end() ? std::nullopt : std::optional<std::string>(framework->second),
                    name == names.end() ? requirement.competency_code : name->second, requirement.required, requirement.critical});
  }
  return list;
}

std::int64_t StoredProfile::critical_count() const {
  const auto all = profile.requirements();
  return std::count_if(all.begin(), all.end(), [](const Requirement& r) { return r.critical; });
}

StoredProfile assemble_profile(const org::Function& function, const ProfileRecord* record,
                               const std::vector<FrameworkRecord>& current_frameworks) {
  StoredProfile stored;
  stored.function = function;
  stored.profile.function_code = function.code;
  stored.profile.level = function.level;
  if (!record) return stored;
  stored.profile.education = record->education;
  stored.updated_at = record->updated_at;
  for (const auto& item : record->requirements) {
    const Competency* competency = find_in(current_frameworks, item.framework_code, item.requirement.competency_code);
    const bool knowledge = competency && competency->kind == CompetencyKind::Knowledge;
    (knowledge ? stored.profile.knowledge_areas : stored.profile.competencies).push_back(item.requirement);
    stored.framework_of[item.requirement.competency_code] = item.framework_code;
    stored.names[item.requirement.competency_code] = competency ? competency->name : item.requirement.competency_code;
  }
  return stored;
}

std::string resolve_framework(const std::vector<FrameworkRecord>& frameworks, const std::string& competency_code,
                              const std::string& named) {
  if (!named.empty()) {
    const auto framework = std::find_if(frameworks.begin(), frameworks.end(), [&](const auto& r) { return r.framework.code == named; });
    if (framework == frameworks.end()) {
      fail_requirement("framework_code", "unknown_framework", fmt::format("De gemeente heeft geen competentiekader ‘{}’", named));
    }
    if (!framework->framework.find(competency_code)) {
      fail_requirement("competency_code", "unknown_competency",
                       fmt::format("‘{}’ staat niet in competentiekader ‘{}’", competency_code, named));
    }
    return named;
  }
  std::vector<std::string> holders;
  for (const auto& record : frameworks) {
    if (record.framework.find(competency_code)) holders.push_back(record.framework.code);
  }
  if (holders.empty()) {
    fail_requirement("competency_code", "unknown_competency",
                     fmt::format("‘{}’ staat in geen van de competentiekaders van de gemeente", competency_code));
  }
  if (holders.size() > 1) {
    std::string list;
    for (const auto& code : holders) list += (list.empty() ? "‘" : ", ‘") + code + "’";
    fail_requirement("competency_code", "ambiguous_competency",
                     fmt::format("‘{}’ staat in meer dan één kader ({}); noem het kader in framework_code", competency_code, list));
  }
  return holders.front();
}

std::vector<Framework> chosen_frameworks(const std::vector<FrameworkRecord>& frameworks,
                                         const std::map<std::string, std::string>& framework_of) {
  std::vector<Framework> chosen;
  for (const auto& record : frameworks) {
    Framework cut = record.framework;
    std::erase_if(cut.competencies, [&](const Competency& c) {
      const auto owner = framework_of.find(c.code);
      return owner == framework_of.end() || owner->second != record.framework.code;
    });
    if (!cut.competencies.empty()) chosen.push_back(std::move(cut));
  }
  return chosen;
}

ProfileRecord record_of(const FunctionProfile& profile, const std::map<std::string, std::string>& framework_of) {
  ProfileRecord record;
  record.education = profile.education;
  for (const auto& requirement : profile.requirements()) record.requirements.push_back({framework_of.at(requirement.competency_code), requirement});
  return record;
}

bool same_requirements(const ProfileRecord& a, const ProfileRecord& b) {
  const auto same = [](const FramedRequirement& x, const FramedRequirement& y) {
    return x.framework_code == y.framework_code && x.requirement.competency_code == y.requirement.competency_code &&
           x.requirement.required == y.requirement.required && x.requirement.critical == y.requirement.critical;
  };
  return a.education == b.education &&
         std::equal(a.requirements.begin(), a.requirements.end(), b.requirements.begin(), b.requirements.end(), same);
}

ProfileRows read_profile_rows(const csv::Table& table, const std::vector<FrameworkRecord>& frameworks,
                              const std::function<bool(const ProfileKey&)>& function_exists) {
  ProfileRows result;
  result.errors = header_errors(table);
  if (!result.errors.empty()) return result;
  auto& errors = result.errors;
  const auto column = [&](const char* name) { return *table.column(name); };
  const auto framework_column = table.column("framework_code");
  std::set<std::pair<ProfileKey, std::string>> seen;
  for (const csv::Record& record : table.records) {
    const auto cell = [&](std::size_t at) { return at < record.fields.size() ? record.fields[at] : std::string(); };
    ProfileRow row;
    row.row = record.row;
    row.key = ProfileKey{cell(column("function_code")), cell(column("level"))};
    row.requirement.competency_code = cell(column("competency_code"));
    const std::size_t before = errors.size();
    if (!function_exists(row.key)) {
      errors.push_back({record.row, "function_code",
                        fmt::format("Functie ‘{}’ met niveau ‘{}’ bestaat niet", row.key.function_code, row.key.level)});
    }
    bool resolved = true;
    try {
      row.framework_code = resolve_framework(frameworks, row.requirement.competency_code,
                                             framework_column ? cell(*framework_column) : std::string());
    } catch (const Failure& failure) {
      resolved = false;
      errors.push_back({record.row, failure.error().field, failure.error().message});
    }
    const auto level = parse_level(cell(column("required")), table.decimal_comma);
    if (!level) {
      errors.push_back({record.row, "required", fmt::format("‘{}’ is geen niveau; schrijf een getal zoals 3 of 3.5", cell(column("required")))});
    } else if (const auto* competency = resolved ? find_in(frameworks, row.framework_code, row.requirement.competency_code) : nullptr) {
      const auto& scale =
          std::find_if(frameworks.begin(), frameworks.end(), [&](const auto& r) { return r.framework.code == row.framework_code; })->framework.scale;
      if (!scale.contains(*level)) {
        errors.push_back({record.row, "required", fmt::format("Het niveau {} voor ‘{}’ ligt buiten de schaal van {} tot {}",
                                                              text::plain_number(*level), competency->name, scale.min, scale.max)});
      }
    }
    row.requirement.required = level.value_or(0);
    const auto critical = parse_flag(cell(column("critical")));
    if (!critical) errors.push_back({record.row, "critical", "Schrijf yes of no (ook: ja, nee, true, false, 1, 0)"});
    row.requirement.critical = critical.value_or(false);
    if (!seen.emplace(row.key, row.requirement.competency_code).second) {
      errors.push_back({record.row, "competency_code",
                        fmt::format("‘{}’ staat al eerder in dit bestand voor {} {}", row.requirement.competency_code,
                                    row.key.function_code, row.key.level)});
    }
    if (errors.size() == before) result.rows.push_back(std::move(row));
  }
  return result;
}

double four_decimals(double value) { return std::round(value * 10000.0) / 10000.0; }

std::map<std::string, std::string> names_of(const std::vector<StoredProfile>& profiles) {
  std::map<std::string, std::string> names;
  for (auto it = profiles.rbegin(); it != profiles.rend(); ++it) names.insert(it->names.begin(), it->names.end());
  return names;
}

std::vector<RequirementChange> named_changes(const std::vector<RequirementDifference>& differences,
                                             const std::map<std::string, std::string>& names) {
  std::vector<RequirementChange> changes;
  for (const RequirementDifference& difference : differences) {
    const auto name = names.find(difference.competency_code);
    changes.push_back({difference.competency_code, name == names.end() ? difference.competency_code : name->second, difference.from,
                       difference.to, four_decimals(difference.level_change())});
  }
  return changes;
}

std::vector<NamedCareerStep> named_steps(const CareerPathView& path) {
  const auto names = names_of(path.levels);
  std::vector<NamedCareerStep> steps;
  for (const CareerStep& step : path.steps) {
    steps.push_back({step.from_level, step.to_level, step.from_education, step.to_education, named_changes(step.added, names),
                     named_changes(step.raised, names), named_changes(step.lowered, names), named_changes(step.removed, names),
                     named_changes(step.became_critical, names), named_changes(step.no_longer_critical, names)});
  }
  return steps;
}

void fail_import_rows(std::vector<RowError> errors) {
  std::stable_sort(errors.begin(), errors.end(), [](const RowError& a, const RowError& b) { return a.row < b.row; });
  const std::size_t count = errors.size();
  throw Failure(Error{ErrorKind::invalid, "import_failed",
                      fmt::format("Het bestand is niet ingelezen: {} {} gevonden. Er is niets opgeslagen.", count, count == 1 ? "fout" : "fouten"),
                      {}, std::move(errors)});
}

}  // namespace kwm::competence
