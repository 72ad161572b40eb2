#include "store/competence_sql.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "core/error.hpp"
#include "org/formation.hpp"
#include "store/audit.hpp"

namespace kwm::store::competence_detail {

using detail::Statement;

namespace {

template <typename Enum, typename Parse>
Enum stored_value(const std::string& text, Parse parse, std::string_view column) {
  if (auto value = parse(text)) return *value;
  fail(ErrorKind::internal, "stored_value_unknown", fmt::format("Onbekende waarde '{}' in kolom {} van de database", text, column));
}

std::string quoted(std::string_view text) { return fmt::format("‘{}’", text); }

}  // namespace

// --- Access -----------------------------------------------------------------------------------------------

void fail_forbidden(std::string message) { fail(ErrorKind::forbidden, "forbidden", std::move(message)); }

void require_competence_writer(const Principal& actor, std::string_view what) {
  if (actor.sees_whole_municipality()) return;
  fail_forbidden(fmt::format("Alleen beheerders en HR mogen {}", what));
}

// --- Stored values ----------------------------------------------------------------------------------------

competence::CompetencyKind stored_kind(const std::string& text) {
  return stored_value<competence::CompetencyKind>(text, competence::competency_kind_from_string, "competencies.kind");
}
competence::RatingSource stored_source(const std::string& text) {
  return stored_value<competence::RatingSource>(text, competence::rating_source_from_string, "source");
}
competence::AssessmentPurpose stored_purpose(const std::string& text) {
  return stored_value<competence::AssessmentPurpose>(text, competence::assessment_purpose_from_string, "assessment_rounds.purpose");
}
org::Engagement stored_engagement(const std::string& text) {
  return stored_value<org::Engagement>(text, org::engagement_from_string, "people.engagement");
}
Date stored_day(const std::string& text) {
  return stored_value<Date>(text, [](const std::string& t) { return Date::parse(t); }, "date");
}

std::string sources_text(const std::vector<competence::RatingSource>& sources) {
  std::string text;
  for (auto source : sources) {
    if (!text.empty()) text += '|';
    text += competence::to_string(source);
  }
  return text;
}

std::vector<competence::RatingSource> stored_sources(const std::string& text) {
  std::vector<competence::RatingSource> sources;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = std::min(text.find('|', start), text.size());
    sources.push_back(stored_source(text.substr(start, end - start)));
    start = end + 1;
  }
  return sources;
}

// --- Frameworks -------------------------------------------------------------------------------------------

competence::Framework load_framework(soci::session& sql, long long framework_id) {
  competence::Framework framework;
  long long id = framework_id, version = 0, min = 0, max = 0;
  Statement head(sql);
  head.into(framework.code).into(version).into(framework.name).into(min).into(max).use(id);
  head.prepare("SELECT code, version, name, scale_min, scale_max FROM frameworks WHERE id = :id");
  if (!head.run()) fail_not_found("Competentiekader");
  framework.version = static_cast<int>(version);
  framework.scale.min = static_cast<int>(min);
  framework.scale.max = static_cast<int>(max);
  framework.scale.anchors.clear();

  long long point = 0;
  std::string text;
  Statement anchors(sql);
  anchors.into(point).into(text).use(id);
  anchors.prepare("SELECT point, text FROM framework_anchors WHERE framework_id = :id ORDER BY point");
  anchors.start();
  while (anchors.fetch()) framework.scale.anchors[static_cast<int>(point)] = text;

  long long competency_id = 0;
  std::string code, name, definition, kind;
  std::vector<long long> competency_ids;
  Statement competencies(sql);
  competencies.into(competency_id).into(code).into(name).into(definition).into(kind).use(id);
  competencies.prepare("SELECT id, code, name, definition, kind FROM competencies WHERE framework_id = :id ORDER BY ordinal");
  competencies.start();
  while (competencies.fetch()) {
    framework.competencies.push_back(competence::Competency{code, name, definition, stored_kind(kind), {}});
    competency_ids.push_back(competency_id);
  }

  std::string indicator_code, indicator_text;
  Statement indicators(sql);
  indicators.into(competency_id).into(indicator_code).into(indicator_text).use(id);
  indicators.prepare(
      "SELECT i.competency_id, i.code, i.text FROM indicators i JOIN competencies c ON c.id = i.competency_id "
      "WHERE c.framework_id = :id ORDER BY c.ordinal, i.ordinal");
  indicators.start();
  while (indicators.fetch()) {
    const auto at = std::find(competency_ids.begin(), competency_ids.end(), competency_id) - competency_ids.begin();
    framework.competencies[static_cast<std::size_t>(at)].indicators.push_back({indicator_code, indicator_text});
  }
  return framework;
}

