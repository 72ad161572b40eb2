// Ratings: the forms people fill in (self, manager, external assessor), the assessments CSV import and the
// bulk path the demo generator uses. Every path checks with competence::rating_problems, writes all or
// nothing, and audits one entry per person and source it changed.
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
using competence::RatingSource;
using detail::Statement;

std::string quoted(std::string_view text) { return fmt::format("‘{}’", text); }

// --- Writing ------------------------------------------------------------------------------------------------

// Scores of one person from one source, as the audit log keeps them: "competency.indicator=score|…".
std::string scores_text(const std::vector<competence::Rating>& ratings) {
  std::vector<std::string> items;
  for (const auto& rating : ratings) items.push_back(fmt::format("{}.{}={}", rating.competency_code, rating.indicator_code, rating.score));
  std::sort(items.begin(), items.end());
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : "|") + item;
  return text;
}

std::string set_audit_json(const std::string& round, const std::string& person, RatingSource source, const std::vector<competence::Rating>& ratings) {
  return detail::JsonObject()
      .string("round", round)
      .string("personnel_number", person)
      .string("source", competence::to_string(source))
      .string("scores", scores_text(ratings))
      .str();
}

// One person's scores from one source as they will be written.
struct ScoreSet {
  const Participant* person = nullptr;
  RatingSource source = RatingSource::Self;
  std::vector<competence::Rating> ratings;       // scores to store
  std::vector<competence::Rating> cleared;       // scores to remove (form fields emptied)
  bool replace_all = false;                      // peers: the set replaces every stored peer score
};

std::vector<competence::Rating> stored_set(soci::session& sql, const RoundContext& context, long long person_id, RatingSource source) {
  std::vector<long long> person{person_id};
  auto ratings = load_ratings(sql, context, &person);
  std::vector<competence::Rating> set;
  for (auto& rating : ratings[person_id])
    if (rating.source == source) set.push_back(std::move(rating));
  return set;
}

// Prepared statements for writing score sets of one round, reused across sets: a demo round writes millions.
class ScoreWriter {
 public:
  ScoreWriter(soci::session& sql, const Principal& actor, const RoundContext& context)
      : sql_(sql), context_(context), m_(actor.municipality_id), round_(context.round.id), rater_(actor.user_id),
        rater_ind_(actor.user_id == 0 ? soci::i_null : soci::i_ok), by_(actor.username), insert_(sql), remove_one_(sql),
        remove_source_(sql), count_(sql), forget_set_(sql), note_set_(sql), audit_(sql, actor) {
    insert_.use(m_).use(round_).use(person_).use(source_).use(indicator_).use(score_).use(rater_, rater_ind_).prepare(
        "INSERT INTO ratings (municipality_id, round_id, person_id, source, indicator_id, score, rater_user_id) "
        "VALUES (:m, :r, :p, :s, :i, :score, :u)");
    remove_one_.use(round_).use(person_).use(source_).use(indicator_).prepare(
        "DELETE FROM ratings WHERE round_id = :r AND person_id = :p AND source = :s AND indicator_id = :i");
    remove_source_.use(round_).use(person_).use(source_).prepare(
        "DELETE FROM ratings WHERE round_id = :r AND person_id = :p AND source = :s");
    count_.into(stored_).use(round_).use(person_).use(source_).prepare(
        "SELECT COUNT(*) FROM ratings WHERE round_id = :r AND person_id = :p AND source = :s");
    forget_set_.use(round_).use(person_).use(source_).prepare(
        "DELETE FROM rating_sets WHERE round_id = :r AND person_id = :p AND source = :s");
    note_set_.use(m_).use(round_).use(person_).use(source_).use(at_).use(by_).prepare(
        "INSERT INTO rating_sets (municipality_id, round_id, person_id, source, updated_at, updated_by) VALUES (:m, :r, :p, :s, :at, :by)");
  }

  // The audit entry (with `action`) holds the set before and after.
  void write(const ScoreSet& set, std::string_view action) {
    person_ = set.person->person_id;
    source_ = std::string(competence::to_string(set.source));
    count_.run();
    const bool fresh = stored_ == 0;
    const std::vector<competence::Rating> before = fresh ? std::vector<competence::Rating>() : stored_set(sql_, context_, person_, set.source);
    if (set.replace_all && !fresh) remove_source_.run();
    for (const auto& rating : set.ratings) {
      indicator_ = context_.indicator_id.at({rating.competency_code, rating.indicator_code});
      if (!fresh && !set.replace_all) remove_one_.run();
      score_ = rating.score;
      insert_.run();
    }
    for (const auto& rating : set.cleared) {
      indicator_ = context_.indicator_id.at({rating.competency_code, rating.indicator_code});
      remove_one_.run();
    }
    at_ = utc_now_iso();
    forget_set_.run();
    note_set_.run();
    const std::string key = fmt::format("{}/{}/{}", context_.round.view.code, set.person->personnel_number, source_);
    audit_.record(action, "rating", key,
                  before.empty() ? std::string() : set_audit_json(context_.round.view.code, set.person->personnel_number, set.source, before),
                  set_audit_json(context_.round.view.code, set.person->personnel_number, set.source, after(set, before)));
  }

