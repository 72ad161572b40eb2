#include "placement/procedure/explanation.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "placement/procedure/text.hpp"

namespace kwm::placement::procedure {
namespace {

// The text is stored with the run and read again after confirmation, so it states nothing that
// confirmation changes; whether the run is a proposal or confirmed is shown beside it.
constexpr std::string_view kClosing =
    "Een uitkomst wordt pas een besluit als een medewerker van HR haar bevestigt. Tegen de bevestigde uitkomst kunt u "
    "bezwaar maken.";

std::string describe(const NewPosition& position) {
  return fmt::format("{} ({}) bij {}", position.function_name, position.level, position.unit_name);
}

std::string function_label(const NewPosition& position) { return fmt::format("{} ({})", position.function_name, position.level); }

// Appends `part` to `text`, with `separator` between them when text is not empty.
void append(std::string& text, std::string_view separator, std::string_view part) {
  if (!text.empty()) text += separator;
  text += part;
}

std::string shortfall_text(const std::optional<std::int64_t>& centi, bool tie_only) {
  if (!centi) return "Meer punten hadden hier niet geholpen: dat kon alleen als daardoor een andere medewerker niet geplaatst zou worden.";
  if (tie_only) {
    return fmt::format("Uw score was even hoog; de voorrangsregels gaven de doorslag. Met {} meer was u hier geplaatst.", text::points(*centi));
  }
  return fmt::format("Met {} meer was u hier geplaatst.", text::points(*centi));
}

// Smaller is closer; "points would not help" comes last.
bool closer(const std::optional<std::int64_t>& a, const std::optional<std::int64_t>& b) {
  if (a && b) return *a < *b;
  return a.has_value() && !b.has_value();
}

class Explainer {
 public:
  Explainer(const Suitabilities& suitabilities, const RunResult& result)
      : suitabilities_(suitabilities), input_(suitabilities.input()), result_(result) {
    for (std::size_t k = 0; k < result.rounds.size(); ++k) {
      if (result.rounds[k].round.kind == RoundKind::Preference) preference_round_ = k;
    }
    for (const PairMargin& margin : result.margins) margins_[{margin.employee, margin.round}].push_back(&margin);
    for (const Preference& preference : input_.preferences) preferences_[preference.person_id].push_back(preference);
    for (auto& [person, list] : preferences_) {
      std::sort(list.begin(), list.end(), [](const Preference& a, const Preference& b) { return a.rank < b.rank; });
    }
  }

  Explanation explain(std::size_t employee, std::size_t near_miss_count) const {
    Explanation explanation;
    explanation.employee = employee;
    explanation.placement = result_.placement_of[employee];
    const auto found = preferences_.find(input_.employees[employee].person_id);
    if (found != preferences_.end()) {
      for (const Preference& preference : found->second) explanation.preferences.push_back(preference_outcome(employee, preference));
    }
    if (!explanation.placement) {
      explanation.near_misses = near_misses(employee, near_miss_count);
      explanation.blocked = blocked(employee, near_miss_count);
    }
    explanation.text = compose(explanation);
    return explanation;
  }

 private:
  std::vector<std::size_t> positions_of(std::int64_t function_id) const {
    std::vector<std::size_t> positions;
    for (std::size_t p = 0; p < input_.positions.size(); ++p)
      if (input_.positions[p].function_id == function_id) positions.push_back(p);
    return positions;
  }

  std::int64_t open_after_round(std::size_t round, std::size_t position) const {
    return round + 1 < result_.open_before.size() ? result_.open_before[round + 1][position] : result_.open_after[position];
  }

