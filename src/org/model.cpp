#include "org/model.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include <fmt/format.h>

#include "core/text_policy.hpp"

namespace kwm::org {
namespace {

// Codes end up in URLs, file names and CSV keys, names on one line: the text policy of core says how.
void check_text(std::vector<FieldProblem>& problems, TextKind kind, std::string_view field, std::string_view value,
                std::string_view what) {
  if (auto problem = text_problem(kind, value, what)) problems.push_back({std::string(field), std::move(*problem)});
}

void check_optional_name(std::vector<FieldProblem>& problems, std::string_view field, std::string_view value,
                         std::string_view what) {
  if (!value.empty()) check_text(problems, TextKind::name, field, value, what);
}

// Messages show numbers the Dutch way: 1,5 rather than 1.5.
std::string dutch_decimal(Fte fte) {
  std::string text = fte.to_string();
  std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

}  // namespace

std::string_view to_string(UnitKind value) { return spell(value); }
std::string_view to_string(Pillar value) { return spell(value); }
std::string_view to_string(Direction value) { return spell(value); }
std::string_view to_string(Location value) { return spell(value); }
std::string_view to_string(FunctionStatus value) { return spell(value); }
std::string_view to_string(EducationLevel value) { return spell(value); }
std::string_view to_string(PositionKind value) { return spell(value); }
std::string_view to_string(Contract value) { return spell(value); }
std::string_view to_string(Engagement value) { return spell(value); }
std::string_view to_string(ImportKind value) { return spell(value); }

std::optional<UnitKind> unit_kind_from_string(std::string_view text) { return parse_spelling<UnitKind>(text); }
std::optional<Pillar> pillar_from_string(std::string_view text) { return parse_spelling<Pillar>(text); }
std::optional<Direction> direction_from_string(std::string_view text) { return parse_spelling<Direction>(text); }
std::optional<Location> location_from_string(std::string_view text) { return parse_spelling<Location>(text); }
std::optional<FunctionStatus> function_status_from_string(std::string_view text) { return parse_spelling<FunctionStatus>(text); }
std::optional<EducationLevel> education_level_from_string(std::string_view text) { return parse_spelling<EducationLevel>(text); }
std::optional<PositionKind> position_kind_from_string(std::string_view text) { return parse_spelling<PositionKind>(text); }
std::optional<Contract> contract_from_string(std::string_view text) { return parse_spelling<Contract>(text); }
std::optional<Engagement> engagement_from_string(std::string_view text) { return parse_spelling<Engagement>(text); }
std::optional<ImportKind> import_kind_from_string(std::string_view text) { return parse_spelling<ImportKind>(text); }

std::string allowed_values(UnitKind) { return allowed_spellings<UnitKind>(); }
std::string allowed_values(Pillar) { return allowed_spellings<Pillar>(); }
std::string allowed_values(Direction) { return allowed_spellings<Direction>(); }
std::string allowed_values(Location) { return allowed_spellings<Location>(); }
std::string allowed_values(FunctionStatus) { return allowed_spellings<FunctionStatus>(); }
std::string allowed_values(EducationLevel) { return allowed_spellings<EducationLevel>(); }
std::string allowed_values(PositionKind) { return allowed_spellings<PositionKind>(); }
std::string allowed_values(Contract) { return allowed_spellings<Contract>(); }
std::string allowed_values(Engagement) { return allowed_spellings<Engagement>(); }
std::string allowed_values(ImportKind) { return allowed_spellings<ImportKind>(); }

std::string pillars_to_string(const std::vector<Pillar>& pillars) {
  std::string text;
  for (Pillar pillar : pillars) {
    if (!text.empty()) text += '|';
    text += to_string(pillar);
  }
  return text;
}

bool is_directed_team(UnitKind kind) { return kind == UnitKind::DistrictTeam || kind == UnitKind::YouthTeam; }

bool is_valid_municipality_code(std::string_view code) {
  return code.size() == 6 && code.starts_with("GM") &&
         std::all_of(code.begin() + 2, code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<FieldProblem> check_unit(const Unit& unit) {
  std::vector<FieldProblem> problems;
  check_text(problems, TextKind::code, "code", unit.code, "De code");
  check_text(problems, TextKind::name, "name", unit.name, "De naam");
  if (!unit.parent_code.empty() && unit.parent_code == unit.code) {
    problems.push_back({"parent_code", "Een eenheid kan niet onder zichzelf vallen"});
  }
  if (!is_directed_team(unit.kind)) {
    if (unit.direction) {
      problems.push_back({"direction", fmt::format("Alleen een wijkteam of jeugdteam heeft een regierol; laat dit veld leeg voor "
                                                   "soort '{}'", to_string(unit.kind))});
    }
    if (!unit.contractor.empty()) {
      problems.push_back({"contractor", "Alleen een wijkteam of jeugdteam heeft een hoofdaannemer; laat dit veld leeg"});
    }
    if (unit.location) {
      problems.push_back({"location", "Alleen een wijkteam of jeugdteam heeft een vaste locatie of netwerk; laat dit veld leeg"});
    }
    return problems;
  }
  if (!unit.direction) {
    problems.push_back({"direction", "Geef voor een wijkteam of jeugdteam de regierol op: municipality of contractor"});
  } else if (*unit.direction == Direction::Contractor && unit.contractor.empty()) {
    problems.push_back({"contractor", "Bij regierol 'contractor' is de naam van de hoofdaannemer verplicht"});
  } else if (*unit.direction == Direction::Municipality && !unit.contractor.empty()) {
    problems.push_back({"contractor", "Bij regierol 'municipality' is er geen hoofdaannemer; laat dit veld leeg"});
  }
  check_optional_name(problems, "contractor", unit.contractor, "De naam van de hoofdaannemer");
  return problems;
}

std::vector<FieldProblem> check_function(const Function& function) {
  std::vector<FieldProblem> problems;
  check_text(problems, TextKind::code, "code", function.code, "De functiecode");
  check_text(problems, TextKind::name, "name", function.name, "De functienaam");
  check_text(problems, TextKind::code, "level", function.level, "Het functieniveau");
  if (function.scale < 1 || function.scale > 18) {
    problems.push_back({"scale", fmt::format("Schaal {} bestaat niet: gemeentelijke salarisschalen lopen van 1 tot en met 18",
                                             function.scale)});
  }
  return problems;
}

std::vector<FieldProblem> check_position(const Position& position) {
  std::vector<FieldProblem> problems;
  if (position.fte.milli() <= 0) {
    problems.push_back({"fte", "Het aantal fte van een formatieplaats moet groter dan 0 zijn"});
  } else if (position.fte.milli() > 1'000'000) {
    problems.push_back({"fte", "Het aantal fte van één formatieregel is groter dan 1000; splits of controleer het getal"});
  }
  if (position.kind == PositionKind::Temporary && !position.end_date) {
    problems.push_back({"end_date", "Een tijdelijke formatieplaats heeft een einddatum nodig"});
  }
  if (position.kind == PositionKind::Structural && position.end_date) {
    problems.push_back({"end_date", "Een structurele formatieplaats heeft geen einddatum; kies soort 'temporary' of laat de "
                                    "einddatum leeg"});
  }
  return problems;
}

std::vector<FieldProblem> check_person(const Person& person) {
  std::vector<FieldProblem> problems;
  check_text(problems, TextKind::code, "personnel_number", person.personnel_number, "Het personeelsnummer");
  check_text(problems, TextKind::name, "name", person.name, "De naam");
  if (person.fte.milli() <= 0) {
    problems.push_back({"fte", "Het aantal fte moet groter dan 0 zijn"});
  } else if (person.fte.milli() > kMaxPersonFteMilli) {
    problems.push_back({"fte", fmt::format("Het aantal fte ({}) is meer dan het maximum van 1,2", dutch_decimal(person.fte))});
  }
  if (person.contract == Contract::Temporary && !person.contract_end) {
    problems.push_back({"contract_end", "Een tijdelijk contract heeft een einddatum nodig"});
  }
  if (person.contract == Contract::Permanent && person.contract_end) {
    problems.push_back({"contract_end", "Een vast contract heeft geen einddatum; kies contract 'temporary' of laat de "
                                        "einddatum leeg"});
  }
  if (person.contract_end && person.hire_date && *person.contract_end < *person.hire_date) {
    problems.push_back({"contract_end", "De einddatum van het contract ligt vóór de datum van indiensttreding"});
  }
  if (is_external(person.engagement)) {
    if (person.organisation.empty()) {
      problems.push_back({"organisation", "Bij een gedetacheerde of ingehuurde kracht is de organisatie verplicht"});
    }
  } else {
    if (!person.organisation.empty()) {
      problems.push_back({"organisation", "Een medewerker in dienst van de gemeente heeft geen externe organisatie; laat dit "
                                          "veld leeg"});
    }
    if (person.function_code.empty()) {
      problems.push_back({"function_code", "Een medewerker in dienst van de gemeente heeft een functie nodig"});
    }
  }
  if (!person.function_code.empty() && person.level.empty()) {
    problems.push_back({"level", "Geef bij de functie ook het functieniveau op"});
  }
  if (person.function_code.empty() && !person.level.empty()) {
    problems.push_back({"function_code", "Er is een functieniveau opgegeven zonder functie"});
  }
  check_optional_name(problems, "organisation", person.organisation, "De organisatienaam");
  return problems;
}

}  // namespace kwm::org
