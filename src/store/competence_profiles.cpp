// Function profiles: per function level the competencies and knowledge areas it asks, from which framework,
// at which level, whether critical, and the education it needs. Comparison and career paths are the pure
// functions of competence/profile.hpp over the stored profiles.
#include <algorithm>
#include <charconv>
#include <set>

#include <fmt/format.h>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "store/audit.hpp"
#include "store/competence_sql.hpp"
#include "store/competence_store.hpp"
#include "store/database.hpp"

namespace kwm::store {
namespace {

using namespace competence_detail;
using detail::Statement;

std::string profile_key_text(const ProfileKey& key) { return key.function_code + "/" + key.level; }

[[noreturn]] void fail_function_not_found(const ProfileKey& key) {
  fail(ErrorKind::not_found, "not_found",
       fmt::format("Functie ‘{}’ met niveau ‘{}’ niet gevonden", key.function_code, key.level), "function");
}

std::optional<org::Function> find_function(soci::session& sql, long long municipality_id, const ProfileKey& key) {
  std::string code = key.function_code, level = key.level;
  auto found = detail::select_functions(sql, municipality_id, " AND f.code = :c AND f.level = :l", "",
                                        [&](Statement& st) { st.use(code).use(level); });
  if (found.empty()) return std::nullopt;
  return found.front();
}

org::Function require_function(soci::session& sql, long long municipality_id, const ProfileKey& key) {
  auto function = find_function(sql, municipality_id, key);
  if (!function) fail_function_not_found(key);
  return *function;
}

// One stored requirement as the table holds it.
struct StoredRequirement {
  std::string framework_code;
  competence::Requirement requirement;
};

struct StoredRow {
  std::string education;
  std::string updated_at;
  std::vector<StoredRequirement> requirements;  // in order
};

// Every stored profile of the municipality, or of one function level, by function id.
std::map<long long, StoredRow> load_rows(soci::session& sql, long long municipality_id, std::optional<long long> function_id) {
  std::map<long long, StoredRow> rows;
  long long m = municipality_id, id = 0, only = function_id.value_or(0);
  std::string education, updated;
  Statement heads(sql);
  heads.into(id).into(education).into(updated).use(m);
  if (function_id) heads.use(only);
  heads.prepare(std::string("SELECT function_id, education_level, updated_at FROM function_profiles WHERE municipality_id = :m") +
                (function_id ? " AND function_id = :f" : ""));
  heads.start();
  while (heads.fetch()) rows[id] = StoredRow{education, updated, {}};

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
  while (requirements.fetch()) rows[id].requirements.push_back({framework, {competency, required, critical != 0}});
  return rows;
}

const competence::Competency* find_in(const std::vector<FrameworkRecord>& frameworks, std::string_view framework_code,
                                      std::string_view competency_code) {
  for (const auto& record : frameworks) {
    if (record.framework.code == framework_code) return record.framework.find(competency_code);
  }
  return nullptr;
}

// The stored row as a domain profile; a requirement's kind (competency or knowledge area) is its kind in
// the framework's current version.
StoredProfile make_profile(const org::Function& function, const StoredRow* row, const std::vector<FrameworkRecord>& frameworks) {
  StoredProfile stored;
  stored.function = function;
  stored.profile.function_code = function.code;
  stored.profile.level = function.level;
  if (!row) return stored;
  stored.profile.education = competence::education_level_from_string(row->education);
  stored.updated_at = row->updated_at;
  for (const auto& item : row->requirements) {
    const competence::Competency* competency = find_in(frameworks, item.framework_code, item.requirement.competency_code);
    const bool knowledge = competency && competency->kind == competence::CompetencyKind::Knowledge;
    (knowledge ? stored.profile.knowledge_areas : stored.profile.competencies).push_back(item.requirement);
    stored.framework_of[item.requirement.competency_code] = item.framework_code;
    stored.names[item.requirement.competency_code] = competency ? competency->name : item.requirement.competency_code;
  }
  return stored;
}

StoredProfile load_profile(soci::session& sql, long long municipality_id, const org::Function& function) {
  const auto frameworks = current_frameworks(sql, municipality_id);
  const auto rows = load_rows(sql, municipality_id, function.id);
  const auto row = rows.find(function.id);
  return make_profile(function, row == rows.end() ? nullptr : &row->second, frameworks);
}

// --- Resolving requirements to frameworks ---------------------------------------------------------------

struct Resolution {
  std::string framework_code;
  std::optional<Error> error;  // field relative to the requirement: "framework_code" or "competency_code"
};

Error requirement_error(std::string field, std::string code, std::string message) {
  return Error{ErrorKind::invalid, std::move(code), std::move(message), std::move(field), {}};
}

// The framework a requirement comes from: the one named, or else the one current framework that has it.
Resolution resolve(const std::vector<FrameworkRecord>& frameworks, const std::string& competency_code, const std::string& named) {
  if (!named.empty()) {
    const auto framework = std::find_if(frameworks.begin(), frameworks.end(), [&](const auto& r) { return r.framework.code == named; });
    if (framework == frameworks.end()) {
      return {named, requirement_error("framework_code", "unknown_framework",
                                       fmt::format("De gemeente heeft geen competentiekader ‘{}’", named))};
    }
    if (!framework->framework.find(competency_code)) {
      return {named, requirement_error("competency_code", "unknown_competency",
                                       fmt::format("‘{}’ staat niet in competentiekader ‘{}’", competency_code, named))};
    }
    return {named, std::nullopt};
  }
  std::vector<std::string> holders;
  for (const auto& record : frameworks) {
    if (record.framework.find(competency_code)) holders.push_back(record.framework.code);
  }
  if (holders.empty()) {
    return {"", requirement_error("competency_code", "unknown_competency",
                                  fmt::format("‘{}’ staat in geen van de competentiekaders van de gemeente", competency_code))};
  }
  if (holders.size() > 1) {
    std::string list;
    for (const auto& code : holders) list += (list.empty() ? "‘" : ", ‘") + code + "’";
    return {"", requirement_error("competency_code", "ambiguous_competency",
                                  fmt::format("‘{}’ staat in meer dan één kader ({}); noem het kader in framework_code",
                                              competency_code, list))};
  }
  return {holders.front(), std::nullopt};
}

// The frameworks a profile draws on, each cut down to the competencies the profile takes from it, so that
// competence::profile_problems checks kinds and scales against exactly the chosen definitions.
std::vector<competence::Framework> chosen_frameworks(const std::vector<FrameworkRecord>& frameworks,
                                                     const std::map<std::string, std::string>& framework_of) {
  std::vector<competence::Framework> chosen;
  for (const auto& record : frameworks) {
    competence::Framework cut = record.framework;
    std::erase_if(cut.competencies, [&](const competence::Competency& c) {
      const auto owner = framework_of.find(c.code);
      return owner == framework_of.end() || owner->second != record.framework.code;
    });
    if (!cut.competencies.empty()) chosen.push_back(std::move(cut));
  }
  return chosen;
}

std::string profile_audit_json(const StoredRow& row) {
  std::string requirements;
  for (const auto& item : row.requirements) {
    if (!requirements.empty()) requirements += '|';
    requirements += fmt::format("{}/{}:{}{}", item.framework_code, item.requirement.competency_code,
                                number_text(item.requirement.required), item.requirement.critical ? ":kritiek" : "");
  }
  return detail::JsonObject().string("education_level", row.education).string("requirements", requirements).str();
}

StoredRow row_of(const competence::FunctionProfile& profile, const std::map<std::string, std::string>& framework_of) {
  StoredRow row;
  row.education = profile.education ? std::string(competence::to_string(*profile.education)) : std::string();
  for (const auto& requirement : profile.requirements()) row.requirements.push_back({framework_of.at(requirement.competency_code), requirement});
  return row;
}

bool same_row(const StoredRow& a, const StoredRow& b) { return profile_audit_json(a) == profile_audit_json(b); }

// Replaces the stored profile of one function level; audited when anything changed.
void write_profile(soci::session& sql, const Principal& actor, const org::Function& function, const std::optional<StoredRow>& before,
                   const StoredRow& after) {
  if (before && same_row(*before, after)) return;
  long long m = actor.municipality_id, id = function.id, ordinal = 0, critical = 0;
  std::string education = after.education, updated = utc_now_iso(), framework, competency;
  double required = 0;
  sql << "DELETE FROM function_profiles WHERE function_id = :f", soci::use(id);  // requirements follow (cascade)
  sql << "INSERT INTO function_profiles (function_id, municipality_id, education_level, updated_at) VALUES (:f, :m, :e, :u)",
      soci::use(id), soci::use(m), soci::use(education), soci::use(updated);
  Statement insert(sql);
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
  const std::string key = profile_key_text({function.code, function.level});
  record_audit(sql, actor, before ? "update" : "create", "profile", key, before ? profile_audit_json(*before) : "",
               profile_audit_json(after));
}

std::optional<StoredRow> stored_row(soci::session& sql, long long municipality_id, long long function_id) {
  auto rows = load_rows(sql, municipality_id, function_id);
  const auto row = rows.find(function_id);
  if (row == rows.end()) return std::nullopt;
  return row->second;
}

// --- CSV ---------------------------------------------------------------------------------------------------

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

struct ProfileRow {
  std::int64_t row = 0;
  ProfileKey key;
  std::string framework_code;
  competence::Requirement requirement;
};

}  // namespace

StoredProfile competence_detail::stored_profile(soci::session& sql, long long municipality_id, const ProfileKey& key) {
  return load_profile(sql, municipality_id, require_function(sql, municipality_id, key));
}

std::vector<StoredProfile> list_profiles(Database& db, const Principal& actor) {
  require_catalogue_reader(actor);
  auto sql = db.lease();
  const auto frameworks = current_frameworks(*sql, actor.municipality_id);
  const auto rows = load_rows(*sql, actor.municipality_id, std::nullopt);
  std::vector<StoredProfile> profiles;
  for (const org::Function& function :
       detail::select_functions(*sql, actor.municipality_id, "", "ORDER BY f.code, f.scale, f.level", detail::bind_nothing)) {
    const auto row = rows.find(function.id);
    profiles.push_back(make_profile(function, row == rows.end() ? nullptr : &row->second, frameworks));
  }
  return profiles;
}

StoredProfile get_profile(Database& db, const Principal& actor, const ProfileKey& key) {
  require_catalogue_reader(actor);
  auto sql = db.lease();
  return stored_profile(*sql, actor.municipality_id, key);
}

StoredProfile put_profile(Database& db, const Principal& actor, const ProfileDraft& draft) {
  require_competence_writer(actor, "functieprofielen te wijzigen");
  const ProfileKey key{draft.profile.function_code, draft.profile.level};
  return db.transaction([&](soci::session& sql) {
    const org::Function function = require_function(sql, actor.municipality_id, key);
    const auto frameworks = current_frameworks(sql, actor.municipality_id);
    std::map<std::string, std::string> framework_of;
    for (const auto& [list, name] : {std::pair{&draft.profile.competencies, "competencies"}, std::pair{&draft.profile.knowledge_areas, "knowledge_areas"}}) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string& code = (*list)[i].competency_code;
        const auto named = draft.framework_of.find(code);
        Resolution resolution = resolve(frameworks, code, named == draft.framework_of.end() ? std::string() : named->second);
        if (resolution.error) {
          resolution.error->field = fmt::format("{}[{}].{}", name, i, resolution.error->field);
          throw Failure(std::move(*resolution.error));
        }
        framework_of.emplace(code, resolution.framework_code);
      }
    }
    competence::FunctionProfile profile = draft.profile;
    profile.function_code = function.code;
    profile.level = function.level;
    competence::validate(profile, chosen_frameworks(frameworks, framework_of));
    write_profile(sql, actor, function, stored_row(sql, actor.municipality_id, function.id), row_of(profile, framework_of));
    return load_profile(sql, actor.municipality_id, function);
  });
}