 private:
  // The set as stored after the write: what was there, with cleared scores removed and new ones in place.
  static std::vector<competence::Rating> after(const ScoreSet& set, const std::vector<competence::Rating>& before) {
    if (set.replace_all) return set.ratings;
    std::vector<competence::Rating> result;
    const auto touched = [&](const competence::Rating& r) {
      const auto same = [&](const competence::Rating& o) { return o.competency_code == r.competency_code && o.indicator_code == r.indicator_code; };
      return std::any_of(set.ratings.begin(), set.ratings.end(), same) || std::any_of(set.cleared.begin(), set.cleared.end(), same);
    };
    for (const auto& rating : before)
      if (!touched(rating)) result.push_back(rating);
    result.insert(result.end(), set.ratings.begin(), set.ratings.end());
    return result;
  }

  soci::session& sql_;
  const RoundContext& context_;
  long long m_, round_, person_ = 0, indicator_ = 0, score_ = 0, rater_, stored_ = 0;
  soci::indicator rater_ind_;
  std::string source_, by_, at_;
  Statement insert_, remove_one_, remove_source_, count_, forget_set_, note_set_;
  AuditWriter audit_;
};

// --- Checking ------------------------------------------------------------------------------------------------

// What rating_problems cannot know: a competency of the round's frameworks that the person's profile does
// not ask (scores of unknown competencies are rating_problems' to report).
bool outside_profile(const RoundContext& context, const Participant& person, const std::string& competency) {
  const competence::FunctionProfile* profile = context.profile(person.profile);
  return context.merged.find(competency) && (!profile || !profile->find(competency));
}

std::string not_in_profile_message(const Participant& person, const std::string& competency) {
  return fmt::format("Competentie {} hoort niet bij het profiel ({} {}) waartegen {} in deze ronde wordt beoordeeld", quoted(competency),
                     person.profile.function_code, person.profile.level, person.personnel_number);
}

// --- Forms ------------------------------------------------------------------------------------------------------

struct FormAccess {
  bool read = false;
  bool write = false;
};

// Who fills which source (issue 3, "who sees what"): the rater of a source reads and writes it; admin and
// hr read every form and import scores instead of typing them.
FormAccess form_access(const Principal& actor, const Participant& person, RatingSource source) {
  switch (actor.role) {
    case Role::admin:
    case Role::hr: return {true, false};
    case Role::employee: {
      const bool own = actor.person_id && *actor.person_id == person.person_id && source == RatingSource::Self;
      return {own, own};
    }
    case Role::manager: {
      const bool own = actor.manages_unit(person.unit_id) && source == RatingSource::Manager;
      return {own, own};
    }
    case Role::assessor: return {source == RatingSource::External, source == RatingSource::External};
    default: return {};
  }
}

struct FormTarget {
  RoundContext context;
  Participant person;
  FormAccess access;
};