std::optional<FrameworkRecord> find_framework(soci::session& sql, long long municipality_id, std::string_view code,
                                              std::optional<int> version) {
  long long m = municipality_id, id = 0, wanted = version.value_or(0);
  std::string code_text(code), status;
  Statement find(sql);
  find.into(id).into(status).use(m).use(code_text);
  if (version) {
    find.use(wanted).prepare("SELECT id, status FROM frameworks WHERE municipality_id = :m AND code = :c AND version = :v");
  } else {
    find.prepare("SELECT id, status FROM frameworks WHERE municipality_id = :m AND code = :c AND status = 'current'");
  }
  if (!find.run()) return std::nullopt;
  return FrameworkRecord{id, status == "current", load_framework(sql, id)};
}

std::vector<FrameworkRecord> current_frameworks(soci::session& sql, long long municipality_id) {
  long long m = municipality_id, id = 0;
  std::vector<long long> ids;
  Statement list(sql);
  list.into(id).use(m).prepare("SELECT id FROM frameworks WHERE municipality_id = :m AND status = 'current' ORDER BY code");
  list.start();
  while (list.fetch()) ids.push_back(id);
  std::vector<FrameworkRecord> records;
  for (long long framework_id : ids) records.push_back(FrameworkRecord{framework_id, true, load_framework(sql, framework_id)});
  return records;
}

bool framework_version_in_use(soci::session& sql, long long framework_id) {
  long long id = framework_id, rounds = 0;
  sql << "SELECT COUNT(*) FROM round_frameworks WHERE framework_id = :f", soci::use(id), soci::into(rounds);
  return rounds > 0;
}

std::vector<int> framework_versions(soci::session& sql, long long municipality_id, std::string_view code) {
  long long m = municipality_id, version = 0;
  std::string code_text(code);
  std::vector<int> versions;
  Statement list(sql);
  list.into(version).use(m).use(code_text).prepare(
      "SELECT version FROM frameworks WHERE municipality_id = :m AND code = :c ORDER BY version");
  list.start();
  while (list.fetch()) versions.push_back(static_cast<int>(version));
  return versions;
}

namespace {

void insert_content(soci::session& sql, long long municipality_id, long long framework_id, const competence::Framework& framework) {
  long long m = municipality_id, id = framework_id, point = 0, ordinal = 0, competency_id = 0, indicator_ordinal = 0;
  std::string text, code, name, definition, kind, indicator_code, indicator_text;
  Statement anchor(sql);
  anchor.use(m).use(id).use(point).use(text).prepare(
      "INSERT INTO framework_anchors (municipality_id, framework_id, point, text) VALUES (:m, :f, :p, :t)");
  for (const auto& [at, anchor_text] : framework.scale.anchors) {
    point = at;
    text = anchor_text;
    anchor.run();
  }
  Statement competency(sql);
  competency.use(m).use(id).use(ordinal).use(code).use(name).use(definition).use(kind).into(competency_id).prepare(
      "INSERT INTO competencies (municipality_id, framework_id, ordinal, code, name, definition, kind) "
      "VALUES (:m, :f, :o, :c, :n, :d, :k) RETURNING id");
  Statement indicator(sql);
  indicator.use(m).use(competency_id).use(indicator_ordinal).use(indicator_code).use(indicator_text).prepare(
      "INSERT INTO indicators (municipality_id, competency_id, ordinal, code, text) VALUES (:m, :c, :o, :code, :t)");
  for (const auto& item : framework.competencies) {
    code = item.code;
    name = item.name;
    definition = item.definition;
    kind = std::string(competence::to_string(item.kind));
    competency.run();
    ++ordinal;
    indicator_ordinal = 0;
    for (const auto& entry : item.indicators) {
      indicator_code = entry.code;
      indicator_text = entry.text;
      indicator.run();
      ++indicator_ordinal;
    }
  }
}

}  // namespace

