#pragma once
// The wire format of the placement procedure's structs: one field list per struct, from which the JSON
// answers, the request bodies, the audit log's snapshots, the stored documents of a run and the OpenAPI
// schemas all come (see core/wire.hpp).
#include <tuple>

#include "core/wire.hpp"
#include "placement/records.hpp"
#include "placement/repository.hpp"

namespace kwm::wire {

namespace pp = placement::procedure;

// --- The social plan's settings ------------------------------------------------------------------------

template <>
struct Fields<pp::Weights> {
  static constexpr std::string_view name = "SuitabilityWeights";
  static constexpr auto fields = std::make_tuple(field("competency", &pp::Weights::competency),
                                                 field("interview", &pp::Weights::interview),
                                                 field("appraisal", &pp::Weights::appraisal));
};

template <>
struct Fields<pp::RoundSpec> {
  static constexpr std::string_view name = "RoundSetting";
  static constexpr auto fields = std::make_tuple(field("kind", &pp::RoundSpec::kind, required), field("name", &pp::RoundSpec::name));
};

template <>
struct Fields<pp::SlotOverride> {
  static constexpr std::string_view name = "SlotOverride";
  static constexpr auto fields = std::make_tuple(field("position_id", &pp::SlotOverride::position_id, required),
                                                 field("slots", &pp::SlotOverride::slots, required));
};

// Absent fields keep their defaults; a round without a name takes its default name (pp::name_rounds).
template <>
struct Fields<pp::Settings> {
  static constexpr std::string_view name = "PlacementSettings";
  static constexpr auto fields = std::make_tuple(field("weights", &pp::Settings::weights),
                                                 field("preference_bonus", &pp::Settings::preference_bonus),
                                                 field("hours_tolerance", &pp::Settings::hours_tolerance),
                                                 field("require_education", &pp::Settings::require_education),
                                                 field("exclude_critical_gaps", &pp::Settings::exclude_critical_gaps),
                                                 field("tie_breaks", &pp::Settings::tie_breaks),
                                                 field("rounds", &pp::Settings::rounds),
                                                 field("slots", &pp::Settings::slots));
};

// --- Reorganisations ----------------------------------------------------------------------------------

template <>
struct Fields<placement::UnitRef> {
  static constexpr std::string_view name = "UnitRef";
  static constexpr auto fields = std::make_tuple(field("id", &placement::UnitRef::id), field("code", &placement::UnitRef::code),
                                                 field("name", &placement::UnitRef::name));
};

template <>
struct Fields<placement::ByWhom> {
  static constexpr std::string_view name = "ByWhom";
  static constexpr auto fields = std::make_tuple(field("by", &placement::ByWhom::by), field("at", &placement::ByWhom::at));
};

template <>
struct Fields<placement::ReorganisationInput> {
  using R = placement::ReorganisationInput;
  static constexpr std::string_view name = "ReorganisationDraft";
  static constexpr auto fields = std::make_tuple(
      field("code", &R::code, required), field("name", &R::name, required), field("old_unit_id", &R::old_unit_id, required),
      field("new_unit_id", &R::new_unit_id, required), field("preference_deadline", &R::preference_deadline, required),
      field("effective_date", &R::effective_date, required), field("max_preferences", &R::max_preferences),
      field("assessment_round", &R::assessment_round), field("settings", &R::settings));
};

template <>
struct Fields<placement::Reorganisation> {
  using R = placement::Reorganisation;
  static constexpr std::string_view name = "Reorganisation";
  static constexpr auto fields = std::make_tuple(
      field("id", &R::id), field("code", &R::code), field("name", &R::name),
      computed<R>("status", [](const R& r) { return r.confirmed() ? placement::ReorganisationStatus::Confirmed
                                                                  : placement::ReorganisationStatus::Preparing; }),
      field("preference_deadline", &R::preference_deadline), field("effective_date", &R::effective_date),
      field("max_preferences", &R::max_preferences), field("old_unit", &R::old_unit), field("new_unit", &R::new_unit),
      field("assessment_round", &R::assessment_round, empty_is_null), field("settings", &R::settings),
      field("mapping_confirmed", &R::mapping_confirmed), field("confirmed_run_id", &R::confirmed_run_id),
      field("employees", &R::employees), field("positions", &R::positions), field("responded", &R::responded),
      field("created_by", &R::created_by), field("created_at", &R::created_at));
};

template <>
struct Fields<placement::ReorganisationOutline> {
  using R = placement::ReorganisationOutline;
  static constexpr std::string_view name = "ReorganisationOutline";
  static constexpr auto fields = std::make_tuple(
      field("id", &R::id), field("code", &R::code), field("name", &R::name),
      computed<R>("status", [](const R& r) { return r.confirmed ? placement::ReorganisationStatus::Confirmed
                                                                : placement::ReorganisationStatus::Preparing; }),
      field("preference_deadline", &R::preference_deadline), field("effective_date", &R::effective_date),
      field("max_preferences", &R::max_preferences));
};

template <>
struct Fields<pp::Employee> {
  using E = pp::Employee;
  static constexpr std::string_view name = "ScopeEmployee";
  static constexpr auto fields = std::make_tuple(
      field("person_id", &E::person_id), field("personnel_number", &E::personnel_number), field("name", &E::name),
      field("unit_code", &E::unit_code), field("unit_name", &E::unit_name), field("function_id", &E::function_id),
      field("function_code", &E::function_code, empty_is_null), field("function_name", &E::function_name, empty_is_null),
      field("level", &E::level, empty_is_null), field("fte", &E::fte), field("contract", &E::contract),
      field("education_level", &E::education), field("hire_date", &E::hire_date));
};

template <>
struct Fields<pp::NewPosition> {
  using P = pp::NewPosition;
  static constexpr std::string_view name = "ScopePosition";
  static constexpr auto fields = std::make_tuple(
      field("position_id", &P::position_id), field("unit_id", &P::unit_id), field("unit_code", &P::unit_code),
      field("unit_name", &P::unit_name), field("function_id", &P::function_id), field("function_code", &P::function_code),
      field("function_name", &P::function_name), field("level", &P::level), field("education_level", &P::education_required),
      field("fte", &P::fte), field("kind", &P::kind), field("end_date", &P::end_date), field("slots", &P::slots),
      computed<P>("slot_fte", [](const P& p) { return p.slot_fte(); }));
};

template <>
struct Fields<placement::ScopeView> {
  static constexpr std::string_view name = "ReorganisationScope";
  static constexpr auto fields =
      std::make_tuple(field("employees", &placement::ScopeView::employees), field("positions", &placement::ScopeView::positions));
};

template <>
struct Fields<placement::NewFunction> {
  using F = placement::NewFunction;
  static constexpr std::string_view name = "NewFunction";
  static constexpr auto fields = std::make_tuple(
      field("function_id", &F::function_id), field("code", &F::code), field("name", &F::name), field("level", &F::level),
      field("education_level", &F::education), field("positions", &F::positions), field("slots", &F::slots),
      field("fte", &F::fte), computed<F>("novelty", [](const F& f) { return placement::novelty_of(f.continues); }));
};

// --- Function mapping ---------------------------------------------------------------------------------

template <>
struct Fields<placement::OldFunction> {
  using F = placement::OldFunction;
  static constexpr std::string_view name = "MappingOldFunction";
  static constexpr auto fields = std::make_tuple(field("function_id", &F::function_id), field("code", &F::code),
                                                 field("name", &F::name), field("level", &F::level),
                                                 field("employees", &F::employees));
};

template <>
struct Fields<placement::MappedNewFunction> {
  using F = placement::MappedNewFunction;
  static constexpr std::string_view name = "MappingNewFunction";
  static constexpr auto fields =
      std::make_tuple(field("function_id", &F::function_id), field("code", &F::code), field("name", &F::name),
                      field("level", &F::level), computed<F>("novelty", [](const F& f) { return placement::novelty_of(f.continues); }));
};

// Matches are spelled by the competence capability (competence::to_string).
template <>
struct Fields<pp::MappingPair> {
  using M = pp::MappingPair;
  static constexpr std::string_view name = "MappingPair";
  static constexpr auto fields = std::make_tuple(
      field("old_function_id", &M::old_function_id), field("new_function_id", &M::new_function_id),
      computed<M>("proposed", [](const M& m) { return std::string(competence::to_string(m.proposed)); }),
      field("overlap", &M::overlap), field("reasons", &M::reasons),
      computed<M>("match", [](const M& m) { return std::string(competence::to_string(m.match)); }));
};

template <>
struct Fields<placement::MappingView> {
  using V = placement::MappingView;
  static constexpr std::string_view name = "FunctionMapping";
  static constexpr auto fields = std::make_tuple(field("confirmed", &V::confirmed), field("old_functions", &V::old_functions),
                                                 field("new_functions", &V::new_functions), field("pairs", &V::pairs));
};

template <>
struct Fields<placement::StoredMapping> {
  static constexpr std::string_view name = "StoredMapping";
  static constexpr auto fields =
      std::make_tuple(field("confirmed", &placement::StoredMapping::confirmed), field("pairs", &placement::StoredMapping::pairs));
};

template <>
struct Fields<placement::MatchChoice> {
  using M = placement::MatchChoice;
  static constexpr std::string_view name = "MatchChoice";
  static constexpr auto fields = std::make_tuple(field("old_function_id", &M::old_function_id, required),
                                                 field("new_function_id", &M::new_function_id, required),
                                                 field("match", &M::match, required));
};

template <>
struct Fields<placement::MappingChoices> {
  static constexpr std::string_view name = "MappingChoices";
  static constexpr auto fields = std::make_tuple(field("pairs", &placement::MappingChoices::pairs, required));
};

// --- Preferences --------------------------------------------------------------------------------------

template <>
struct Fields<placement::PreferenceChoice> {
  static constexpr std::string_view name = "PreferenceChoice";
  static constexpr auto fields = std::make_tuple(field("function_id", &placement::PreferenceChoice::function_id, required),
                                                 field("motivation", &placement::PreferenceChoice::motivation));
};

template <>
struct Fields<placement::PreferenceChoices> {
  static constexpr std::string_view name = "PreferenceChoices";
  static constexpr auto fields = std::make_tuple(field("preferences", &placement::PreferenceChoices::preferences, required));
};

template <>
struct Fields<placement::PreferenceEntry> {
  using P = placement::PreferenceEntry;
  static constexpr std::string_view name = "Preference";
  static constexpr auto fields = std::make_tuple(field("rank", &P::rank), field("function_id", &P::function_id),
                                                 field("function_code", &P::function_code), field("function_name", &P::function_name),
                                                 field("level", &P::level), field("motivation", &P::motivation));
};

template <>
struct Fields<placement::PreferenceSheet> {
  using S = placement::PreferenceSheet;
  static constexpr std::string_view name = "EmployeePreferences";
  static constexpr auto fields = std::make_tuple(
      field("person_id", &S::person_id), field("personnel_number", &S::personnel_number), field("name", &S::name),
      field("unit_code", &S::unit_code), field("responded", &S::responded), field("updated_at", &S::updated_at, empty_is_null),
      field("preferences", &S::preferences));
};

template <>
struct Fields<placement::OwnPreferences> {
  using O = placement::OwnPreferences;
  static constexpr std::string_view name = "OwnPreferences";
  static constexpr auto fields = std::make_tuple(
      field("reorganisation_id", &O::reorganisation_id), field("deadline", &O::deadline), field("open", &O::open),
      field("max_preferences", &O::max_preferences), field("preferences", &O::preferences),
      field("updated_at", &O::updated_at, empty_is_null));
};

template <>
struct Fields<placement::PreferenceOverview> {
  using O = placement::PreferenceOverview;
  static constexpr std::string_view name = "PreferenceOverview";
  static constexpr auto fields = std::make_tuple(field("responded", &O::responded), field("not_responded", &O::not_responded),
                                                 field("employees", &O::employees));
};

// --- Selection input ----------------------------------------------------------------------------------

template <>
struct Fields<placement::InterviewInput> {
  using I = placement::InterviewInput;
  static constexpr std::string_view name = "InterviewScoreChange";
  static constexpr auto fields = std::make_tuple(field("person_id", &I::person_id, required), field("function_id", &I::function_id, required),
                                                 field("score", &I::score), field("note", &I::note));
};

template <>
struct Fields<placement::InterviewScores> {
  static constexpr std::string_view name = "InterviewScores";
  static constexpr auto fields = std::make_tuple(field("scores", &placement::InterviewScores::scores, required));
};

template <>
struct Fields<placement::InterviewRow> {
  using I = placement::InterviewRow;
  static constexpr std::string_view name = "InterviewScore";
  static constexpr auto fields = std::make_tuple(
      field("person_id", &I::person_id), field("personnel_number", &I::personnel_number), field("name", &I::name),
      field("function_id", &I::function_id), field("function_code", &I::function_code), field("level", &I::level),
      field("score", &I::score), field("note", &I::note), field("entered_by", &I::entered_by), field("entered_at", &I::entered_at));
};

template <>
struct Fields<placement::AppraisalInput> {
  using A = placement::AppraisalInput;
  static constexpr std::string_view name = "AppraisalChange";
  static constexpr auto fields =
      std::make_tuple(field("person_id", &A::person_id, required), field("score", &A::score), field("date", &A::date));
};

template <>
struct Fields<placement::Appraisals> {
  static constexpr std::string_view name = "Appraisals";
  static constexpr auto fields = std::make_tuple(field("appraisals", &placement::Appraisals::appraisals, required));
};

template <>
struct Fields<placement::AppraisalRow> {
  using A = placement::AppraisalRow;
  static constexpr std::string_view name = "Appraisal";
  static constexpr auto fields = std::make_tuple(field("person_id", &A::person_id), field("personnel_number", &A::personnel_number),
                                                 field("name", &A::name), field("score", &A::score), field("date", &A::date),
                                                 field("entered_by", &A::entered_by), field("entered_at", &A::entered_at));
};

// --- Suitability and pair decisions -------------------------------------------------------------------

template <>
struct Fields<pp::PersonRef> {
  static constexpr std::string_view name = "PersonRef";
  static constexpr auto fields = std::make_tuple(field("person_id", &pp::PersonRef::person_id),
                                                 field("personnel_number", &pp::PersonRef::personnel_number),
                                                 field("name", &pp::PersonRef::name));
};

template <>
struct Fields<pp::PositionRef> {
  using P = pp::PositionRef;
  static constexpr std::string_view name = "PositionRef";
  static constexpr auto fields = std::make_tuple(
      field("position_id", &P::position_id), field("unit_code", &P::unit_code), field("unit_name", &P::unit_name),
      field("function_id", &P::function_id), field("function_code", &P::function_code),
      field("function_name", &P::function_name), field("level", &P::level));
};

template <>
struct Fields<pp::ComponentRecord> {
  using C = pp::ComponentRecord;
  static constexpr std::string_view name = "ScoreComponent";
  static constexpr auto fields = std::make_tuple(field("kind", &C::kind), field("status", &C::status), field("value", &C::value),
                                                 field("scaled", &C::scaled), field("weight", &C::weight), field("share", &C::share),
                                                 field("contribution", &C::contribution), field("text", &C::text));
};

template <>
struct Fields<pp::ConstraintCheck> {
  static constexpr std::string_view name = "Constraint";
  static constexpr auto fields = std::make_tuple(field("kind", &pp::ConstraintCheck::kind), field("met", &pp::ConstraintCheck::met),
                                                 field("text", &pp::ConstraintCheck::text));
};

template <>
struct Fields<pp::RoundEntryRecord> {
  using R = pp::RoundEntryRecord;
  static constexpr std::string_view name = "SuitabilityRound";
  static constexpr auto fields = std::make_tuple(field("index", &R::index), field("kind", &R::kind), field("name", &R::name),
                                                 field("candidate", &R::candidate), field("bonus", &R::bonus),
                                                 field("points", &R::points), field("text", &R::text));
};

template <>
struct Fields<pp::SuitabilityRecord> {
  using S = pp::SuitabilityRecord;
  static constexpr std::string_view name = "Suitability";
  static constexpr auto fields = std::make_tuple(
      inline_fields(&S::person), inline_fields(&S::position), field("score", &S::score), field("components", &S::components),
      field("verdict", &S::verdict), field("suitable", &S::suitable), field("suitable_basis", &S::suitable_basis),
      field("function_match", &S::function_match), field("constraints", &S::constraints), field("eligible", &S::eligible),
      field("preference_rank", &S::preference_rank), field("locked", &S::locked), field("rounds", &S::rounds));
};

template <>
struct Fields<placement::PairDecisionInput> {
  using D = placement::PairDecisionInput;
  static constexpr std::string_view name = "PairDecisionChange";
  static constexpr auto fields = std::make_tuple(field("person_id", &D::person_id, required), field("position_id", &D::position_id, required),
                                                 field("decision", &D::decision, required), field("reason", &D::reason));
};

template <>
struct Fields<placement::PairDecisionRow> {
  using D = placement::PairDecisionRow;
  static constexpr std::string_view name = "PairDecision";
  static constexpr auto fields = std::make_tuple(
      field("id", &D::id), field("person_id", &D::person_id), field("personnel_number", &D::personnel_number),
      field("name", &D::name), field("position_id", &D::position_id), field("unit_code", &D::unit_code),
      field("function_code", &D::function_code), field("level", &D::level), field("decision", &D::decision),
      field("reason", &D::reason), field("decided_by", &D::decided_by), field("decided_at", &D::decided_at));
};

// --- Runs ---------------------------------------------------------------------------------------------

template <>
struct Fields<placement::RunNote> {
  static constexpr std::string_view name = "RunNote";
  static constexpr auto fields = std::make_tuple(field("note", &placement::RunNote::note));
};

template <>
struct Fields<pp::Figures> {
  using F = pp::Figures;
  static constexpr std::string_view name = "RunFigures";
  static constexpr auto fields = std::make_tuple(
      field("employees", &F::employees), field("placed", &F::placed), field("surplus", &F::surplus),
      field("on_preference", &F::on_preference), computed<F>("share_on_preference", [](const F& f) {
        std::vector<double> shares;
        for (std::size_t i = 0; i < f.on_preference.size(); ++i) shares.push_back(f.share_on_preference(i));
        return shares;
      }),
      field("average_suitability", &F::average_suitability), field("open_slots", &F::open_slots));
};

template <>
struct Fields<placement::RunHeadline> {
  using H = placement::RunHeadline;
  static constexpr std::string_view name = "RunHeadline";
  static constexpr auto fields = std::make_tuple(
      field("id", &H::id), field("number", &H::number),
      computed<H>("status", [](const H& h) { return h.confirmed ? placement::RunStatus::Confirmed : placement::RunStatus::Proposal; }),
      field("note", &H::note), field("created_by", &H::created_by), field("created_at", &H::created_at),
      field("confirmed_by", &H::confirmed_by, empty_is_null), field("confirmed_at", &H::confirmed_at, empty_is_null),
      field("confirmation_note", &H::confirmation_note), field("figures", &H::figures));
};

template <>
struct Fields<pp::RoundRecord> {
  using R = pp::RoundRecord;
  static constexpr std::string_view name = "RunRound";
  static constexpr auto fields = std::make_tuple(field("index", &R::index), field("kind", &R::kind), field("name", &R::name),
                                                 field("candidates", &R::candidates), field("placed", &R::placed),
                                                 field("points", &R::points));
};

template <>
struct Fields<pp::PlacementRecord> {
  using P = pp::PlacementRecord;
  static constexpr std::string_view name = "RunPlacement";
  static constexpr auto fields = std::make_tuple(
      inline_fields(&P::person), inline_fields(&P::position), field("round", &P::round), field("round_name", &P::round_name),
      field("points", &P::points), field("suitability", &P::suitability), field("bonus", &P::bonus),
      field("preference_rank", &P::preference_rank), field("locked", &P::locked));
};

template <>
struct Fields<pp::NearMissRecord> {
  using N = pp::NearMissRecord;
  static constexpr std::string_view name = "NearMiss";
  static constexpr auto fields = std::make_tuple(
      field("position_id", &N::position_id), field("unit_code", &N::unit_code), field("function_code", &N::function_code),
      field("function_name", &N::function_name), field("level", &N::level), field("round", &N::round),
      field("round_name", &N::round_name), field("points_short", &N::points_short), field("text", &N::text));
};

template <>
struct Fields<pp::BlockedRecord> {
  static constexpr std::string_view name = "BlockedPosition";
  static constexpr auto fields =
      std::make_tuple(inline_fields(&pp::BlockedRecord::position), field("constraints", &pp::BlockedRecord::constraints));
};

template <>
struct Fields<pp::SurplusRecord> {
  using S = pp::SurplusRecord;
  static constexpr std::string_view name = "RunSurplus";
  static constexpr auto fields = std::make_tuple(
      inline_fields(&S::person), field("unit_code", &S::unit_code), field("function_code", &S::function_code),
      field("function_name", &S::function_name), field("level", &S::level), field("near_misses", &S::near_misses),
      field("blocked", &S::blocked));
};

template <>
struct Fields<pp::OpenSlot> {
  using O = pp::OpenSlot;
  static constexpr std::string_view name = "OpenSlot";
  static constexpr auto fields = std::make_tuple(
      field("position_id", &O::position_id), field("unit_code", &O::unit_code), field("function_code", &O::function_code),
      field("function_name", &O::function_name), field("level", &O::level), field("kind", &O::kind),
      field("end_date", &O::end_date), field("slots", &O::slots), field("fte", &O::fte));
};

template <>
struct Fields<placement::RunDetail> {
  using R = placement::RunDetail;
  static constexpr std::string_view name = "Run";
  static constexpr auto fields = std::make_tuple(inline_fields(&R::headline), field("settings", &R::settings), field("rounds", &R::rounds),
                                                 field("placements", &R::placements), field("surplus", &R::surplus),
                                                 field("open_slots", &R::open_slots));
};

template <>
struct Fields<pp::GroupFigures> {
  using G = pp::GroupFigures;
  static constexpr std::string_view name = "GroupFigures";
  static constexpr auto fields = std::make_tuple(
      field("key", &G::key), field("label", &G::label), field("suppressed", &G::suppressed), field("employees", &G::employees),
      field("placed", &G::placed), field("surplus", &G::surplus), field("on_first_preference", &G::on_first_preference),
      field("on_preference", &G::on_preference), field("average_suitability", &G::average_suitability));
};

template <>
struct Fields<pp::GroupsByDimension> {
  using G = pp::GroupsByDimension;
  static constexpr std::string_view name = "GroupsByDimension";
  static constexpr auto fields = std::make_tuple(field("unit", &G::unit), field("hours", &G::hours), field("contract", &G::contract),
                                                 field("education", &G::education));
};

template <>
struct Fields<placement::RunSummary> {
  using S = placement::RunSummary;
  static constexpr std::string_view name = "RunSummary";
  static constexpr auto fields = std::make_tuple(
      field("run_id", &S::run_id), field("number", &S::number),
      computed<S>("status", [](const S& s) { return s.confirmed ? placement::RunStatus::Confirmed : placement::RunStatus::Proposal; }),
      field("figures", &S::figures), field("groups", &S::groups));
};

template <>
struct Fields<placement::RunComparison> {
  static constexpr std::string_view name = "RunComparison";
  static constexpr auto fields = std::make_tuple(field("runs", &placement::RunComparison::runs));
};

// --- Explanations -------------------------------------------------------------------------------------

template <>
struct Fields<pp::RoundRef> {
  static constexpr std::string_view name = "RoundRef";
  static constexpr auto fields = std::make_tuple(field("index", &pp::RoundRef::index), field("name", &pp::RoundRef::name));
};

template <>
struct Fields<pp::ScoreRecord> {
  using S = pp::ScoreRecord;
  static constexpr std::string_view name = "PlacementScore";
  static constexpr auto fields = std::make_tuple(field("points", &S::points), field("suitability", &S::suitability),
                                                 field("bonus", &S::bonus), field("components", &S::components),
                                                 field("constraints", &S::constraints));
};

template <>
struct Fields<pp::PreferenceOutcomeRecord> {
  using P = pp::PreferenceOutcomeRecord;
  static constexpr std::string_view name = "PreferenceOutcome";
  static constexpr auto fields = std::make_tuple(
      field("rank", &P::rank), field("function_id", &P::function_id), field("function_code", &P::function_code),
      field("function_name", &P::function_name), field("level", &P::level), field("status", &P::status),
      field("reason", &P::reason), field("points_short", &P::points_short), field("text", &P::text));
};

template <>
struct Fields<pp::ExplanationRecord> {
  using E = pp::ExplanationRecord;
  static constexpr std::string_view name = "ExplanationRecord";
  static constexpr auto fields = std::make_tuple(
      inline_fields(&E::person), field("outcome", &E::outcome), field("round", &E::round), field("position", &E::position),
      field("score", &E::score), field("preferences", &E::preferences), field("near_misses", &E::near_misses),
      field("blocked", &E::blocked), field("text", &E::text));
};

template <>
struct Fields<placement::GivenExplanation> {
  using G = placement::GivenExplanation;
  static constexpr std::string_view name = "Explanation";
  static constexpr auto fields =
      std::make_tuple(field("run_id", &G::run_id), inline_fields(&G::explanation), field("confirmed", &G::confirmed));
};

// --- Vacancies and objections -------------------------------------------------------------------------

template <>
struct Fields<placement::Vacancy> {
  using V = placement::Vacancy;
  static constexpr std::string_view name = "Vacancy";
  static constexpr auto fields = std::make_tuple(
      field("id", &V::id), field("position_id", &V::position_id), field("unit_code", &V::unit_code),
      field("function_code", &V::function_code), field("function_name", &V::function_name), field("level", &V::level),
      field("slots", &V::slots), field("fte", &V::fte), field("kind", &V::kind), field("end_date", &V::end_date),
      field("stage", &V::stage), field("partners", &V::partners), field("updated_by", &V::updated_by),
      field("updated_at", &V::updated_at));
};

template <>
struct Fields<placement::VacancyStageInput> {
  static constexpr std::string_view name = "VacancyStageChange";
  static constexpr auto fields = std::make_tuple(field("stage", &placement::VacancyStageInput::stage, required));
};

template <>
struct Fields<placement::ObjectionInput> {
  static constexpr std::string_view name = "ObjectionDraft";
  static constexpr auto fields = std::make_tuple(field("person_id", &placement::ObjectionInput::person_id),
                                                 field("grounds", &placement::ObjectionInput::grounds));
};

template <>
struct Fields<placement::ObjectionUpdate> {
  static constexpr std::string_view name = "ObjectionDecision";
  static constexpr auto fields = std::make_tuple(field("status", &placement::ObjectionUpdate::status, required),
                                                 field("response", &placement::ObjectionUpdate::response));
};

template <>
struct Fields<placement::Objection> {
  using O = placement::Objection;
  static constexpr std::string_view name = "Objection";
  static constexpr auto fields = std::make_tuple(
      field("id", &O::id), field("person_id", &O::person_id), field("personnel_number", &O::personnel_number),
      field("name", &O::name), field("run_id", &O::run_id), field("grounds", &O::grounds), field("status", &O::status),
      field("response", &O::response), field("explanation", &O::explanation), field("registered_by", &O::registered_by),
      field("registered_at", &O::registered_at), field("updated_by", &O::updated_by), field("updated_at", &O::updated_at));
};

}  // namespace kwm::wire