FormTarget form_target(soci::session& sql, const Principal& actor, const std::string& round_code, const std::string& personnel_number,
                       RatingSource source) {
  RoundContext context = load_round_context(sql, visible_round(sql, actor, round_code));
  auto participants = load_participants(sql, actor.municipality_id, context.round.id);
  const auto found = std::find_if(participants.begin(), participants.end(), [&](const Participant& p) {
    return personnel_number.empty() ? actor.person_id && p.person_id == *actor.person_id : p.personnel_number == personnel_number;
  });
  const auto missing = [&] {
    fail(ErrorKind::not_found, "not_found",
         fmt::format("{} doet niet mee aan ronde {}", personnel_number.empty() ? std::string("U") : "Personeelsnummer " + quoted(personnel_number),
                     quoted(round_code)),
         "person");
  };
  if (found == participants.end()) missing();
  const FormAccess access = form_access(actor, *found, source);
  if (!access.read) {
    // Someone else's self-assessment is as invisible as a missing record; a source the role does not
    // fill is a plain refusal.
    const bool own = actor.role == Role::employee && actor.person_id && *actor.person_id == found->person_id;
    if ((actor.role == Role::employee && !own) || (actor.role == Role::manager && !actor.manages_unit(found->unit_id))) missing();
    fail_forbidden(fmt::format("Uw rol vult de {} niet in", source == RatingSource::Self       ? std::string("zelfbeoordeling")
                                                            : source == RatingSource::Manager  ? std::string("beoordeling van de leidinggevende")
                                                            : source == RatingSource::External ? std::string("beoordeling van de externe assessor")
                                                                                               : std::string("beoordeling door collega's")));
  }
  if (source == RatingSource::Peer) {
    fail_invalid("source", "Beoordelingen door collega's worden ingelezen met een CSV-bestand, niet via een formulier", "peer_form");
  }
  if (!context.round.view.settings.collects(source)) {
    fail_invalid("source", fmt::format("Ronde {} verzamelt geen {}", quoted(round_code), competence::to_string(source)), "source_not_collected");
  }
  return FormTarget{std::move(context), *found, access};
}

Form build_form(soci::session& sql, const FormTarget& target, RatingSource source) {
  const RoundContext& context = target.context;
  Form form;
  form.round = context.round.view;
  form.person = target.person;
  form.source = source;
  form.editable = target.access.write && context.round.view.open;
  const auto stored = stored_set(sql, context, target.person.person_id, source);
  const competence::FunctionProfile* profile = context.profile(target.person.profile);
  if (!profile) return form;
  for (const auto& requirement : profile->requirements()) {
    const competence::Competency* competency = context.merged.find(requirement.competency_code);
    if (!competency) continue;
    FormCompetency item{competency->code, competency->name, competency->definition, competency->kind,
                        context.framework_of.at(competency->code), context.merged.scale, {}};
    for (const auto& framework : context.frameworks)
      if (framework.code == item.framework_code) item.scale = framework.scale;
    for (const auto& indicator : competency->indicators) {
      std::optional<int> score;
      for (const auto& rating : stored)
        if (rating.competency_code == competency->code && rating.indicator_code == indicator.code) score = rating.score;
      item.indicators.push_back({indicator.code, indicator.text, score});
      ++form.expected;
      form.rated += score ? 1 : 0;
    }
    form.competencies.push_back(std::move(item));
  }
  return form;
}

// --- CSV ---------------------------------------------------------------------------------------------------

constexpr const char* kAssessmentColumns[] = {"round_code", "personnel_number", "source", "competency_code", "indicator_code", "score"};

// "ratings[3].score" -> "score"; "ratings[3]" (a duplicate) -> the indicator column.
std::string column_of_problem(const std::string& field) {
  const auto dot = field.rfind('.');
  return dot == std::string::npos ? "indicator_code" : field.substr(dot + 1);
}

std::optional<int> parse_score(const std::string& text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

struct RoundInFile {
  std::optional<RoundContext> context;  // empty: unknown round
  std::map<std::string, Participant> participants;
};

// Checks a batch of one person's ratings with the pure rules and the person's profile, reporting each
// problem at the row it came from. Rows with their own errors already are not in the batch.
void check_person(const RoundContext& context, const Participant& person, const std::vector<competence::Rating>& ratings,
                  const std::vector<std::int64_t>& rows, std::vector<RowError>& errors) {
  for (const Error& problem : competence::rating_problems(ratings, context.merged, context.settings())) {
    const std::size_t index = std::stoul(problem.field.substr(problem.field.find('[') + 1));
    errors.push_back({rows[index], column_of_problem(problem.field), problem.message});
  }
  for (std::size_t i = 0; i < ratings.size(); ++i) {
    if (outside_profile(context, person, ratings[i].competency_code)) {
      errors.push_back({rows[i], "competency_code", not_in_profile_message(person, ratings[i].competency_code)});
    }
  }
}

// Writes the checked sets of one round: per person, one set per source; peers replace the stored peer set.
void write_sets(soci::session& sql, const Principal& actor, const RoundContext& context, const Participant& person,
                const std::vector<competence::Rating>& ratings, ScoreWriter& writer) {
  std::map<RatingSource, ScoreSet> sets;
  for (const auto& rating : ratings) {
    ScoreSet& set = sets[rating.source];
    set.person = &person;
    set.source = rating.source;
    set.replace_all = rating.source == RatingSource::Peer;
    set.ratings.push_back(rating);
  }
  for (const auto& [source, set] : sets) writer.write(set, "import");
}

}  // namespace