long long insert_framework(soci::session& sql, long long municipality_id, const competence::Framework& framework) {
  long long m = municipality_id, id = 0, version = framework.version, min = framework.scale.min, max = framework.scale.max;
  std::string code = framework.code, name = framework.name, created = utc_now_iso();
  Statement insert(sql);
  insert.use(m).use(code).use(version).use(name).use(min).use(max).use(created).into(id).prepare(
      "INSERT INTO frameworks (municipality_id, code, version, name, scale_min, scale_max, status, created_at) "
      "VALUES (:m, :c, :v, :n, :lo, :hi, 'current', :at) RETURNING id");
  insert.run();
  insert_content(sql, municipality_id, id, framework);
  return id;
}

void overwrite_framework(soci::session& sql, long long municipality_id, long long framework_id, const competence::Framework& framework) {
  long long id = framework_id, min = framework.scale.min, max = framework.scale.max;
  std::string name = framework.name;
  sql << "UPDATE frameworks SET name = :n, scale_min = :lo, scale_max = :hi WHERE id = :id", soci::use(name), soci::use(min),
      soci::use(max), soci::use(id);
  sql << "DELETE FROM framework_anchors WHERE framework_id = :id", soci::use(id);
  sql << "DELETE FROM competencies WHERE framework_id = :id", soci::use(id);  // indicators follow (cascade)
  insert_content(sql, municipality_id, framework_id, framework);
}

// --- Units ------------------------------------------------------------------------------------------------

const org::Unit* UnitTree::find(std::string_view code) const {
  for (const auto& unit : units)
    if (unit.code == code) return &unit;
  return nullptr;
}

const org::Unit* UnitTree::find(std::int64_t id) const {
  for (const auto& unit : units)
    if (unit.id == id) return &unit;
  return nullptr;
}

std::vector<std::int64_t> UnitTree::subtree(std::int64_t root) const {
  std::vector<org::UnitNode> nodes;
  nodes.reserve(units.size());
  for (const auto& unit : units) nodes.push_back({unit.id, unit.parent_id});
  return org::subtree(nodes, root);
}

std::vector<std::int64_t> UnitTree::children(std::int64_t id) const {
  std::vector<std::int64_t> out;
  for (const auto& unit : units)
    if (unit.parent_id == id) out.push_back(unit.id);
  return out;
}

UnitTree load_units(soci::session& sql, long long municipality_id) {
  UnitTree tree{detail::select_units(sql, municipality_id)};
  std::sort(tree.units.begin(), tree.units.end(), [](const org::Unit& a, const org::Unit& b) { return a.code < b.code; });
  return tree;
}

void fail_unit_not_found(std::string_view code) {
  fail(ErrorKind::not_found, "not_found", fmt::format("Eenheid {} niet gevonden", quoted(code)), "unit");
}

const org::Unit& require_unit(const UnitTree& tree, std::string_view code) {
  if (const org::Unit* unit = tree.find(code)) return *unit;
  fail_unit_not_found(code);
}

// --- Rounds -----------------------------------------------------------------------------------------------

void fail_round_not_found(std::string_view code) {
  fail(ErrorKind::not_found, "not_found", fmt::format("Beoordelingsronde {} niet gevonden", quoted(code)), "round");
}

void fail_round_closed(const RoundView& round) {
  fail(ErrorKind::conflict, "round_closed",
       fmt::format("Beoordelingsronde {} is gesloten op {}: er kan niets meer worden ingevuld of gewijzigd", quoted(round.code),
                   round.closed_at.substr(0, 10)),
       "round");
}