  PreferenceOutcome preference_outcome(std::size_t employee, const Preference& preference) const {
    PreferenceOutcome outcome;
    outcome.rank = preference.rank;
    outcome.function_id = preference.function_id;
    const std::vector<std::size_t> positions = positions_of(preference.function_id);
    const std::string label = positions.empty() ? "deze functie" : function_label(input_.positions[positions.front()]);
    const std::string head = fmt::format("Voorkeur {}, {}: ", preference.rank, label);
    const auto& placement = result_.placement_of[employee];

    if (placement && input_.positions[placement->position].function_id == preference.function_id) {
      outcome.status = PreferenceStatus::Granted;
      outcome.text = head + "toegekend.";
      return outcome;
    }
    if (placement && placement->preference_rank && preference.rank > *placement->preference_rank) {
      outcome.status = PreferenceStatus::LowerThanGranted;
      outcome.text = head + "niet nodig, want u bent op een hogere voorkeur geplaatst.";
      return outcome;
    }
    outcome.status = PreferenceStatus::NotGranted;
    if (!preference_round_) {
      outcome.reason = RefusalReason::NoPreferenceRound;
      outcome.text = head + "niet toegekend; het sociaal plan van deze reorganisatie kent geen voorkeursronde.";
      return outcome;
    }
    const std::size_t round = *preference_round_;
    const std::string round_name = round_label(result_.rounds[round].round);
    if (placement && placement->round < round) {
      outcome.reason = RefusalReason::PlacedEarlier;
      outcome.text = head + fmt::format("niet aan bod gekomen, want u was al geplaatst in {}, vóór de voorkeursronde.",
                                        round_label(result_.rounds[placement->round].round));
      return outcome;
    }
    std::vector<std::size_t> offered;
    for (std::size_t p : positions)
      if (result_.problem.slots[p] > 0) offered.push_back(p);
    if (offered.empty()) {
      outcome.reason = RefusalReason::NoPlaceLeft;
      outcome.text = head + "niet toegekend; deze functie heeft geen plaatsen in de nieuwe formatie.";
      return outcome;
    }
    std::vector<std::size_t> eligible;
    std::vector<std::string> failures;
    for (std::size_t p : offered) {
      const PairSuitability& pair = suitabilities_.at(employee, p);
      if (pair.eligible) {
        eligible.push_back(p);
        continue;
      }
      for (const ConstraintCheck& check : pair.constraints)
        if (!check.met && std::find(failures.begin(), failures.end(), check.text) == failures.end()) failures.push_back(check.text);
    }
    if (eligible.empty()) {
      outcome.reason = RefusalReason::NotEligible;
      std::string reasons;
      for (const std::string& failure : failures) append(reasons, " ", failure);
      outcome.text = head + "niet toegekend, omdat u niet aan alle harde voorwaarden voldoet. " + reasons;
      return outcome;
    }
    std::vector<std::size_t> open;
    for (std::size_t p : eligible)
      if (result_.open_before[round][p] > 0) open.push_back(p);
    if (open.empty()) {
      outcome.reason = RefusalReason::NoPlaceLeft;
      std::size_t filled_in = 0;
      for (std::size_t p : eligible)
        for (std::size_t k = 0; k < round; ++k)
          if (result_.open_before[k][p] > 0) filled_in = std::max(filled_in, k);
      const PlannedRound& filler = result_.rounds[filled_in].round;
      outcome.text = head + (filler.is_lock() ? "niet toegekend: geen plaats meer, want HR had de plaatsen al vastgezet."
                                              : fmt::format("niet toegekend: geen plaats meer na ronde {}.", filler.number));
      return outcome;
    }
    const PairMargin* best = nullptr;
    const auto margins = margins_.find({employee, round});
    if (margins != margins_.end()) {
      for (const PairMargin* margin : margins->second) {
        if (std::find(open.begin(), open.end(), margin->position) == open.end()) continue;
        if (!best || closer(margin->centi_needed, best->centi_needed)) best = margin;
      }
    }
    if (best) {
      outcome.centi_short = best->centi_needed;
      outcome.tie_only = best->tie_only;
    }
    const bool full_after = std::all_of(open.begin(), open.end(), [&](std::size_t p) { return open_after_round(round, p) == 0; });
    if (full_after && (!best || best->centi_needed)) {
      outcome.reason = RefusalReason::HigherCandidate;
      outcome.text = head + fmt::format("niet toegekend; in {} ging de plaats naar {}.", round_name,
                                        outcome.tie_only ? "een kandidaat met dezelfde geschiktheidsscore die voorging op grond van de voorrangsregels"
                                                         : "een kandidaat met een hogere geschiktheidsscore");
    } else {
      outcome.reason = RefusalReason::BetterOverall;
      outcome.text = head + fmt::format("niet toegekend; in {} gaf een andere verdeling een betere uitkomst als geheel (meer "
                                        "medewerkers geplaatst of een hogere totale geschiktheid).",
                                        round_name);
    }
    if (best) append(outcome.text, " ", shortfall_text(best->centi_needed, best->tie_only));
    return outcome;
  }

  std::vector<NearMiss> near_misses(std::size_t employee, std::size_t count) const {
    std::map<std::size_t, NearMiss> closest;  // per position
    for (std::size_t k = 0; k < result_.rounds.size(); ++k) {
      const auto margins = margins_.find({employee, k});
      if (margins == margins_.end()) continue;
      for (const PairMargin* margin : margins->second) {
        const auto it = closest.find(margin->position);
        if (it != closest.end() && !closer(margin->centi_needed, it->second.centi_short)) continue;
        closest[margin->position] = NearMiss{margin->position, k, margin->centi_needed, margin->tie_only, {}};
      }
    }
    std::vector<NearMiss> list;
    for (auto& [position, miss] : closest) list.push_back(miss);
    std::stable_sort(list.begin(), list.end(), [](const NearMiss& a, const NearMiss& b) { return closer(a.centi_short, b.centi_short); });
    if (list.size() > count) list.resize(count);
    for (NearMiss& miss : list) {
      miss.text = fmt::format("{}, {}: {}", describe(input_.positions[miss.position]), round_label(result_.rounds[miss.round].round),
                              shortfall_text(miss.centi_short, miss.tie_only));
    }
    return list;
  }

