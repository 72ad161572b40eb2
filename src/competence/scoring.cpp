#include "competence/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <set>
#include <tuple>

#include "competence/text.hpp"

namespace kwm::competence {
namespace {

// Scores are means of whole numbers, so sums such as 0.4 + 0.6 land a hair beside the exact value.
// Comparisons allow this much so that a gap of exactly the tolerance counts as within it.
constexpr double epsilon = 1e-9;

constexpr RatingSource all_sources[] = {RatingSource::Self, RatingSource::Manager, RatingSource::External, RatingSource::Peer};

Error problem(std::string field, std::string code, std::string message) {
  return Error{ErrorKind::invalid, std::move(code), std::move(message), std::move(field), {}};
}

std::string source_name(RatingSource source) {
  switch (source) {
    case RatingSource::Self: return "zelfbeoordeling";
    case RatingSource::Manager: return "beoordeling leidinggevende";
    case RatingSource::External: return "extern assessment";
    case RatingSource::Peer: return "beoordeling door collega's";
  }
  return "bron";
}

std::string points(double value) { return text::dutch_number(value) + (std::abs(value - 1.0) < epsilon ? " punt" : " punten"); }

std::string name_of(const std::string& code, const std::map<std::string, std::string>& names) {
  const auto found = names.find(code);
  return text::quoted(found == names.end() ? code : found->second);
}

std::string gap_list(const std::vector<VerdictReason>& reasons, const std::map<std::string, std::string>& names) {
  std::vector<std::string> items;
  for (const auto& reason : reasons) {
    items.push_back(fmt::format("{} {}{}", name_of(reason.competency_code, names), text::dutch_number(reason.gap),
                                reason.critical ? " (kritiek)" : ""));
  }
  return text::dutch_list(items);
}

std::string names_where(const std::vector<VerdictReason>& reasons, const std::map<std::string, std::string>& names,
                        bool (*keep)(const VerdictReason&)) {
  std::vector<std::string> items;
  for (const auto& reason : reasons) {
    if (keep(reason)) items.push_back(name_of(reason.competency_code, names));
  }
  return text::dutch_list(items);
}

}  // namespace

std::string_view to_string(RatingSource source) {
  switch (source) {
    case RatingSource::Self: return "self";
    case RatingSource::Manager: return "manager";
    case RatingSource::External: return "external";
    case RatingSource::Peer: return "peer";
  }
  return "self";
}

std::optional<RatingSource> rating_source_from_string(std::string_view text) {
  return text::enum_from_string(text, {RatingSource::Self, RatingSource::Manager, RatingSource::External, RatingSource::Peer});
}

double SourceWeights::of(RatingSource source) const {
  switch (source) {
    case RatingSource::Self: return self;
    case RatingSource::Manager: return manager;
    case RatingSource::External: return external;
    case RatingSource::Peer: return peer;
  }
  return 0;
}

bool RoundSettings::collects(RatingSource source) const {
  return std::find(sources.begin(), sources.end(), source) != sources.end();
}

std::vector<Error> settings_problems(const RoundSettings& settings) {
  std::vector<Error> problems;
  if (settings.sources.empty()) {
    problems.push_back(problem("sources", "no_sources", "Een ronde verzamelt minstens één bron (zelf, leidinggevende, extern of collega's)."));
  }
  std::set<RatingSource> seen;
  for (auto source : settings.sources) {
    if (!seen.insert(source).second) {
      problems.push_back(problem("sources", "duplicate_source", fmt::format("De bron {} staat dubbel in de ronde.", source_name(source))));
    }
    const double weight = settings.weights.of(source);
    if (!std::isfinite(weight) || weight <= 0) {
      problems.push_back(problem(fmt::format("weights.{}", to_string(source)), "invalid_weight",
                                 fmt::format("Het gewicht van de {} moet groter dan 0 zijn.", source_name(source))));
    }
  }
  if (!std::isfinite(settings.tolerance) || settings.tolerance < 0) {
    problems.push_back(problem("tolerance", "invalid_tolerance", "De tolerantie is 0 of meer punten."));
  }
  if (!std::isfinite(settings.trainable_step) || settings.trainable_step < 0) {
    problems.push_back(problem("trainable_step", "invalid_trainable_step", "De trainbare stap is 0 of meer punten."));
  }
  if (!std::isfinite(settings.spread_threshold) || settings.spread_threshold <= 0) {
    problems.push_back(problem("spread_threshold", "invalid_spread_threshold", "De grens voor spreiding is groter dan 0 punten."));
  }
  if (!settings.target_date) {
    problems.push_back(problem("target_date", "missing_target_date",
                               "Een ronde heeft een streefdatum nodig: de datum waarop wie trainbaar is moet voldoen."));
  }
  return problems;
}

void validate(const RoundSettings& settings) {
  auto problems = settings_problems(settings);
  if (!problems.empty()) throw Failure(std::move(problems.front()));
}

std::vector<Error> rating_problems(std::span<const Rating> ratings, const Framework& framework, const RoundSettings& settings) {
  std::vector<Error> problems;
  std::set<std::tuple<RatingSource, std::string, std::string>> seen;
  for (std::size_t i = 0; i < ratings.size(); ++i) {
    const Rating& rating = ratings[i];
    const std::string at = fmt::format("ratings[{}]", i);
    if (!settings.collects(rating.source)) {
      problems.push_back(problem(at + ".source", "source_not_collected",
                                 fmt::format("Deze ronde verzamelt geen {}.", source_name(rating.source))));
      continue;
    }
    const Competency* competency = framework.find(rating.competency_code);
    if (!competency) {
      problems.push_back(problem(at + ".competency_code", "unknown_competency",
                                 fmt::format("Competentie {} staat niet in kader {} versie {}.", text::quoted(rating.competency_code),
                                             text::quoted(framework.name), framework.version)));
      continue;
    }
    if (!competency->find_indicator(rating.indicator_code)) {
      problems.push_back(problem(at + ".indicator_code", "unknown_indicator",
                                 fmt::format("Indicator {} hoort niet bij competentie {}.", text::quoted(rating.indicator_code),
                                             text::quoted(competency->name))));
      continue;
    }
    if (!framework.scale.contains(rating.score)) {
      problems.push_back(problem(at + ".score", "score_outside_scale",
                                 fmt::format("Score {} ligt buiten de schaal van {} tot {}.", rating.score, framework.scale.min,
                                             framework.scale.max)));
      continue;
    }
    if (rating.source != RatingSource::Peer &&
        !seen.emplace(rating.source, rating.competency_code, rating.indicator_code).second) {
      problems.push_back(problem(at, "duplicate_rating",
                                 fmt::format("De {} geeft indicator {} van {} twee keer een score.", source_name(rating.source),
                                             text::quoted(rating.indicator_code), text::quoted(competency->name))));
    }
  }
  return problems;
}

CompetencyResult score_competency(const Requirement& requirement, std::span<const Rating> ratings, const RoundSettings& settings) {
  CompetencyResult result;
  result.competency_code = requirement.competency_code;
  result.required = requirement.required;
  result.critical = requirement.critical;

  double weighted_sum = 0, weight_total = 0;
  for (auto source : all_sources) {
    if (!settings.collects(source)) continue;
    double sum = 0;
    std::size_t count = 0;
    for (const auto& rating : ratings) {
      if (rating.source != source || rating.competency_code != requirement.competency_code) continue;
      sum += rating.score;
      ++count;
    }
    if (count == 0) {
      result.missing_sources.push_back(source);
      continue;
    }
    const double mean = sum / static_cast<double>(count);
    result.sources.push_back(SourceScore{source, mean, count});
    weighted_sum += settings.weights.of(source) * mean;
    weight_total += settings.weights.of(source);
  }
  if (result.sources.empty() || weight_total <= 0) return result;

  result.state = CompetencyState::Scored;
  result.combined = weighted_sum / weight_total;
  const double gap = requirement.required - *result.combined;
  result.gap = gap > epsilon ? gap : 0.0;
  const auto [lowest, highest] = std::minmax_element(result.sources.begin(), result.sources.end(),
                                                     [](const SourceScore& a, const SourceScore& b) { return a.score < b.score; });
  result.spread = highest->score - lowest->score;
  result.spread_flagged = *result.spread + epsilon >= settings.spread_threshold;
  return result;
}

std::string_view to_string(VerdictKind kind) {
  switch (kind) {
    case VerdictKind::Meets: return "meets";
    case VerdictKind::Trainable: return "trainable";
    case VerdictKind::DoesNotMeet: return "does_not_meet";
    case VerdictKind::Incomplete: return "incomplete";
  }
  return "incomplete";
}

Verdict decide(std::span<const CompetencyResult> results, const RoundSettings& settings) {
  Verdict verdict;
  verdict.tolerance = settings.tolerance;
  verdict.trainable_step = settings.trainable_step;
  bool critical_gap = false;
  for (const auto& result : results) {
    if (result.state == CompetencyState::NotAssessed) {
      verdict.not_assessed.push_back(result.competency_code);
      continue;
    }
    const double gap = result.gap.value_or(0.0);
    if (gap <= epsilon) continue;
    const bool beyond_step = gap > settings.trainable_step + epsilon;
    verdict.reasons.push_back(VerdictReason{result.competency_code, gap, result.critical, beyond_step});
    verdict.largest_gap = std::max(verdict.largest_gap, gap);
    if (result.critical) {
      critical_gap = true;
    } else {
      verdict.non_critical_gap_total += gap;
    }
  }
  if (!verdict.not_assessed.empty()) {
    verdict.kind = VerdictKind::Incomplete;
  } else if (!critical_gap && verdict.non_critical_gap_total <= settings.tolerance + epsilon) {
    verdict.kind = VerdictKind::Meets;
  } else if (verdict.largest_gap <= settings.trainable_step + epsilon) {
    verdict.kind = VerdictKind::Trainable;
    verdict.target_date = settings.target_date;
  } else {
    verdict.kind = VerdictKind::DoesNotMeet;
  }
  return verdict;
}

const CompetencyResult* PersonResult::find(std::string_view competency_code) const {
  for (const auto& result : competencies) {
    if (result.competency_code == competency_code) return &result;
  }
  return nullptr;
}

PersonResult assess_person(std::string personnel_number, const FunctionProfile& profile, std::span<const Rating> ratings,
                           const RoundSettings& settings) {
  PersonResult person;
  person.personnel_number = std::move(personnel_number);
  person.function_code = profile.function_code;
  person.level = profile.level;
  for (const auto& requirement : profile.requirements()) {
    person.competencies.push_back(score_competency(requirement, ratings, settings));
  }
  person.verdict = decide(person.competencies, settings);
  return person;
}

std::string explain(const Verdict& verdict, const std::map<std::string, std::string>& names) {
  const std::string gaps = gap_list(verdict.reasons, names);
  switch (verdict.kind) {
    case VerdictKind::Incomplete: {
      std::vector<std::string> missing;
      for (const auto& code : verdict.not_assessed) missing.push_back(name_of(code, names));
      return fmt::format("Nog geen oordeel: voor {} is nog geen enkele score binnen.", text::dutch_list(missing));
    }
    case VerdictKind::Meets:
      if (verdict.reasons.empty()) return "Voldoet: op geen enkele competentie een tekort.";
      return fmt::format("Voldoet: geen tekort op kritieke competenties, en de tekorten ({}) tellen op tot {}, binnen de tolerantie van {}.",
                         gaps, points(verdict.non_critical_gap_total), points(verdict.tolerance));
    case VerdictKind::Trainable: {
      const std::string critical = names_where(verdict.reasons, names, [](const VerdictReason& r) { return r.critical; });
      const std::string why_not = critical.empty()
                                      ? fmt::format("de tekorten tellen op tot {}, meer dan de tolerantie van {}",
                                                    points(verdict.non_critical_gap_total), points(verdict.tolerance))
                                      : fmt::format("tekort op kritieke competentie {}", critical);
      const std::string when = verdict.target_date ? " vóór " + text::dutch_date(*verdict.target_date) : std::string();
      return fmt::format("Trainbaar{}: voldoet nog niet ({}), maar geen tekort is groter dan de trainbare stap van {}. Tekorten: {}.", when,
                         why_not, points(verdict.trainable_step), gaps);
    }
    case VerdictKind::DoesNotMeet:
      return fmt::format("Voldoet niet: het tekort op {} is groter dan de trainbare stap van {}. Tekorten: {}.",
                         names_where(verdict.reasons, names, [](const VerdictReason& r) { return r.beyond_trainable_step; }),
                         points(verdict.trainable_step), gaps);
  }
  return {};
}

}  // namespace kwm::competence