std::optional<RoundRecord> find_round(soci::session& sql, long long municipality_id, std::string_view code) {
  long long m = municipality_id, id = 0;
  std::string code_text(code), name, purpose, status, deadline, target, sources, created, closed;
  double w_self = 0, w_manager = 0, w_external = 0, w_peer = 0, tolerance = 0, step = 0, spread = 0;
  Statement find(sql);
  find.into(id).into(name).into(purpose).into(status).into(deadline).into(target).into(sources).into(w_self).into(w_manager)
      .into(w_external).into(w_peer).into(tolerance).into(step).into(spread).into(created).into(closed).use(m).use(code_text);
  find.prepare(
      "SELECT id, name, purpose, status, deadline, target_date, sources, weight_self, weight_manager, weight_external, "
      "weight_peer, tolerance, trainable_step, spread_threshold, created_at, closed_at FROM assessment_rounds "
      "WHERE municipality_id = :m AND code = :c");
  if (!find.run()) return std::nullopt;
  RoundRecord record;
  record.id = id;
  RoundView& view = record.view;
  view.code = code_text;
  view.name = name;
  view.purpose = stored_purpose(purpose);
  view.open = status == "open";
  view.deadline = stored_day(deadline);
  view.settings.sources = stored_sources(sources);
  view.settings.weights = competence::SourceWeights{w_self, w_manager, w_external, w_peer};
  view.settings.tolerance = tolerance;
  view.settings.trainable_step = step;
  view.settings.spread_threshold = spread;
  view.settings.target_date = stored_day(target);
  view.created_at = created;
  view.closed_at = closed;

  long long version = 0;
  std::string framework_code, framework_name;
  Statement frameworks(sql);
  frameworks.into(framework_code).into(version).into(framework_name).use(id);
  frameworks.prepare(
      "SELECT f.code, f.version, f.name FROM round_frameworks rf JOIN frameworks f ON f.id = rf.framework_id "
      "WHERE rf.round_id = :r ORDER BY f.code");
  frameworks.start();
  while (frameworks.fetch()) view.frameworks.push_back({framework_code, static_cast<int>(version), framework_name});

  std::string function_code, level;
  Statement profiles(sql);
  profiles.into(function_code).into(level).use(id);
  profiles.prepare("SELECT DISTINCT function_code, level FROM round_requirements WHERE round_id = :r ORDER BY function_code, level");
  profiles.start();
  while (profiles.fetch()) view.profiles.push_back({function_code, level});

  long long participants = 0;
  sql << "SELECT COUNT(*) FROM round_participants WHERE round_id = :r", soci::use(id), soci::into(participants);
  view.participants = participants;
  return record;
}

RoundRecord visible_round(soci::session& sql, const Principal& actor, std::string_view code) {
  if (actor.role == Role::external) fail_forbidden("Uw rol geeft geen toegang tot beoordelingsrondes");
  auto round = find_round(sql, actor.municipality_id, code);
  if (!round) fail_round_not_found(code);
  long long id = round->id, hits = 0;
  switch (actor.role) {
    case Role::admin:
    case Role::hr:
    case Role::works_council:
      return *round;
    case Role::manager:
      if (!actor.unit_ids.empty()) {
        sql << "SELECT COUNT(*) FROM round_participants rp JOIN people p ON p.id = rp.person_id WHERE rp.round_id = :r "
               "AND p.unit_id IN (" + detail::id_list(actor.unit_ids) + ")",
            soci::use(id), soci::into(hits);
      }
      break;
    case Role::employee:
      if (actor.person_id) {
        long long person = *actor.person_id;
        sql << "SELECT COUNT(*) FROM round_participants WHERE round_id = :r AND person_id = :p", soci::use(id), soci::use(person),
            soci::into(hits);
      }
      break;
    case Role::assessor: {
      long long user = actor.user_id;
      sql << "SELECT COUNT(*) FROM round_assessors WHERE round_id = :r AND user_id = :u", soci::use(id), soci::use(user),
          soci::into(hits);
      if (hits > 0 && !round->view.open) {
        fail(ErrorKind::forbidden, "round_closed",
             fmt::format("Beoordelingsronde {} is gesloten; als externe assessor heeft u er geen toegang meer toe", quoted(code)),
             "round");
      }
      break;
    }
    case Role::external:
      break;
  }
  if (hits == 0) fail_round_not_found(code);
  return *round;
}

const competence::FunctionProfile* RoundContext::profile(const ProfileKey& key) const {
  const auto found = profiles.find(key);
  return found == profiles.end() ? nullptr : &found->second;
}

competence::Framework merge_frameworks(const std::vector<competence::Framework>& frameworks, std::string_view round_code) {
  competence::Framework merged;
  merged.code = std::string(round_code);
  merged.name = fmt::format("kaders van ronde {}", round_code);
  if (frameworks.empty()) return merged;
  merged.scale = frameworks.front().scale;
  std::map<std::string, std::string> owner;
  for (const auto& framework : frameworks) {
    if (framework.scale.min != merged.scale.min || framework.scale.max != merged.scale.max) {
      fail_invalid("frameworks",
                   fmt::format("De kaders van één ronde gebruiken dezelfde schaal: {} loopt van {} tot {}, {} van {} tot {}",
                               quoted(frameworks.front().code), merged.scale.min, merged.scale.max, quoted(framework.code),
                               framework.scale.min, framework.scale.max),
                   "mixed_scales");
    }
    for (const auto& competency : framework.competencies) {
      const auto [at, fresh] = owner.emplace(competency.code, framework.code);
      if (!fresh) {
        fail_invalid("frameworks",
                     fmt::format("Competentie {} staat zowel in kader {} als in kader {}; scores in een ronde noemen alleen de "
                                 "competentiecode, dus één ronde kan niet beide kaders gebruiken. Maak aparte rondes.",
                                 quoted(competency.code), quoted(at->second), quoted(framework.code)),
                     "ambiguous_competency");
      }
      merged.competencies.push_back(competency);
    }
  }
  return merged;
}

