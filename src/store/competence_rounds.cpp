// Assessment rounds: creating them with their purpose fixed, pinning framework versions and copying the
// profiles, choosing participants, progress per source, consents, external organisations' agreement and
// external assessors' accounts.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "competence/text.hpp"
#include "core/error.hpp"
#include "store/audit.hpp"
#include "store/competence_sql.hpp"
#include "store/competence_store.hpp"
#include "store/database.hpp"
#include "store/user_store.hpp"

namespace kwm::store {
namespace {

using namespace competence_detail;
using detail::Statement;

std::string quoted(std::string_view text) { return fmt::format("‘{}’", text); }

std::string round_audit_json(const RoundView& view) {
  std::string profiles, frameworks;
  for (const auto& key : view.profiles) profiles += (profiles.empty() ? "" : "|") + key.function_code + "/" + key.level;
  for (const auto& pinned : view.frameworks) frameworks += fmt::format("{}{}/{}", frameworks.empty() ? "" : "|", pinned.code, pinned.version);
  const auto& s = view.settings;
  return detail::JsonObject()
      .string("code", view.code)
      .string("name", view.name)
      .string("purpose", competence::to_string(view.purpose))
      .string("status", view.open ? "open" : "closed")
      .string("deadline", view.deadline.iso())
      .string("target_date", s.target_date ? s.target_date->iso() : "")
      .string("sources", sources_text(s.sources))
      .string("weights", fmt::format("{}/{}/{}/{}", competence::text::plain_number(s.weights.self), competence::text::plain_number(s.weights.manager),
                                     competence::text::plain_number(s.weights.external), competence::text::plain_number(s.weights.peer)))
      .number("tolerance", competence::text::plain_number(s.tolerance))
      .number("trainable_step", competence::text::plain_number(s.trainable_step))
      .number("spread_threshold", competence::text::plain_number(s.spread_threshold))
      .string("frameworks", frameworks)
      .string("profiles", profiles)
      .integer("participants", view.participants)
      .str();
}

RoundView reload(soci::session& sql, long long municipality_id, const std::string& code) {
  return find_round(sql, municipality_id, code)->view;
}

std::set<std::string> agreed_organisations(soci::session& sql, long long municipality_id) {
  long long m = municipality_id;
  std::string name;
  std::set<std::string> agreed;
  Statement list(sql);
  list.into(name).use(m).prepare("SELECT name FROM external_organisations WHERE municipality_id = :m AND agreed = 1");
  list.start();
  while (list.fetch()) agreed.insert(name);
  return agreed;
}

struct Enrolment {
  long long person_id = 0;
  ProfileKey profile;
};

// The people a round takes in: everyone below the units whose function level the round assesses (workers of
// organisations that did not agree are left out), and each person named, against their own or the named
// profile. Named people that cannot take part are errors; units just do not reach them.
std::vector<Enrolment> enrolments(soci::session& sql, long long municipality_id, const std::set<ProfileKey>& round_profiles,
                                  const std::vector<std::string>& units, const std::vector<ParticipantSpec>& people) {
  const std::set<std::string> agreed = agreed_organisations(sql, municipality_id);
  const auto may_take_part = [&](const org::Person& person) {
    return person.engagement == org::Engagement::Employee || agreed.contains(person.organisation);
  };
  std::map<long long, ProfileKey> chosen;
  if (!units.empty()) {
    const UnitTree tree = load_units(sql, municipality_id);
    std::vector<std::int64_t> unit_ids;
    for (std::size_t i = 0; i < units.size(); ++i) {
      const org::Unit* unit = tree.find(units[i]);
      if (!unit) fail_invalid(fmt::format("units[{}]", i), fmt::format("Eenheid {} bestaat niet", quoted(units[i])), "unknown_unit");
      const auto below = tree.subtree(unit->id);
      unit_ids.insert(unit_ids.end(), below.begin(), below.end());
    }
    for (const org::Person& person : detail::select_people(sql, municipality_id, " AND p.unit_id IN (" + detail::id_list(unit_ids) + ")",
                                                            "", detail::bind_nothing)) {
      const ProfileKey own{person.function_code, person.level};
      if (person.function_id && round_profiles.contains(own) && may_take_part(person)) chosen[person.id] = own;
    }
  }
  for (std::size_t i = 0; i < people.size(); ++i) {
    const std::string field = fmt::format("people[{}]", i);
    std::string number = people[i].personnel_number;
    const auto found = detail::select_people(sql, municipality_id, " AND p.personnel_number = :n", "",
                                             [&](Statement& st) { st.use(number); });
    if (found.empty()) fail_invalid(field, fmt::format("Personeelsnummer {} bestaat niet in deze gemeente", quoted(number)), "unknown_person");
    const org::Person& person = found.front();
    if (!may_take_part(person)) {
      fail_invalid(field,
                   fmt::format("{} werkt voor {}, en die organisatie heeft niet ingestemd met beoordeling van haar medewerkers in "
                               "deze gemeente; leg de instemming eerst vast",
                               person.name, quoted(person.organisation)),
                   "organisation_not_agreed");
    }
    ProfileKey profile = people[i].profile.value_or(ProfileKey{person.function_code, person.level});
    if (profile.function_code.empty()) {
      fail_invalid(field, fmt::format("{} heeft geen functie; noem het functieprofiel waartegen {} wordt beoordeeld", person.name,
                                      person.name),
                   "profile_required");
    }
    if (!round_profiles.contains(profile)) {
      fail_invalid(field, fmt::format("Functieprofiel {} {} hoort niet bij deze ronde", profile.function_code, profile.level),
                   "profile_not_in_round");
    }
    chosen[person.id] = profile;
  }
  std::vector<Enrolment> out;
  for (auto& [person, profile] : chosen) out.push_back({person, std::move(profile)});
  return out;
}

// Adds the people not yet in the round; returns how many were added.
std::int64_t enrol(soci::session& sql, long long municipality_id, long long round_id, const std::vector<Enrolment>& people) {
  long long m = municipality_id, round = round_id, person = 0, existing = 0;
  std::set<long long> present;
  Statement list(sql);
  list.into(existing).use(round).prepare("SELECT person_id FROM round_participants WHERE round_id = :r");
  list.start();
  while (list.fetch()) present.insert(existing);
  std::string function_code, level;
  Statement insert(sql);
  insert.use(m).use(round).use(person).use(function_code).use(level).prepare(
      "INSERT INTO round_participants (municipality_id, round_id, person_id, function_code, level) VALUES (:m, :r, :p, :f, :l)");
  std::int64_t added = 0;
  for (const Enrolment& enrolment : people) {
    if (present.contains(enrolment.person_id)) continue;
    person = enrolment.person_id;
    function_code = enrolment.profile.function_code;
    level = enrolment.profile.level;
    insert.run();
    ++added;
  }
  return added;
}

void check_spec(const RoundSpec& spec) {
  if (!competence::is_valid_code(spec.code)) {
    fail_invalid("code",
                 fmt::format("{} is geen geldige code: 1 tot 64 kleine letters, cijfers, _ en -, beginnend met een letter of cijfer",
                             quoted(spec.code)),
                 "invalid_code");
  }
  if (spec.name.empty()) fail_invalid("name", "Geef de ronde een naam", "missing_name");
  if (!spec.deadline) fail_invalid("deadline", "Geef de ronde een uiterste datum voor het invullen", "missing_deadline");
  if (spec.profiles.empty()) fail_invalid("profiles", "Kies minstens één functieprofiel waartegen de ronde beoordeelt", "no_profiles");
  competence::validate(spec.settings);
}

struct ProfileSnapshot {
  ProfileKey key;
  std::string education;
  std::vector<std::pair<competence::Requirement, bool>> requirements;  // with "is a knowledge area"
};

SourceProgress progress_of(competence::RatingSource source, std::int64_t rated, std::int64_t expected, std::string last) {
  SourceProgress progress{source, SourceStatus::NotStarted, rated, expected, std::move(last)};
  if (rated > 0) progress.status = rated >= expected ? SourceStatus::Complete : SourceStatus::InProgress;
  return progress;
}

std::int64_t expected_indicators(const RoundContext& context, const ProfileKey& key) {
  const competence::FunctionProfile* profile = context.profile(key);
  if (!profile) return 0;
  std::int64_t total = 0;
  for (const auto& requirement : profile->requirements()) {
    if (const auto* competency = context.merged.find(requirement.competency_code)) total += static_cast<std::int64_t>(competency->indicators.size());
  }
  return total;
}

// (person id, source) -> indicators rated, and when the set was last written.
struct RatedCounts {
  std::map<std::pair<long long, std::string>, std::int64_t> rated;
  std::map<std::pair<long long, std::string>, std::string> last;
};

RatedCounts rated_counts(soci::session& sql, long long round_id, std::optional<long long> person) {
  RatedCounts counts;
  long long round = round_id, only = person.value_or(0), person_id = 0, rated = 0;
  std::string source, at;
  const std::string person_condition = person ? " AND person_id = :p" : "";
  Statement count(sql);
  count.into(person_id).into(source).into(rated).use(round);
  if (person) count.use(only);
  count.prepare("SELECT person_id, source, COUNT(DISTINCT indicator_id) FROM ratings WHERE round_id = :r" + person_condition +
                " GROUP BY person_id, source");
  count.start();
  while (count.fetch()) counts.rated[{person_id, source}] = rated;
  Statement last(sql);
  last.into(person_id).into(source).into(at).use(round);
  if (person) last.use(only);
  last.prepare("SELECT person_id, source, updated_at FROM rating_sets WHERE round_id = :r" + person_condition);
  last.start();
  while (last.fetch()) counts.last[{person_id, source}] = at;
  return counts;
}

SourceProgress source_progress(const RatedCounts& counts, long long person_id, competence::RatingSource source, std::int64_t expected) {
  const std::pair<long long, std::string> key{person_id, std::string(competence::to_string(source))};
  const auto rated = counts.rated.find(key);
  const auto last = counts.last.find(key);
  return progress_of(source, rated == counts.rated.end() ? 0 : rated->second, expected, last == counts.last.end() ? "" : last->second);
}

// The participant record a consent is about: the employee themselves, or anyone for admin and hr.
Participant consenting_participant(soci::session& sql, const Principal& actor, const RoundRecord& round, const std::string& personnel_number) {
  auto participants = load_participants(sql, actor.municipality_id, round.id);
  const auto found = std::find_if(participants.begin(), participants.end(), [&](const Participant& p) {
    if (actor.role == Role::employee) return actor.person_id && p.person_id == *actor.person_id;
    return p.personnel_number == personnel_number;
  });
  if (actor.role == Role::employee && !personnel_number.empty() && found != participants.end() &&
      found->personnel_number != personnel_number) {
    fail_forbidden("U kunt alleen voor uzelf toestemming geven");
  }
  if (actor.role != Role::employee) require_competence_writer(actor, "toestemming namens een medewerker vast te leggen");
  if (found == participants.end()) {
    fail(ErrorKind::not_found, "not_found",
         fmt::format("Personeelsnummer {} doet niet mee aan ronde {}", quoted(personnel_number), quoted(round.view.code)), "person");
  }
  if (round.view.purpose != competence::AssessmentPurpose::Development) {
    fail_invalid("round",
                 fmt::format("Ronde {} is een selectieronde; toestemming is alleen nodig (en mogelijk) voor ontwikkelrondes",
                             quoted(round.view.code)),
                 "not_development");
  }
  return *found;
}

long long user_id_of(soci::session& sql, long long municipality_id, const std::string& username, std::string& role) {
  long long m = municipality_id, id = 0;
  sql << "SELECT id, role FROM users WHERE municipality_id = :m AND username = :u", soci::use(m), soci::use(username), soci::into(id),
      soci::into(role);
  return sql.got_data() ? id : 0;
}

}  // namespace

std::string purpose_text(competence::AssessmentPurpose purpose) {
  if (purpose == competence::AssessmentPurpose::Selection) {
    return "Selectieronde: de uitkomsten worden gebruikt bij selectie en plaatsing, bijvoorbeeld in een reorganisatie.";
  }
  return "Ontwikkelronde: de uitkomsten zijn alleen bedoeld voor uw ontwikkeling. Ze worden niet gebruikt voor selectie of "
         "plaatsing, tenzij u daar zelf uitdrukkelijk toestemming voor geeft.";
}

std::string_view to_string(SourceStatus status) {
  switch (status) {
    case SourceStatus::NotStarted: return "not_started";
    case SourceStatus::InProgress: return "in_progress";
    case SourceStatus::Complete: return "complete";
  }
  return "not_started";
}

RoundView create_round(Database& db, const Principal& actor, const RoundSpec& spec) {
  require_competence_writer(actor, "beoordelingsrondes aan te maken");
  check_spec(spec);
  return db.transaction([&](soci::session& sql) {
    const long long m = actor.municipality_id;
    if (find_round(sql, m, spec.code)) {
      fail(ErrorKind::conflict, "round_exists", fmt::format("Er is al een beoordelingsronde {}", quoted(spec.code)), "code");
    }
    const auto frameworks = current_frameworks(sql, m);
    // The profiles, copied as they are now: the round keeps them whatever happens to the profiles later.
    std::vector<ProfileSnapshot> snapshots;
    std::set<std::string> used_frameworks;
    std::set<ProfileKey> keys;
    for (std::size_t i = 0; i < spec.profiles.size(); ++i) {
      const std::string field = fmt::format("profiles[{}]", i);
      const ProfileKey& key = spec.profiles[i];
      if (!keys.insert(key).second) fail_invalid(field, fmt::format("Functieprofiel {} {} staat dubbel in de ronde", key.function_code, key.level), "duplicate_profile");
      StoredProfile stored;
      try {
        stored = stored_profile(sql, m, key);
      } catch (const Failure& failure) {
        if (failure.error().kind != ErrorKind::not_found) throw;
        fail_invalid(field, failure.error().message, "unknown_function");
      }
      if (stored.profile.requirements().empty()) {
        fail_invalid(field, fmt::format("Functie {} niveau {} heeft nog geen functieprofiel; stel eerst vast welke competenties het vraagt",
                                        key.function_code, key.level),
                     "profile_missing");
      }
      ProfileSnapshot snapshot{key, stored.profile.education ? std::string(competence::to_string(*stored.profile.education)) : "", {}};
      for (const auto& requirement : stored.profile.competencies) snapshot.requirements.push_back({requirement, false});
      for (const auto& requirement : stored.profile.knowledge_areas) snapshot.requirements.push_back({requirement, true});
      for (const auto& [code, framework] : stored.framework_of) used_frameworks.insert(framework);
      snapshots.push_back(std::move(snapshot));
    }
    std::vector<std::string> framework_codes = spec.frameworks;
    if (framework_codes.empty()) framework_codes.assign(used_frameworks.begin(), used_frameworks.end());
    std::vector<const FrameworkRecord*> pinned;
    for (std::size_t i = 0; i < framework_codes.size(); ++i) {
      const auto found = std::find_if(frameworks.begin(), frameworks.end(), [&](const auto& r) { return r.framework.code == framework_codes[i]; });
      if (found == frameworks.end()) {
        fail_invalid(fmt::format("frameworks[{}]", i), fmt::format("De gemeente heeft geen competentiekader {}", quoted(framework_codes[i])),
                     "unknown_framework");
      }
      if (std::find(pinned.begin(), pinned.end(), &*found) == pinned.end()) pinned.push_back(&*found);
    }
    for (const auto& code : used_frameworks) {
      if (std::find(framework_codes.begin(), framework_codes.end(), code) == framework_codes.end()) {
        fail_invalid("frameworks", fmt::format("De gekozen functieprofielen gebruiken kader {}; neem het op in de ronde", quoted(code)),
                     "framework_missing");
      }
    }
    std::vector<competence::Framework> pinned_frameworks;
    for (const auto* record : pinned) pinned_frameworks.push_back(record->framework);
    merge_frameworks(pinned_frameworks, spec.code);

    long long round_id = 0;
    {
      const auto& s = spec.settings;
      std::string code = spec.code, name = spec.name, purpose(competence::to_string(spec.purpose)), deadline = spec.deadline->iso(),
                  target = s.target_date->iso(), sources = sources_text(s.sources), created = utc_now_iso();
      double w_self = s.weights.self, w_manager = s.weights.manager, w_external = s.weights.external, w_peer = s.weights.peer,
             tolerance = s.tolerance, step = s.trainable_step, spread = s.spread_threshold;
      long long municipality = m;
      Statement insert(sql);
      insert.use(municipality).use(code).use(name).use(purpose).use(deadline).use(target).use(sources).use(w_self).use(w_manager)
          .use(w_external).use(w_peer).use(tolerance).use(step).use(spread).use(created).into(round_id);
      insert.prepare(
          "INSERT INTO assessment_rounds (municipality_id, code, name, purpose, status, deadline, target_date, sources, weight_self, "
          "weight_manager, weight_external, weight_peer, tolerance, trainable_step, spread_threshold, created_at) VALUES "
          "(:m, :c, :n, :p, 'open', :d, :t, :s, :ws, :wm, :we, :wp, :tol, :step, :spread, :at) RETURNING id");
      insert.run();
    }
    long long municipality = m, round = round_id, framework_id = 0;
    Statement pin(sql);
    pin.use(municipality).use(round).use(framework_id).prepare(
        "INSERT INTO round_frameworks (municipality_id, round_id, framework_id) VALUES (:m, :r, :f)");
    for (const auto* record : pinned) {
      framework_id = record->id;
      pin.run();
    }
    std::string function_code, level, education, competency;
    long long ordinal = 0, critical = 0, knowledge = 0;
    double required = 0;
    Statement copy(sql);
    copy.use(municipality).use(round).use(function_code).use(level).use(education).use(ordinal).use(competency).use(required)
        .use(critical).use(knowledge);
    copy.prepare(
        "INSERT INTO round_requirements (municipality_id, round_id, function_code, level, education_level, ordinal, competency_code, "
        "required, critical, knowledge) VALUES (:m, :r, :f, :l, :e, :o, :c, :req, :crit, :k)");
    for (const auto& snapshot : snapshots) {
      function_code = snapshot.key.function_code;
      level = snapshot.key.level;
      education = snapshot.education;
      ordinal = 0;
      for (const auto& [requirement, is_knowledge] : snapshot.requirements) {
        competency = requirement.competency_code;
        required = requirement.required;
        critical = requirement.critical ? 1 : 0;
        knowledge = is_knowledge ? 1 : 0;
        copy.run();
        ++ordinal;
      }
    }
    if (enrol(sql, m, round_id, enrolments(sql, m, keys, spec.units, spec.people)) == 0) {
      fail_invalid("people", "De ronde heeft geen deelnemers: kies eenheden met mensen in de gekozen functies, of noem personen",
                   "no_participants");
    }
    RoundView view = reload(sql, m, spec.code);
    record_audit(sql, actor, "create", "assessment_round", view.code, "", round_audit_json(view));
    return view;
  });
}

RoundView add_participants(Database& db, const Principal& actor, const std::string& round_code, const std::vector<std::string>& units,
                           const std::vector<ParticipantSpec>& people) {
  require_competence_writer(actor, "deelnemers aan een ronde toe te voegen");
  return db.transaction([&](soci::session& sql) {
    const RoundRecord round = visible_round(sql, actor, round_code);
    if (!round.view.open) fail_round_closed(round.view);
    const std::set<ProfileKey> keys(round.view.profiles.begin(), round.view.profiles.end());
    enrol(sql, actor.municipality_id, round.id, enrolments(sql, actor.municipality_id, keys, units, people));
    RoundView view = reload(sql, actor.municipality_id, round_code);
    if (view.participants != round.view.participants) {
      record_audit(sql, actor, "update", "assessment_round", view.code, round_audit_json(round.view), round_audit_json(view));
    }
    return view;
  });
}

RoundView close_round(Database& db, const Principal& actor, const std::string& round_code) {
  require_competence_writer(actor, "beoordelingsrondes te sluiten");
  return db.transaction([&](soci::session& sql) {
    const RoundRecord round = visible_round(sql, actor, round_code);
    if (!round.view.open) fail_round_closed(round.view);
    long long id = round.id;
    const std::string closed = utc_now_iso();
    sql << "UPDATE assessment_rounds SET status = 'closed', closed_at = :c WHERE id = :id", soci::use(closed), soci::use(id);
    RoundView view = reload(sql, actor.municipality_id, round_code);
    record_audit(sql, actor, "update", "assessment_round", view.code, round_audit_json(round.view), round_audit_json(view));
    return view;
  });
}

std::vector<RoundView> list_rounds(Database& db, const Principal& actor) {
  auto sql = db.lease();
  long long m = actor.municipality_id;
  std::string code;
  std::vector<std::string> codes;
  Statement list(*sql);
  list.into(code).use(m).prepare("SELECT code FROM assessment_rounds WHERE municipality_id = :m ORDER BY created_at DESC, code");
  list.start();
  while (list.fetch()) codes.push_back(code);
  std::vector<RoundView> rounds;
  for (const auto& each : codes) {
    try {
      rounds.push_back(visible_round(*sql, actor, each).view);
    } catch (const Failure& failure) {
      // Rounds outside the actor's view (or closed to an assessor) are simply not listed.
      if (failure.error().kind != ErrorKind::not_found && failure.error().code != "round_closed") throw;
    }
  }
  return rounds;
}

RoundView get_round(Database& db, const Principal& actor, const std::string& round_code) {
  auto sql = db.lease();
  return visible_round(*sql, actor, round_code).view;
}

std::vector<Participant> list_participants(Database& db, const Principal& actor, const std::string& round_code) {
  auto sql = db.lease();
  const RoundRecord round = visible_round(*sql, actor, round_code);
  auto participants = load_participants(*sql, actor.municipality_id, round.id);
  if (actor.role == Role::assessor) {
    // An assessor needs to know whom to assess, nothing more.
    for (auto& participant : participants) {
      participant.consent.reset();
      participant.organisation.clear();
    }
    return participants;
  }
  if (actor.role == Role::works_council) fail_forbidden("De ondernemingsraad ziet alleen totalen, geen afzonderlijke deelnemers");
  return visible_individuals(actor, std::move(participants));
}

RoundProgress round_progress(Database& db, const Principal& actor, const std::string& round_code) {
  if (!actor.sees_whole_municipality() && actor.role != Role::manager) {
    fail_forbidden("Alleen HR en leidinggevenden zien de voortgang per persoon");
  }
  auto sql = db.lease();
  RoundContext context = load_round_context(*sql, visible_round(*sql, actor, round_code));
  const RatedCounts counts = rated_counts(*sql, context.round.id, std::nullopt);
  RoundProgress progress{context.round.view, {}};
  for (Participant& participant : visible_individuals(actor, load_participants(*sql, actor.municipality_id, context.round.id))) {
    const std::int64_t expected = expected_indicators(context, participant.profile);
    PersonProgress person{std::move(participant), {}};
    for (auto source : context.round.view.settings.sources) {
      person.sources.push_back(source_progress(counts, person.person.person_id, source, expected));
    }
    progress.people.push_back(std::move(person));
  }
  return progress;
}

std::vector<OwnRound> own_rounds(Database& db, const Principal& actor) {
  if (actor.role != Role::employee || !actor.person_id) fail_forbidden("Alleen medewerkers hebben een eigen zelfbeoordeling");
  auto sql = db.lease();
  long long person = *actor.person_id, m = actor.municipality_id;
  std::string code;
  std::vector<std::string> codes;
  Statement list(*sql);
  list.into(code).use(person).use(m).prepare(
      "SELECT r.code FROM round_participants rp JOIN assessment_rounds r ON r.id = rp.round_id WHERE rp.person_id = :p "
      "AND r.municipality_id = :m ORDER BY r.created_at DESC, r.code");
  list.start();
  while (list.fetch()) codes.push_back(code);
  std::vector<OwnRound> rounds;
  for (const auto& each : codes) {
    RoundContext context = load_round_context(*sql, visible_round(*sql, actor, each));
    const auto participants = load_participants(*sql, actor.municipality_id, context.round.id);
    const auto self = std::find_if(participants.begin(), participants.end(), [&](const Participant& p) { return p.person_id == person; });
    if (self == participants.end()) continue;  // an external worker whose organisation withdrew its agreement
    const RatedCounts counts = rated_counts(*sql, context.round.id, person);
    rounds.push_back(OwnRound{context.round.view,
                              source_progress(counts, person, competence::RatingSource::Self, expected_indicators(context, self->profile)),
                              self->consent});
  }
  return rounds;
}

Consent record_consent(Database& db, const Principal& actor, const std::string& round_code, const std::string& personnel_number) {
  return db.transaction([&](soci::session& sql) {
    const RoundRecord round = visible_round(sql, actor, round_code);
    const Participant person = consenting_participant(sql, actor, round, personnel_number);
    if (person.consent) return *person.consent;
    long long m = actor.municipality_id, round_id = round.id, person_id = person.person_id;
    Consent consent{utc_now_iso(), actor.username};
    sql << "INSERT INTO consents (municipality_id, round_id, person_id, recorded_at, recorded_by) VALUES (:m, :r, :p, :at, :by)",
        soci::use(m), soci::use(round_id), soci::use(person_id), soci::use(consent.recorded_at), soci::use(consent.recorded_by);
    record_audit(sql, actor, "create", "consent", round.view.code + "/" + person.personnel_number, "",
                 detail::JsonObject().string("round", round.view.code).string("personnel_number", person.personnel_number)
                     .string("recorded_at", consent.recorded_at).string("recorded_by", consent.recorded_by).str());
    return consent;
  });
}

void withdraw_consent(Database& db, const Principal& actor, const std::string& round_code, const std::string& personnel_number) {
  db.transaction([&](soci::session& sql) {
    const RoundRecord round = visible_round(sql, actor, round_code);
    const Participant person = consenting_participant(sql, actor, round, personnel_number);
    if (!person.consent) return;
    long long round_id = round.id, person_id = person.person_id;
    sql << "DELETE FROM consents WHERE round_id = :r AND person_id = :p", soci::use(round_id), soci::use(person_id);
    record_audit(sql, actor, "delete", "consent", round.view.code + "/" + person.personnel_number,
                 detail::JsonObject().string("round", round.view.code).string("personnel_number", person.personnel_number)
                     .string("recorded_at", person.consent->recorded_at).string("recorded_by", person.consent->recorded_by).str(),
                 "");
  });
}

std::vector<Assessor> list_assessors(Database& db, const Principal& actor, const std::string& round_code) {
  require_competence_writer(actor, "externe assessoren te beheren");
  auto sql = db.lease();
  long long id = visible_round(*sql, actor, round_code).id;
  std::string username, linked;
  Statement list(*sql);
  list.into(username).into(linked).use(id).prepare(
      "SELECT u.username, ra.linked_at FROM round_assessors ra JOIN users u ON u.id = ra.user_id WHERE ra.round_id = :r ORDER BY u.username");
  list.start();
  std::vector<Assessor> assessors;
  while (list.fetch()) assessors.push_back({username, linked});
  return assessors;
}

Assessor add_assessor(Database& db, const Principal& actor, const std::string& round_code, const std::string& username,
                      const std::optional<std::string>& password) {
  require_competence_writer(actor, "externe assessoren te beheren");
  {
    auto sql = db.lease();
    const RoundRecord round = visible_round(*sql, actor, round_code);
    if (!round.view.open) fail_round_closed(round.view);
  }
  if (password) {
    NewUser user;
    user.municipality_id = actor.municipality_id;
    user.username = username;
    user.password = *password;
    user.role = Role::assessor;
    create_user(db, actor, user);
  }
  return db.transaction([&](soci::session& sql) {
    const RoundRecord round = visible_round(sql, actor, round_code);
    std::string role;
    long long user_id = user_id_of(sql, actor.municipality_id, username, role);
    if (user_id == 0) {
      fail(ErrorKind::not_found, "not_found",
           fmt::format("Gebruiker {} bestaat niet; geef een wachtwoord mee om het account aan te maken", quoted(username)), "username");
    }
    if (role != "assessor") {
      fail_invalid("username", fmt::format("Gebruiker {} is geen externe assessor (rol {})", quoted(username), role), "not_assessor");
    }
    long long m = actor.municipality_id, round_id = round.id, linked_count = 0;
    sql << "SELECT COUNT(*) FROM round_assessors WHERE round_id = :r AND user_id = :u", soci::use(round_id), soci::use(user_id),
        soci::into(linked_count);
    Assessor assessor{username, utc_now_iso()};
    if (linked_count > 0) return assessor;
    sql << "INSERT INTO round_assessors (municipality_id, round_id, user_id, linked_at) VALUES (:m, :r, :u, :at)", soci::use(m),
        soci::use(round_id), soci::use(user_id), soci::use(assessor.linked_at);
    record_audit(sql, actor, "create", "assessor", round.view.code + "/" + username, "",
                 detail::JsonObject().string("round", round.view.code).string("username", username).str());
    return assessor;
  });
}

void remove_assessor(Database& db, const Principal& actor, const std::string& round_code, const std::string& username) {
  require_competence_writer(actor, "externe assessoren te beheren");
  db.transaction([&](soci::session& sql) {
    const RoundRecord round = visible_round(sql, actor, round_code);
    std::string role;
    long long user_id = user_id_of(sql, actor.municipality_id, username, role), round_id = round.id, removed = 0;
    sql << "SELECT COUNT(*) FROM round_assessors WHERE round_id = :r AND user_id = :u", soci::use(round_id), soci::use(user_id),
        soci::into(removed);
    if (removed == 0) {
      fail(ErrorKind::not_found, "not_found",
           fmt::format("{} is geen assessor van ronde {}", quoted(username), quoted(round.view.code)), "username");
    }
    sql << "DELETE FROM round_assessors WHERE round_id = :r AND user_id = :u", soci::use(round_id), soci::use(user_id);
    record_audit(sql, actor, "delete", "assessor", round.view.code + "/" + username,
                 detail::JsonObject().string("round", round.view.code).string("username", username).str(), "");
  });
}

}  // namespace kwm::store
