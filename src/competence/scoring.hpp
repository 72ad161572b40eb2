#pragma once
// Multi-source scoring, gaps and verdicts (issue 3, "Scoring, verdicts and gaps"). Every rule and default
// is written out in docs/scoring.md; the functions here are pure, so the same numbers come out of the
// API, the exports and the tests.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "competence/framework.hpp"
#include "competence/profile.hpp"

namespace kwm::competence {

enum class RatingSource { Self, Manager, External, Peer };
std::string_view to_string(RatingSource source);  // "self", "manager", "external", "peer"
std::optional<RatingSource> rating_source_from_string(std::string_view text);

// One indicator score from one source about one person.
struct Rating {
  RatingSource source = RatingSource::Self;
  std::string competency_code;
  std::string indicator_code;
  int score = 0;
};

struct SourceWeights {
  double self = 1.0;
  double manager = 2.0;
  double external = 2.0;
  double peer = 1.0;

  double of(RatingSource source) const;
};

// Per-round configuration; the defaults are the documented ones.
struct RoundSettings {
  std::vector<RatingSource> sources = {RatingSource::Self, RatingSource::Manager, RatingSource::External};
  SourceWeights weights;
  double tolerance = 1.0;         // sum of gaps on non-critical competencies that still meets
  double trainable_step = 1.0;    // largest single gap that is still trainable
  double spread_threshold = 2.0;  // a spread at or above this is flagged
  std::optional<Date> target_date;  // the date by which a trainable person should meet

  bool collects(RatingSource source) const;
};

// Problems of the settings themselves: no sources, a source twice, a weight ≤ 0 for a collected source,
// negative tolerance or step, a spread threshold ≤ 0, no target date. Fields like "weights.peer".
std::vector<Error> settings_problems(const RoundSettings& settings);
void validate(const RoundSettings& settings);

// Problems of a batch of ratings for one person, each its own code: "unknown_competency",
// "unknown_indicator", "score_outside_scale", "source_not_collected", "duplicate_rating" (the same source,
// competency and indicator twice; peers excepted, as a round may have several). Fields like
// "ratings[4].score".
std::vector<Error> rating_problems(std::span<const Rating> ratings, const Framework& framework, const RoundSettings& settings);

enum class CompetencyState {
  Scored,       // at least one collected source rated at least one indicator
  NotAssessed,  // nothing at all: no combined score, no gap — never counted as 0
};

struct SourceScore {
  RatingSource source = RatingSource::Self;
  double score = 0;          // mean of this source's indicator scores
  std::size_t ratings = 0;   // how many indicator scores the mean is built from
};

struct CompetencyResult {
  std::string competency_code;
  double required = 0;
  bool critical = false;
  CompetencyState state = CompetencyState::NotAssessed;
  std::vector<SourceScore> sources;            // present sources, in RatingSource order
  std::vector<RatingSource> missing_sources;   // collected by the round, absent here
  std::optional<double> combined;              // weighted mean over present sources
  std::optional<double> gap;                   // max(0, required − combined)
  std::optional<double> spread;                // highest − lowest source score
  bool spread_flagged = false;                 // spread ≥ the round's spread threshold
};

CompetencyResult score_competency(const Requirement& requirement, std::span<const Rating> ratings, const RoundSettings& settings);

enum class VerdictKind {
  Meets,        // voldoet
  Trainable,    // trainbaar, by the round's target date
  DoesNotMeet,  // voldoet niet
  Incomplete,   // a required competency has no score at all: no verdict yet
};
std::string_view to_string(VerdictKind kind);  // "meets", "trainable", "does_not_meet", "incomplete"

struct VerdictReason {
  std::string competency_code;
  double gap = 0;
  bool critical = false;
  bool beyond_trainable_step = false;
};

struct Verdict {
  VerdictKind kind = VerdictKind::Incomplete;
  std::optional<Date> target_date;          // trainable only
  std::vector<VerdictReason> reasons;       // every competency with a gap, in profile order
  std::vector<std::string> not_assessed;    // competencies without any score
  double non_critical_gap_total = 0;        // what the tolerance is compared with
  double largest_gap = 0;                   // what the trainable step is compared with
  double tolerance = 0;                     // the round's settings, kept for the explanation
  double trainable_step = 0;
};

Verdict decide(std::span<const CompetencyResult> results, const RoundSettings& settings);

// A person against one profile: theirs, or one they do not hold yet.
struct PersonResult {
  std::string personnel_number;
  std::string function_code;
  std::string level;
  std::vector<CompetencyResult> competencies;  // the profile's requirements, in order
  Verdict verdict;

  const CompetencyResult* find(std::string_view competency_code) const;
};

// `ratings` are this person's ratings in the round; those of other competencies are ignored.
PersonResult assess_person(std::string personnel_number, const FunctionProfile& profile, std::span<const Rating> ratings,
                           const RoundSettings& settings);

// The verdict in one or two Dutch sentences, naming competencies by the given names (codes otherwise).
std::string explain(const Verdict& verdict, const std::map<std::string, std::string>& names = {});

}  // namespace kwm::competence