  std::vector<BlockedPosition> blocked(std::size_t employee, std::size_t count) const {
    std::vector<BlockedPosition> list;
    for (std::size_t p = 0; p < input_.positions.size() && list.size() < count; ++p) {
      const PairSuitability& pair = suitabilities_.at(employee, p);
      const bool wanted = pair.preference_rank.has_value() || pair.function_match != FunctionMatch::None;
      if (!wanted || pair.eligible || result_.problem.slots[p] == 0) continue;
      BlockedPosition item{p, {}};
      for (const ConstraintCheck& check : pair.constraints)
        if (!check.met) item.constraints.push_back(check.text);
      list.push_back(std::move(item));
    }
    return list;
  }

  std::string score_paragraph(const Placed& placed) const {
    const PairSuitability& pair = suitabilities_.at(placed.employee, placed.position);
    std::string paragraph = fmt::format("Uw geschiktheidsscore voor deze plaats is {} van 100.", text::centi(pair.score_centi));
    for (const Component& component : pair.components) {
      append(paragraph, " ", component.text);
      if (component.status == ComponentStatus::Present && component.share > 0) {
        paragraph += fmt::format(" Dat telt voor {}% mee: {}.", std::llround(component.share * 100.0), text::points(component.contribution_centi));
      } else {
        paragraph += " Dat telt niet mee.";
      }
    }
    if (placed.bonus_centi > 0 && placed.preference_rank) {
      paragraph += fmt::format(" Omdat dit uw voorkeur {} was, kwam daar {} voorkeursbonus bij: samen {}.", *placed.preference_rank,
                               text::points(placed.bonus_centi), text::points(placed.points_centi));
    }
    return paragraph;
  }

  std::string compose(const Explanation& explanation) const {
    std::vector<std::string> paragraphs;
    if (explanation.placement) {
      const Placed& placed = *explanation.placement;
      const NewPosition& position = input_.positions[placed.position];
      const PairSuitability& pair = suitabilities_.at(placed.employee, placed.position);
      if (placed.locked) {
        paragraphs.push_back(fmt::format("HR heeft u geplaatst als {}. Reden: {}", describe(position), pair.decision->reason));
      } else {
        paragraphs.push_back(fmt::format("U bent geplaatst als {}, in {}.", describe(position), round_label(result_.rounds[placed.round].round)));
      }
      paragraphs.push_back(score_paragraph(placed));
    } else {
      paragraphs.push_back("U bent in deze uitkomst niet geplaatst: u bent boventallig. U komt in aanmerking voor een "
                           "van-werk-naar-werktraject.");
    }
    if (explanation.preferences.empty()) {
      paragraphs.push_back("U heeft geen voorkeuren opgegeven.");
    } else {
      std::string lines;
      for (const PreferenceOutcome& preference : explanation.preferences) append(lines, "\n", preference.text);
      paragraphs.push_back(lines);
    }
    if (!explanation.placement) {
      if (!explanation.blocked.empty()) {
        std::string lines = "Hier stond een harde voorwaarde een plaatsing in de weg:";
        for (const BlockedPosition& item : explanation.blocked) {
          std::string reasons;
          for (const std::string& constraint : item.constraints) append(reasons, " ", constraint);
          append(lines, "\n", fmt::format("{}: {}", describe(input_.positions[item.position]), reasons));
        }
        paragraphs.push_back(lines);
      }
      if (explanation.near_misses.empty()) {
        paragraphs.push_back("U was in geen enkele ronde kandidaat voor een plaats die nog open was.");
      } else {
        std::string lines = "Het dichtst bij een plaats kwam u hier:";
        for (const NearMiss& miss : explanation.near_misses) append(lines, "\n", miss.text);
        paragraphs.push_back(lines);
      }
    }
    paragraphs.emplace_back(kClosing);
    std::string text;
    for (const std::string& paragraph : paragraphs) append(text, "\n\n", paragraph);
    return text;
  }

  const Suitabilities& suitabilities_;
  const ProcedureInput& input_;
  const RunResult& result_;
  std::optional<std::size_t> preference_round_;
  std::map<std::pair<std::size_t, std::size_t>, std::vector<const PairMargin*>> margins_;  // (employee, round)
  std::map<std::int64_t, std::vector<Preference>> preferences_;
};

}  // namespace

std::string_view to_string(PreferenceStatus status) { return spell(status); }

std::string_view to_string(RefusalReason reason) { return spell(reason); }

std::vector<Explanation> explain(const Suitabilities& suitabilities, const RunResult& result, std::size_t near_misses) {
  const Explainer explainer(suitabilities, result);
  std::vector<Explanation> explanations;
  explanations.reserve(suitabilities.input().employees.size());
  for (std::size_t e = 0; e < suitabilities.input().employees.size(); ++e) explanations.push_back(explainer.explain(e, near_misses));
  return explanations;
}

}  // namespace kwm::placement::procedure