RoundContext load_round_context(soci::session& sql, RoundRecord round) {
  RoundContext context;
  context.round = std::move(round);
  long long id = context.round.id, framework_id = 0;
  Statement pinned(sql);
  pinned.into(framework_id).use(id).prepare(
      "SELECT rf.framework_id FROM round_frameworks rf JOIN frameworks f ON f.id = rf.framework_id WHERE rf.round_id = :r ORDER BY f.code");
  pinned.start();
  while (pinned.fetch()) context.framework_ids.push_back(framework_id);
  for (long long pinned_id : context.framework_ids) context.frameworks.push_back(load_framework(sql, pinned_id));
  context.merged = merge_frameworks(context.frameworks, context.round.view.code);
  for (const auto& framework : context.frameworks) {
    for (const auto& competency : framework.competencies) {
      context.framework_of[competency.code] = framework.code;
      context.names[competency.code] = competency.name;
    }
  }

  std::map<std::string, std::uint32_t> competency_index;
  for (std::uint32_t i = 0; i < context.merged.competencies.size(); ++i) competency_index[context.merged.competencies[i].code] = i;
  long long indicator = 0;
  std::string competency_code, indicator_code;
  Statement indicators(sql);
  indicators.into(indicator).into(competency_code).into(indicator_code).use(id).prepare(
      "SELECT i.id, c.code, i.code FROM round_frameworks rf JOIN competencies c ON c.framework_id = rf.framework_id "
      "JOIN indicators i ON i.competency_id = c.id WHERE rf.round_id = :r");
  indicators.start();
  while (indicators.fetch()) {
    const std::uint32_t c = competency_index.at(competency_code);
    const auto& list = context.merged.competencies[c].indicators;
    const auto at = std::find_if(list.begin(), list.end(), [&](const competence::Indicator& i) { return i.code == indicator_code; });
    context.indicator_position[indicator] = {c, static_cast<std::uint32_t>(at - list.begin())};
    context.indicator_id[{competency_code, indicator_code}] = indicator;
  }

  std::string function_code, level, education, code;
  double required = 0;
  long long critical = 0, knowledge = 0;
  Statement requirements(sql);
  requirements.into(function_code).into(level).into(education).into(code).into(required).into(critical).into(knowledge).use(id);
  requirements.prepare(
      "SELECT function_code, level, education_level, competency_code, required, critical, knowledge FROM round_requirements "
      "WHERE round_id = :r ORDER BY function_code, level, ordinal");
  requirements.start();
  while (requirements.fetch()) {
    competence::FunctionProfile& profile = context.profiles[ProfileKey{function_code, level}];
    profile.function_code = function_code;
    profile.level = level;
    profile.education = competence::education_level_from_string(education);
    (knowledge ? profile.knowledge_areas : profile.competencies).push_back({code, required, critical != 0});
  }
  return context;
}

std::vector<Participant> load_participants(soci::session& sql, long long municipality_id, long long round_id) {
  long long m = municipality_id, round = round_id, person_id = 0, unit_id = 0;
  std::string number, name, unit_code, function_code, level, engagement, organisation, recorded_at, recorded_by;
  soci::indicator consent_ind = soci::i_ok, by_ind = soci::i_ok;
  Statement list(sql);
  list.into(person_id).into(number).into(name).into(unit_id).into(unit_code).into(function_code).into(level).into(engagement)
      .into(organisation).into(recorded_at, consent_ind).into(recorded_by, by_ind).use(round).use(m);
  list.prepare(
      "SELECT p.id, p.personnel_number, p.name, p.unit_id, u.code, rp.function_code, rp.level, p.engagement, p.organisation, "
      "c.recorded_at, c.recorded_by FROM round_participants rp JOIN people p ON p.id = rp.person_id "
      "JOIN units u ON u.id = p.unit_id LEFT JOIN consents c ON c.round_id = rp.round_id AND c.person_id = rp.person_id "
      "WHERE rp.round_id = :r AND rp.municipality_id = :m AND (p.engagement = 'employee' OR EXISTS (SELECT 1 FROM "
      "external_organisations eo WHERE eo.municipality_id = p.municipality_id AND eo.name = p.organisation AND eo.agreed = 1)) "
      "ORDER BY p.personnel_number");
  list.start();
  std::vector<Participant> participants;
  while (list.fetch()) {
    Participant participant;
    participant.person_id = person_id;
    participant.personnel_number = number;
    participant.name = name;
    participant.unit_id = unit_id;
    participant.unit_code = unit_code;
    participant.profile = ProfileKey{function_code, level};
    participant.engagement = stored_engagement(engagement);
    participant.organisation = organisation;
    if (consent_ind == soci::i_ok) participant.consent = Consent{recorded_at, by_ind == soci::i_ok ? recorded_by : std::string()};
    participants.push_back(std::move(participant));
  }
  return participants;
}