ProfileComparisonView compare_profiles(Database& db, const Principal& actor, const ProfileKey& from, const ProfileKey& to) {
  ProfileComparisonView view{get_profile(db, actor, from), get_profile(db, actor, to), {}};
  view.proposal = competence::classify_match(view.from.profile, view.to.profile);
  return view;
}

CareerPathView career_path(Database& db, const Principal& actor, const std::string& function_code,
                           const std::vector<std::string>& levels) {
  require_catalogue_reader(actor);
  auto sql = db.lease();
  std::string code = function_code;
  auto functions = detail::select_functions(*sql, actor.municipality_id, " AND f.code = :c", "ORDER BY f.scale, f.level",
                                            [&](Statement& st) { st.use(code); });
  if (functions.empty()) fail(ErrorKind::not_found, "not_found", fmt::format("Functie ‘{}’ niet gevonden", function_code), "function");
  CareerPathView view;
  view.function_code = function_code;
  if (levels.empty()) {
    for (const auto& function : functions) view.levels.push_back(load_profile(*sql, actor.municipality_id, function));
  } else {
    for (const auto& level : levels) {
      const auto function = std::find_if(functions.begin(), functions.end(), [&](const org::Function& f) { return f.level == level; });
      if (function == functions.end()) fail_function_not_found({function_code, level});
      view.levels.push_back(load_profile(*sql, actor.municipality_id, *function));
    }
  }
  std::vector<competence::FunctionProfile> profiles;
  for (const auto& level : view.levels) profiles.push_back(level.profile);
  view.steps = competence::career_path(profiles);
  return view;
}