Form get_form(Database& db, const Principal& actor, const std::string& round_code, const std::string& personnel_number, RatingSource source) {
  auto sql = db.lease();
  const FormTarget target = form_target(*sql, actor, round_code, personnel_number, source);
  return build_form(*sql, target, source);
}

Form save_form(Database& db, const Principal& actor, const std::string& round_code, const std::string& personnel_number,
               RatingSource source, const std::vector<ScoreInput>& scores) {
  return db.transaction([&](soci::session& sql) {
    const FormTarget target = form_target(sql, actor, round_code, personnel_number, source);
    if (!target.access.write) {
      fail_forbidden("HR en beheerders lezen formulieren maar vullen ze niet in; lees de scores van een beoordelaar in met een CSV-bestand");
    }
    if (!target.context.round.view.open) fail_round_closed(target.context.round.view);
    const RoundContext& context = target.context;
    ScoreSet set;
    set.person = &target.person;
    set.source = source;
    // Every entry is checked as a rating (a cleared one with the lowest score of the scale, which always
    // fits), so that unknown codes and duplicates are refused whether or not the entry carries a score.
    std::vector<competence::Rating> checked;
    for (const auto& input : scores) {
      checked.push_back({source, input.competency_code, input.indicator_code, input.score.value_or(context.merged.scale.min)});
    }
    for (const Error& problem : competence::rating_problems(checked, context.merged, context.settings())) {
      Error error = problem;
      error.field = "scores" + error.field.substr(std::string("ratings").size());
      throw Failure(std::move(error));
    }
    for (std::size_t i = 0; i < checked.size(); ++i) {
      if (!outside_profile(context, target.person, checked[i].competency_code)) continue;
      fail_invalid(fmt::format("scores[{}].competency_code", i), not_in_profile_message(target.person, checked[i].competency_code),
                   "competency_not_in_profile");
    }
    for (std::size_t i = 0; i < scores.size(); ++i) (scores[i].score ? set.ratings : set.cleared).push_back(checked[i]);
    if (!set.ratings.empty() || !set.cleared.empty()) {
      ScoreWriter writer(sql, actor, context);
      writer.write(set, "update");
    }
    return build_form(sql, target, source);
  });
}

std::int64_t import_assessments(Database& db, const Principal& actor, std::string_view csv_text) {
  require_competence_writer(actor, "beoordelingen in te lezen");
  const csv::Table table = csv::parse(csv_text);
  std::vector<RowError> errors;
  for (const char* column : kAssessmentColumns) {
    if (!table.column(column)) errors.push_back({1, column, fmt::format("De kolom ‘{}’ ontbreekt", column)});
  }
  for (const auto& name : table.header) {
    if (std::none_of(std::begin(kAssessmentColumns), std::end(kAssessmentColumns), [&](const char* c) { return name == c; })) {
      errors.push_back({1, name, fmt::format("Onbekende kolom ‘{}’", name)});
    }
  }
  if (!errors.empty()) fail_import_rows(std::move(errors));
  std::size_t at[std::size(kAssessmentColumns)];
  for (std::size_t i = 0; i < std::size(kAssessmentColumns); ++i) at[i] = *table.column(kAssessmentColumns[i]);

  return db.transaction([&](soci::session& sql) {
    std::map<std::string, RoundInFile> rounds;
    // (round, personnel number) -> the person's ratings and the rows they came from
    std::map<std::pair<std::string, std::string>, std::pair<std::vector<competence::Rating>, std::vector<std::int64_t>>> batches;
    for (const csv::Record& record : table.records) {
      const auto cell = [&](std::size_t column) { return at[column] < record.fields.size() ? record.fields[at[column]] : std::string(); };
      const std::string round_code = cell(0), number = cell(1);
      auto [entry, fresh] = rounds.try_emplace(round_code);
      RoundInFile& round = entry->second;
      if (fresh) {
        if (auto found = find_round(sql, actor.municipality_id, round_code)) {
          round.context = load_round_context(sql, std::move(*found));
          for (auto& participant : load_participants(sql, actor.municipality_id, round.context->round.id)) {
            round.participants.emplace(participant.personnel_number, std::move(participant));
          }
        }
      }
      const std::size_t before = errors.size();
      if (!round.context) {
        errors.push_back({record.row, "round_code", fmt::format("Beoordelingsronde {} bestaat niet", quoted(round_code))});
      } else if (!round.context->round.view.open) {
        errors.push_back({record.row, "round_code", fmt::format("Beoordelingsronde {} is gesloten", quoted(round_code))});
      } else if (!round.participants.contains(number)) {
        errors.push_back({record.row, "personnel_number", fmt::format("Personeelsnummer {} doet niet mee aan ronde {}", quoted(number), quoted(round_code))});
      }
      const auto source = competence::rating_source_from_string(cell(2));
      if (!source) errors.push_back({record.row, "source", fmt::format("Onbekende bron {}; kies self, manager, external of peer", quoted(cell(2)))});
      const auto score = parse_score(cell(5));
      if (!score) errors.push_back({record.row, "score", fmt::format("{} is geen geheel getal", quoted(cell(5)))});
      if (errors.size() != before) continue;
      auto& batch = batches[{round_code, number}];
      batch.first.push_back({*source, cell(3), cell(4), *score});
      batch.second.push_back(record.row);
    }
    for (const auto& [key, batch] : batches) {
      const RoundInFile& round = rounds.at(key.first);
      check_person(*round.context, round.participants.at(key.second), batch.first, batch.second, errors);
    }
    if (!errors.empty()) fail_import_rows(std::move(errors));

    for (const auto& [code, round] : rounds) {
      ScoreWriter writer(sql, actor, *round.context);
      for (const auto& [key, batch] : batches) {
        if (key.first == code) write_sets(sql, actor, *round.context, round.participants.at(key.second), batch.first, writer);
      }
    }
    record_audit(sql, actor, "import", "rating", "csv", "",
                 detail::JsonObject().integer("rows", static_cast<long long>(table.records.size())).str());
    return static_cast<std::int64_t>(table.records.size());
  });
}

