#include "placement/access.hpp"

namespace kwm::placement::access {

namespace {
const std::vector<Grant> kHr{{Role::admin, Scope::organisation}, {Role::hr, Scope::organisation}};
const std::vector<Grant> kHrAndCouncil{{Role::admin, Scope::organisation},
                                       {Role::hr, Scope::organisation},
                                       {Role::works_council, Scope::aggregates}};
const std::vector<Grant> kHrAndEmployee{{Role::admin, Scope::organisation},
                                        {Role::hr, Scope::organisation},
                                        {Role::employee, Scope::own_record}};
const std::vector<Grant> kEmployee{{Role::employee, Scope::own_record}};
}  // namespace

// The works council sees a reorganisation in outline; an employee those whose old formation holds them or
// whose runs placed them.
const Action read_reorganisations{"placement.reorganisations.read",
                                  "Reorganisaties bekijken",
                                  {{Role::admin, Scope::organisation},
                                   {Role::hr, Scope::organisation},
                                   {Role::works_council, Scope::aggregates},
                                   {Role::employee, Scope::own_record}}};
const Action write_reorganisations{"placement.reorganisations.write", "Reorganisaties aanmaken en wijzigen", kHr};
const Action read_scope{"placement.scope.read", "Oude en nieuwe formatie van een reorganisatie bekijken", kHr};
const Action read_mapping{"placement.mapping.read", "De koppeling van oude aan nieuwe functies bekijken", kHrAndCouncil};
const Action write_mapping{"placement.mapping.write", "De koppeling van oude aan nieuwe functies voorstellen en vaststellen", kHr};
const Action own_preferences{"placement.own_preferences", "Eigen voorkeuren bekijken en opgeven", kEmployee};
const Action read_preferences{"placement.preferences.read", "Voorkeuren van alle medewerkers bekijken", kHr};
const Action write_preferences{"placement.preferences.write", "Voorkeuren van een medewerker invoeren", kHr};
const Action read_selection{"placement.selection.read", "Gespreksscores en beoordelingen bekijken", kHr};
const Action write_selection{"placement.selection.write", "Gespreksscores en beoordelingen invoeren", kHr};
const Action read_suitability{"placement.suitability.read", "Geschiktheid per medewerker en plaats bekijken", kHr};
const Action read_pair_decisions{"placement.pair_decisions.read", "Vastgezette en uitgesloten paren bekijken", kHr};
const Action write_pair_decisions{"placement.pair_decisions.write", "Paren vastzetten, uitsluiten en vrijgeven", kHr};
const Action create_runs{"placement.runs.create", "De plaatsing laten uitvoeren", kHr};
const Action read_runs{"placement.runs.read", "Plaatsingsruns en hun cijfers bekijken", kHrAndCouncil};
const Action read_run_details{"placement.runs.details", "Plaatsingen en boventalligen van een run bekijken", kHr};
const Action confirm_runs{"placement.runs.confirm", "Een run als uitkomst bevestigen", kHr};
const Action read_explanations{"placement.explanations.read", "De uitleg per medewerker van een run bekijken", kHr};
const Action own_explanation{"placement.own_explanation", "De eigen uitleg van de bevestigde plaatsing bekijken", kEmployee};
const Action read_vacancies{"placement.vacancies.read", "Vacatures uit de bevestigde plaatsing bekijken", kHrAndCouncil};
const Action write_vacancies{"placement.vacancies.write", "Vacatures naar hun volgende fase zetten", kHr};
const Action read_objections{"placement.objections.read", "Bezwaren bekijken", kHrAndEmployee};
const Action register_objections{"placement.objections.register", "Bezwaar registreren", kHrAndEmployee};
const Action decide_objections{"placement.objections.decide", "Op bezwaren beslissen", kHr};

const Policy& policy() {
  static const Policy placement{"placement",
                                {&read_reorganisations, &write_reorganisations, &read_scope, &read_mapping, &write_mapping,
                                 &own_preferences, &read_preferences, &write_preferences, &read_selection, &write_selection,
                                 &read_suitability, &read_pair_decisions, &write_pair_decisions, &create_runs, &read_runs,
                                 &read_run_details, &confirm_runs, &read_explanations, &own_explanation, &read_vacancies,
                                 &write_vacancies, &read_objections, &register_objections, &decide_objections}};
  return placement;
}

}  // namespace kwm::placement::access
