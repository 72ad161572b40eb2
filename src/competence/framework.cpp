#include "competence/framework.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>

#include "competence/text.hpp"

namespace kwm::competence {
namespace {

// Personal traits in Dutch and English. Multi-word traits are matched as consecutive words.
const std::vector<std::vector<std::string>>& ascriptive_terms() {
  static const std::vector<std::vector<std::string>> terms = {
      {"leeftijd"},    {"geboortedatum"}, {"geboortejaar"},   {"geslacht"},    {"sekse"},      {"gender"},
      {"man"},         {"vrouw"},         {"mannelijk"},      {"vrouwelijk"},  {"afkomst"},    {"herkomst"},
      {"etniciteit"},  {"etnisch"},       {"etnische"},       {"ras"},         {"huidskleur"}, {"nationaliteit"},
      {"moedertaal"},  {"religie"},       {"geloof"},         {"godsdienst"},  {"levensovertuiging"},
      {"geaardheid"},  {"burgerlijke", "staat"},              {"zwangerschap"}, {"uiterlijk"},
      {"age"},         {"sex"},           {"origin"},         {"ethnicity"},   {"race"},       {"nationality"},
      {"religion"},    {"birthdate"},     {"marital", "status"},
  };
  return terms;
}

// Words that carry no meaning of their own in a knowledge area's name ("Kennis van ...").
bool is_filler(const std::string& word) {
  static const std::set<std::string> filler = {"de", "het", "een", "van", "en",  "of",  "op",  "in",
                                               "met", "kennis", "the", "and", "knowledge", "about"};
  return filler.count(word) > 0;
}

// Returns the matched term and how many words it covers at position i.
std::optional<std::pair<std::string, std::size_t>> term_at(const std::vector<std::string>& words, std::size_t i) {
  for (const auto& term : ascriptive_terms()) {
    if (i + term.size() > words.size()) continue;
    if (!std::equal(term.begin(), term.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) continue;
    std::string joined = term.front();
    for (std::size_t k = 1; k < term.size(); ++k) joined += " " + term[k];
    return std::make_pair(joined, term.size());
  }
  return std::nullopt;
}

// A knowledge area may be *about* a subject such as religions; it is refused only when its name is
// nothing but a trait ("Leeftijd", "Kennis van afkomst"). Other kinds are refused on any trait word.
std::optional<std::string> ascriptive_term_in(std::string_view text, bool knowledge_area) {
  const auto words = text::words(text);
  std::optional<std::string> found;
  bool only_traits = true;
  for (std::size_t i = 0; i < words.size();) {
    if (auto term = term_at(words, i)) {
      if (!found) found = term->first;
      i += term->second;
      continue;
    }
    if (!is_filler(words[i])) only_traits = false;
    ++i;
  }
  if (!found) return std::nullopt;
  if (knowledge_area && !only_traits) return std::nullopt;
  return found;
}

Error problem(std::string field, std::string code, std::string message) {
  return Error{ErrorKind::invalid, std::move(code), std::move(message), std::move(field), {}};
}

void check_scale(const Scale& scale, std::vector<Error>& problems) {
  if (scale.min < scale_lowest_point || scale.max > scale_highest_point || scale.min >= scale.max) {
    problems.push_back(problem("scale", "invalid_scale",
                               fmt::format("De schaal loopt van {} tot {}; een schaal moet oplopen en binnen {} tot {} liggen.",
                                           scale.min, scale.max, scale_lowest_point, scale_highest_point)));
    return;
  }
  for (int point = scale.min; point <= scale.max; ++point) {
    const auto anchor = scale.anchors.find(point);
    if (anchor == scale.anchors.end() || anchor->second.empty()) {
      problems.push_back(problem(fmt::format("scale.anchors.{}", point), "missing_anchor",
                                 fmt::format("Schaalpunt {} heeft geen ankertekst; elk punt van de schaal moet uitleggen wat het betekent.",
                                             point)));
    }
  }
  for (const auto& [point, anchor] : scale.anchors) {
    if (point < scale.min || point > scale.max) {
      problems.push_back(problem(fmt::format("scale.anchors.{}", point), "anchor_outside_scale",
                                 fmt::format("Schaalpunt {} ligt buiten de schaal van {} tot {}.", point, scale.min, scale.max)));
    }
  }
}

void check_indicators(const Competency& competency, const std::string& path, std::vector<Error>& problems) {
  if (competency.indicators.empty()) {
    problems.push_back(problem(path + ".indicators", "no_indicators",
                               fmt::format("Competentie {} heeft geen gedragsindicatoren; er is er minstens één nodig om haar te kunnen beoordelen.",
                                           text::quoted(competency.name))));
    return;
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < competency.indicators.size(); ++i) {
    const auto& indicator = competency.indicators[i];
    const std::string at = fmt::format("{}.indicators[{}]", path, i);
    if (!is_valid_code(indicator.code)) {
      problems.push_back(problem(at + ".code", "invalid_code",
                                 fmt::format("Indicatorcode {} is ongeldig: gebruik 1 tot 64 kleine letters, cijfers, '_' of '-'.",
                                             text::quoted(indicator.code))));
    } else if (!seen.insert(indicator.code).second) {
      problems.push_back(problem(at + ".code", "duplicate_code",
                                 fmt::format("Indicatorcode {} komt binnen competentie {} vaker voor.", text::quoted(indicator.code),
                                             text::quoted(competency.name))));
    }
    if (indicator.text.empty()) {
      problems.push_back(problem(at + ".text", "missing_text", "Een gedragsindicator heeft een omschrijving nodig."));
    }
  }
}

void check_competency(const Competency& competency, const std::string& path, std::set<std::string>& seen_codes,
                      std::vector<Error>& problems) {
  if (!is_valid_code(competency.code)) {
    problems.push_back(problem(path + ".code", "invalid_code",
                               fmt::format("Competentiecode {} is ongeldig: gebruik 1 tot 64 kleine letters, cijfers, '_' of '-'.",
                                           text::quoted(competency.code))));
  } else if (!seen_codes.insert(competency.code).second) {
    problems.push_back(problem(path + ".code", "duplicate_code",
                               fmt::format("Competentiecode {} komt in dit kader vaker voor.", text::quoted(competency.code))));
  }
  if (competency.name.empty()) {
    problems.push_back(problem(path + ".name", "missing_name", "Een competentie heeft een naam nodig."));
  }
  if (competency.definition.empty()) {
    problems.push_back(problem(path + ".definition", "missing_definition",
                               fmt::format("Competentie {} heeft een omschrijving nodig.", text::quoted(competency.name))));
  }
  const bool knowledge_area = competency.kind == CompetencyKind::Knowledge;
  if (const auto term = ascriptive_term_in(competency.name, knowledge_area)) {
    problems.push_back(problem(path + ".name", "ascriptive_trait", ascriptive_rule_message(*term)));
  } else if (const auto code_term = ascriptive_term_in(competency.code, knowledge_area)) {
    problems.push_back(problem(path + ".code", "ascriptive_trait", ascriptive_rule_message(*code_term)));
  }
  check_indicators(competency, path, problems);
}

}  // namespace

std::string_view to_string(CompetencyKind kind) { return spell(kind); }

std::optional<CompetencyKind> competency_kind_from_string(std::string_view text) { return parse_spelling<CompetencyKind>(text); }

QualificationKind qualification_of(CompetencyKind kind) {
  // Knowledge areas are the "knowledge" half of the study's technical-instrumental qualification.
  return kind == CompetencyKind::SocialNormative ? QualificationKind::SocialNormative : QualificationKind::TechnicalInstrumental;
}

Scale default_scale() {
  return Scale{1,
               5,
               {{1, "Laat dit gedrag nog niet zien."},
                {2, "Laat dit gedrag soms zien, vaak met hulp of na een duwtje."},
                {3, "Laat dit gedrag zelfstandig zien in gewone situaties."},
                {4, "Laat dit gedrag ook zien als de situatie lastig of onduidelijk is."},
                {5, "Is hierin een voorbeeld voor anderen en helpt collega's het te leren."}}};
}

const Indicator* Competency::find_indicator(std::string_view indicator_code) const {
  for (const auto& indicator : indicators) {
    if (indicator.code == indicator_code) return &indicator;
  }
  return nullptr;
}

const Competency* Framework::find(std::string_view competency_code) const {
  for (const auto& competency : competencies) {
    if (competency.code == competency_code) return &competency;
  }
  return nullptr;
}

bool is_valid_code(std::string_view code) {
  if (code.empty() || code.size() > 64) return false;
  const auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!lower_or_digit(code.front())) return false;
  return std::all_of(code.begin(), code.end(), [&](char c) { return lower_or_digit(c) || c == '_' || c == '-'; });
}

std::optional<std::string> ascriptive_term(const Competency& competency) {
  const bool knowledge_area = competency.kind == CompetencyKind::Knowledge;
  if (auto term = ascriptive_term_in(competency.name, knowledge_area)) return term;
  return ascriptive_term_in(competency.code, knowledge_area);
}

std::string ascriptive_rule_message(std::string_view what) {
  return fmt::format(
      "{} is een persoonskenmerk en kan geen competentie zijn. Regel ascriptieve kenmerken: een competentie beschrijft "
      "wat iemand weet, kan of doet, nooit wie iemand is (zoals leeftijd, geslacht, afkomst of geloof).",
      text::quoted(what));
}

std::vector<Error> framework_problems(const Framework& framework) {
  std::vector<Error> problems;
  if (!is_valid_code(framework.code)) {
    problems.push_back(problem("code", "invalid_code",
                               fmt::format("Kadercode {} is ongeldig: gebruik 1 tot 64 kleine letters, cijfers, '_' of '-'.",
                                           text::quoted(framework.code))));
  }
  if (framework.name.empty()) problems.push_back(problem("name", "missing_name", "Een competentiekader heeft een naam nodig."));
  if (framework.version < 1) {
    problems.push_back(problem("version", "invalid_version",
                               fmt::format("Versie {} is ongeldig; versies beginnen bij 1.", framework.version)));
  }
  check_scale(framework.scale, problems);
  if (framework.competencies.empty()) {
    problems.push_back(problem("competencies", "no_competencies", "Een competentiekader bevat minstens één competentie."));
  }
  std::set<std::string> seen_codes;
  for (std::size_t i = 0; i < framework.competencies.size(); ++i) {
    check_competency(framework.competencies[i], fmt::format("competencies[{}]", i), seen_codes, problems);
  }
  return problems;
}

void validate(const Framework& framework) {
  auto problems = framework_problems(framework);
  if (!problems.empty()) throw Failure(std::move(problems.front()));
}

}  // namespace kwm::competence