std::vector<Participant> visible_individuals(const Principal& actor, std::vector<Participant> participants) {
  std::erase_if(participants, [&](const Participant& p) {
    switch (actor.role) {
      case Role::admin:
      case Role::hr: return false;
      case Role::manager: return !actor.manages_unit(p.unit_id);
      case Role::employee: return !actor.person_id || *actor.person_id != p.person_id;
      default: return true;
    }
  });
  return participants;
}

std::vector<Participant> aggregate_population(const Principal& actor, std::vector<Participant> participants) {
  switch (actor.role) {
    case Role::admin:
    case Role::hr:
    case Role::works_council:
      return participants;
    case Role::manager:
      return visible_individuals(actor, std::move(participants));
    default:
      fail_forbidden("Uw rol geeft geen toegang tot overzichten van beoordelingen");
  }
}

RatingsByPerson load_ratings(soci::session& sql, const RoundContext& context, const std::vector<long long>* people) {
  RatingsByPerson ratings;
  long long round = context.round.id;
  std::string query = "SELECT person_id, source, indicator_id, score FROM ratings WHERE round_id = :r";
  if (people) {
    if (people->empty()) return ratings;
    query += " AND person_id IN (" + detail::id_list(std::vector<std::int64_t>(people->begin(), people->end())) + ")";
  }
  // Fetched in batches into vectors: a large municipality's round holds millions of scores.
  constexpr std::size_t batch = 4096;
  std::vector<long long> person_ids(batch), indicator_ids(batch), scores(batch);
  std::vector<std::string> sources(batch);
  soci::statement statement = (sql.prepare << query, soci::use(round), soci::into(person_ids), soci::into(sources),
                               soci::into(indicator_ids), soci::into(scores));
  statement.execute(false);
  while (statement.fetch()) {
    for (std::size_t i = 0; i < person_ids.size(); ++i) {
      const auto position = context.indicator_position.find(indicator_ids[i]);
      if (position == context.indicator_position.end()) continue;  // cannot happen: ratings point at pinned indicators
      const auto& competency = context.merged.competencies[position->second.first];
      ratings[person_ids[i]].push_back(competence::Rating{stored_source(sources[i]), competency.code,
                                                          competency.indicators[position->second.second].code,
                                                          static_cast<int>(scores[i])});
    }
    person_ids.resize(batch);
    indicator_ids.resize(batch);
    scores.resize(batch);
    sources.resize(batch);
  }
  return ratings;
}

competence::PersonResult assess(const std::string& personnel_number, const competence::FunctionProfile& profile,
                                std::vector<competence::Rating>& ratings, const competence::RoundSettings& settings) {
  // competence::assess_person scans every rating for every requirement; sorted by competency, each
  // requirement gets just its own ratings, which gives the same result (score_competency only looks at
  // its own competency) in a fraction of the time on a round of millions of scores.
  const auto by_competency = [](const competence::Rating& a, const competence::Rating& b) { return a.competency_code < b.competency_code; };
  std::sort(ratings.begin(), ratings.end(), by_competency);
  competence::PersonResult person;
  person.personnel_number = personnel_number;
  person.function_code = profile.function_code;
  person.level = profile.level;
  for (const auto& requirement : profile.requirements()) {
    const competence::Rating key{competence::RatingSource::Self, requirement.competency_code, {}, 0};
    const auto [first, last] = std::equal_range(ratings.begin(), ratings.end(), key, by_competency);
    person.competencies.push_back(competence::score_competency(requirement, std::span(first, last), settings));
  }
  person.verdict = competence::decide(person.competencies, settings);
  return person;
}

}  // namespace kwm::store::competence_detail