std::int64_t store_ratings(Database& db, const Principal& actor, const std::string& round_code, const std::vector<PersonRatings>& people) {
  require_competence_writer(actor, "beoordelingen in te lezen");
  return db.transaction([&](soci::session& sql) {
    const auto found = find_round(sql, actor.municipality_id, round_code);
    if (!found) fail_round_not_found(round_code);
    const RoundContext context = load_round_context(sql, *found);
    if (!context.round.view.open) fail_round_closed(context.round.view);
    std::map<std::string, Participant> participants;
    for (auto& participant : load_participants(sql, actor.municipality_id, context.round.id)) {
      participants.emplace(participant.personnel_number, std::move(participant));
    }
    ScoreWriter writer(sql, actor, context);
    std::int64_t written = 0;
    for (const PersonRatings& person : people) {
      const auto participant = participants.find(person.personnel_number);
      if (participant == participants.end()) {
        fail_invalid("personnel_number", fmt::format("Personeelsnummer {} doet niet mee aan ronde {}", quoted(person.personnel_number),
                                                     quoted(round_code)),
                     "person_not_in_round");
      }
      std::vector<RowError> errors;
      std::vector<std::int64_t> rows(person.ratings.size());
      for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = static_cast<std::int64_t>(i + 1);
      check_person(context, participant->second, person.ratings, rows, errors);
      if (!errors.empty()) {
        fail_invalid("ratings", fmt::format("Score {} van {}: {}", errors.front().row, person.personnel_number, errors.front().message),
                     "invalid_rating");
      }
      write_sets(sql, actor, context, participant->second, person.ratings, writer);
      written += static_cast<std::int64_t>(person.ratings.size());
    }
    return written;
  });
}

Table export_assessments(Database& db, const Principal& actor, const std::string& round_code) {
  require_competence_writer(actor, "beoordelingen te exporteren");
  auto sql = db.lease();
  const RoundContext context = load_round_context(*sql, visible_round(*sql, actor, round_code));
  const auto participants = load_participants(*sql, actor.municipality_id, context.round.id);
  std::vector<long long> ids;
  for (const auto& participant : participants) ids.push_back(participant.person_id);
  auto ratings = load_ratings(*sql, context, &ids);
  Table table{"beoordelingen-" + round_code, {std::begin(kAssessmentColumns), std::end(kAssessmentColumns)}, {}};
  for (const auto& participant : participants) {
    auto& own = ratings[participant.person_id];
    std::sort(own.begin(), own.end(), [](const competence::Rating& a, const competence::Rating& b) {
      return std::tie(a.source, a.competency_code, a.indicator_code) < std::tie(b.source, b.competency_code, b.indicator_code);
    });
    for (const auto& rating : own) {
      table.add({round_code, participant.personnel_number, std::string(competence::to_string(rating.source)), rating.competency_code,
                 rating.indicator_code, static_cast<double>(rating.score)});
    }
  }
  return table;
}

}  // namespace kwm::store
