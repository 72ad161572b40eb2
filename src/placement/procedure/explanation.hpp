#pragma once
// Explanations in plain Dutch, one per employee: where they were placed and in which round, how the
// score was built, for each higher preference why it was not granted, and — from the engine's margins —
// how many points more would have changed it. An explanation speaks about the employee's own data only:
// another candidate appears as "een kandidaat met een hogere geschiktheidsscore", never with a score.
#include "core/spelling.hpp"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "placement/procedure/run.hpp"

namespace kwm::placement::procedure {

enum class PreferenceStatus { Granted, NotGranted, LowerThanGranted };
std::string_view to_string(PreferenceStatus status);  // "granted", "not_granted", "lower_than_granted"

enum class RefusalReason {
  PlacedEarlier,      // placed in a round before the preference round
  NoPlaceLeft,        // every slot the person could take was filled before the preference round
  HigherCandidate,    // the slots went to candidates with more points (or equal points and precedence)
  BetterOverall,      // a slot stayed open, but the round's optimum placed more people, or more points, without it
  NotEligible,        // a hard constraint fails on every position of the function
  NoPreferenceRound,  // the social plan of this reorganisation has no preference round
};
std::string_view to_string(RefusalReason reason);  // "placed_earlier", "no_place_left", ...

struct PreferenceOutcome {
  int rank = 1;
  std::int64_t function_id = 0;
  PreferenceStatus status = PreferenceStatus::NotGranted;
  std::optional<RefusalReason> reason;
  std::optional<std::int64_t> centi_short;  // from the margins; empty when points would not have helped
  bool tie_only = false;
  std::string text;
};

struct NearMiss {
  std::size_t position = 0;
  std::size_t round = 0;
  std::optional<std::int64_t> centi_short;
  bool tie_only = false;
  std::string text;
};

// A position the person would have been a candidate for (their function continues in it, or they asked
// for it) but for a hard constraint: surplus people learn what stood in the way.
struct BlockedPosition {
  std::size_t position = 0;
  std::vector<std::string> constraints;  // the texts of the constraints that failed
};

struct Explanation {
  std::size_t employee = 0;
  std::optional<Placed> placement;
  std::vector<PreferenceOutcome> preferences;  // by rank
  std::vector<NearMiss> near_misses;           // surplus only: the closest positions, closest first
  std::vector<BlockedPosition> blocked;        // surplus only: at most as many as near misses
  std::string text;                            // paragraphs separated by a blank line
};

inline constexpr std::size_t kNearMisses = 3;

// One explanation per employee, in the order of the input.
std::vector<Explanation> explain(const Suitabilities& suitabilities, const RunResult& result, std::size_t near_misses = kNearMisses);

}  // namespace kwm::placement::procedure

namespace kwm {
template <>
struct Spelling<placement::procedure::PreferenceStatus> {
  static constexpr SpellingTable<placement::procedure::PreferenceStatus, 3> names{{{placement::procedure::PreferenceStatus::Granted, "granted"}, {placement::procedure::PreferenceStatus::NotGranted, "not_granted"}, {placement::procedure::PreferenceStatus::LowerThanGranted, "lower_than_granted"}}};
};
template <>
struct Spelling<placement::procedure::RefusalReason> {
  static constexpr SpellingTable<placement::procedure::RefusalReason, 6> names{{{placement::procedure::RefusalReason::PlacedEarlier, "placed_earlier"}, {placement::procedure::RefusalReason::NoPlaceLeft, "no_place_left"}, {placement::procedure::RefusalReason::HigherCandidate, "higher_candidate"}, {placement::procedure::RefusalReason::BetterOverall, "better_overall"}, {placement::procedure::RefusalReason::NotEligible, "not_eligible"}, {placement::procedure::RefusalReason::NoPreferenceRound, "no_preference_round"}}};
};
}  // namespace kwm
