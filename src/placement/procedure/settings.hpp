#pragma once
// How one reorganisation weighs and orders: the social plan's rounds, the weights of the suitability
// components, the bonus per preference rank, the hard constraints that apply and the tie-breaks. Each
// reorganisation keeps its own copy, and each run keeps the copy it was made with, so a result can always
// be traced to the rules that produced it. Defaults and meaning: docs/placement-procedure.md.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/spelling.hpp"

namespace kwm::placement::procedure {

enum class RoundKind {
  FollowsFunction,  // mens-volgt-functie: incumbents onto the new functions their old one is exchangeable with
  Preference,       // stated preferences, with a bonus per rank
  Suitable,         // any position where the person meets the profile or is trainable
};
std::string_view to_string(RoundKind kind);  // "follows_function", "preference", "suitable"
std::optional<RoundKind> round_kind_from_string(std::string_view text);
std::string_view default_round_name(RoundKind kind);  // the Dutch name shown to people

// Tie-breaks decide between results that are equally good on the points alone, in the order listed; they
// never outweigh a single hundredth of a point (docs/placement-procedure.md, "Tie-breaks").
enum class TieBreak {
  Seniority,       // longer service first (whole months since the hire date, at the effective date)
  PreferenceRank,  // a higher-ranked preference first
};
std::string_view to_string(TieBreak tie_break);  // "seniority", "preference_rank"
std::optional<TieBreak> tie_break_from_string(std::string_view text);

struct RoundSpec {
  RoundKind kind = RoundKind::Preference;
  std::string name;
};

struct Weights {
  double competency = 0.5;
  double interview = 0.3;
  double appraisal = 0.2;
};

struct SlotOverride {
  std::int64_t position_id = 0;
  std::int64_t slots = 0;
};

inline constexpr std::int64_t kMaxSlotsPerPosition = 50;
inline constexpr int kMaxPreferencesLimit = 10;

struct Settings {
  Weights weights;
  std::vector<double> preference_bonus = {30, 20, 10};  // points for rank 1, 2, 3, ...
  double hours_tolerance = 0.1;  // FTE a person may exceed a slot by and still fit it
  bool require_education = true;
  bool exclude_critical_gaps = true;
  std::vector<TieBreak> tie_breaks = {TieBreak::Seniority, TieBreak::PreferenceRank};
  std::vector<RoundSpec> rounds = default_rounds();
  std::vector<SlotOverride> slots;

  static std::vector<RoundSpec> default_rounds();
  // The bonus of a preference rank (1-based); 0 beyond the list.
  double bonus_for(int rank) const;
  std::optional<std::int64_t> slots_for(std::int64_t position_id) const;
  bool breaks_ties_on(TieBreak tie_break) const;
};

// Problems of the settings themselves, each with its field as a JSON path under `prefix` (e.g.
// "settings.weights.interview", "settings.rounds[1].kind"). Slot overrides are checked against the new
// formation by check_slot_overrides.
std::vector<Error> settings_problems(const Settings& settings, int max_preferences, std::string_view prefix = "settings");
void validate(const Settings& settings, int max_preferences, std::string_view prefix = "settings");
// Every override must name a position of the new formation, once.
void check_slot_overrides(const Settings& settings, const std::vector<std::int64_t>& new_position_ids,
                          std::string_view prefix = "settings");

// A round given without a name takes its kind's default name (see default_round_name). The wire format
// (placement/wire.hpp) reads and writes settings; readers call this after reading.
void name_rounds(Settings& settings);

}  // namespace kwm::placement::procedure

namespace kwm {
template <>
struct Spelling<placement::procedure::RoundKind> {
  static constexpr SpellingTable<placement::procedure::RoundKind, 3> names{{{placement::procedure::RoundKind::FollowsFunction, "follows_function"}, {placement::procedure::RoundKind::Preference, "preference"}, {placement::procedure::RoundKind::Suitable, "suitable"}}};
};
template <>
struct Spelling<placement::procedure::TieBreak> {
  static constexpr SpellingTable<placement::procedure::TieBreak, 2> names{{{placement::procedure::TieBreak::Seniority, "seniority"}, {placement::procedure::TieBreak::PreferenceRank, "preference_rank"}}};
};
}  // namespace kwm