ProfileImport import_profiles(Database& db, const Principal& actor, std::string_view csv_text) {
  require_competence_writer(actor, "functieprofielen in te lezen");
  const csv::Table table = csv::parse(csv_text);
  std::vector<RowError> errors;
  for (const char* column : kProfileColumns) {
    if (!table.column(column)) errors.push_back({1, column, fmt::format("De kolom ‘{}’ ontbreekt", column)});
  }
  for (const auto& name : table.header) {
    const bool known = name == "framework_code" ||
                       std::any_of(std::begin(kProfileColumns), std::end(kProfileColumns), [&](const char* c) { return name == c; });
    if (!known) errors.push_back({1, name, fmt::format("Onbekende kolom ‘{}’", name)});
  }
  if (!errors.empty()) fail_import_rows(std::move(errors));
  const auto column = [&](const char* name) { return *table.column(name); };
  const auto framework_column = table.column("framework_code");

  return db.transaction([&](soci::session& sql) {
    const auto frameworks = current_frameworks(sql, actor.municipality_id);
    std::map<ProfileKey, std::optional<org::Function>> functions;
    std::vector<ProfileRow> rows;
    std::set<std::pair<ProfileKey, std::string>> seen;
    for (const csv::Record& record : table.records) {
      const auto cell = [&](std::size_t at) { return at < record.fields.size() ? record.fields[at] : std::string(); };
      ProfileRow row;
      row.row = record.row;
      row.key = ProfileKey{cell(column("function_code")), cell(column("level"))};
      row.requirement.competency_code = cell(column("competency_code"));
      const std::size_t before = errors.size();
      auto [function, fresh] = functions.try_emplace(row.key);
      if (fresh) function->second = find_function(sql, actor.municipality_id, row.key);
      if (!function->second) {
        errors.push_back({record.row, "function_code",
                          fmt::format("Functie ‘{}’ met niveau ‘{}’ bestaat niet", row.key.function_code, row.key.level)});
      }
      const Resolution resolution = resolve(frameworks, row.requirement.competency_code,
                                            framework_column ? cell(*framework_column) : std::string());
      if (resolution.error) errors.push_back({record.row, resolution.error->field, resolution.error->message});
      row.framework_code = resolution.framework_code;
      const auto level = parse_level(cell(column("required")), table.decimal_comma);
      if (!level) {
        errors.push_back({record.row, "required", fmt::format("‘{}’ is geen niveau; schrijf een getal zoals 3 of 3.5", cell(column("required")))});
      } else if (const auto* competency = resolution.error ? nullptr : find_in(frameworks, row.framework_code, row.requirement.competency_code)) {
        const auto& scale = std::find_if(frameworks.begin(), frameworks.end(), [&](const auto& r) { return r.framework.code == row.framework_code; })->framework.scale;
        if (!scale.contains(*level)) {
          errors.push_back({record.row, "required", fmt::format("Het niveau {} voor ‘{}’ ligt buiten de schaal van {} tot {}",
                                                                number_text(*level), competency->name, scale.min, scale.max)});
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
      if (errors.size() == before) rows.push_back(std::move(row));
    }
    if (!errors.empty()) fail_import_rows(std::move(errors));

    std::map<ProfileKey, std::vector<const ProfileRow*>> grouped;
    for (const auto& row : rows) grouped[row.key].push_back(&row);
    for (const auto& [key, members] : grouped) {
      const org::Function& function = *functions.at(key);
      auto before = stored_row(sql, actor.municipality_id, function.id);
      competence::FunctionProfile profile;
      profile.function_code = function.code;
      profile.level = function.level;
      if (before) profile.education = competence::education_level_from_string(before->education);
      std::map<std::string, std::string> framework_of;
      for (const ProfileRow* row : members) {
        const auto* competency = find_in(frameworks, row->framework_code, row->requirement.competency_code);
        (competency->kind == competence::CompetencyKind::Knowledge ? profile.knowledge_areas : profile.competencies).push_back(row->requirement);
        framework_of[row->requirement.competency_code] = row->framework_code;
      }
      try {
        competence::validate(profile, chosen_frameworks(frameworks, framework_of));
      } catch (const Failure& failure) {
        fail_import_rows({{members.front()->row, "competency_code", failure.error().message}});
      }
      write_profile(sql, actor, function, before, row_of(profile, framework_of));
    }
    record_audit(sql, actor, "import", "profile", "csv", "",
                 detail::JsonObject().integer("rows", static_cast<long long>(rows.size())).integer("profiles", static_cast<long long>(grouped.size())).str());
    return ProfileImport{static_cast<std::int64_t>(rows.size()), static_cast<std::int64_t>(grouped.size())};
  });
}

Table export_profiles(Database& db, const Principal& actor) {
  require_competence_writer(actor, "functieprofielen te exporteren");
  Table table{"functieprofielen", {"function_code", "level", "competency_code", "required", "critical", "framework_code"}, {}};
  for (const StoredProfile& stored : list_profiles(db, actor)) {
    for (const auto& requirement : stored.profile.requirements()) {
      table.add({stored.function.code, stored.function.level, requirement.competency_code, requirement.required,
                 std::string(requirement.critical ? "yes" : "no"), stored.framework_of.at(requirement.competency_code)});
    }
  }
  return table;
}

}  // namespace kwm::store
