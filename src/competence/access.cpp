#include "competence/access.hpp"

namespace kwm::competence::access {

namespace {
const Grant kAdmin{Role::admin, Scope::organisation};
const Grant kHr{Role::hr, Scope::organisation};
const std::vector<Grant> kAdminAndHr{kAdmin, kHr};
}  // namespace

// Frameworks and profiles describe functions, not people: whoever reads them reads them whole.
const Action read_frameworks{"competence.frameworks.read",
                             "Competentiekaders en referentiekaders bekijken",
                             {kAdmin, kHr, {Role::manager, Scope::organisation}, {Role::works_council, Scope::organisation}}};
const Action write_frameworks{"competence.frameworks.write", "Competentiekaders inlezen, wijzigen, overnemen en verwijderen",
                              kAdminAndHr};
const Action read_profiles{"competence.profiles.read",
                           "Functieprofielen, vergelijkingen en loopbaanpaden bekijken",
                           {kAdmin,
                            kHr,
                            {Role::manager, Scope::organisation},
                            {Role::employee, Scope::organisation},
                            {Role::works_council, Scope::organisation}}};
const Action write_profiles{"competence.profiles.write", "Functieprofielen vastleggen en inlezen", kAdminAndHr};
const Action export_catalogue{"competence.catalogue.export", "Competentiekaders en functieprofielen exporteren", kAdminAndHr};
const Action external_organisations{"competence.external_organisations",
                                    "Instemming van externe organisaties met beoordeling beheren", kAdminAndHr};

// Rounds and ratings are about people: a manager reaches the people of their units, an employee
// themselves, an external assessor the rounds they were linked to, the works council totals only.
const Action read_rounds{"competence.rounds.read",
                         "Beoordelingsrondes bekijken",
                         {kAdmin,
                          kHr,
                          {Role::manager, Scope::own_units},
                          {Role::employee, Scope::own_record},
                          {Role::works_council, Scope::aggregates},
                          {Role::assessor, Scope::assigned}}};
const Action manage_rounds{"competence.rounds.write",
                           "Beoordelingsrondes aanmaken, uitbreiden en sluiten; toestemming en assessoren vastleggen", kAdminAndHr};
const Action read_participants{"competence.participants.read",
                               "Deelnemers van een ronde bekijken",
                               {kAdmin,
                                kHr,
                                {Role::manager, Scope::own_units},
                                {Role::employee, Scope::own_record},
                                {Role::assessor, Scope::assigned}}};
const Action read_progress{"competence.progress.read",
                           "Voortgang per persoon en bron bekijken",
                           {kAdmin, kHr, {Role::manager, Scope::own_units}}};
const Action read_forms{"competence.forms.read",
                        "Beoordelingsformulieren bekijken",
                        {kAdmin,
                         kHr,
                         {Role::manager, Scope::own_units},
                         {Role::employee, Scope::own_record},
                         {Role::assessor, Scope::assigned}}};
const Action rate{"competence.forms.write",
                  "Beoordelingsformulieren invullen",
                  {{Role::manager, Scope::own_units}, {Role::employee, Scope::own_record}, {Role::assessor, Scope::assigned}}};
const Action self_assessment{"competence.self_assessment",
                             "De eigen zelfbeoordeling invullen en toestemming geven",
                             {{Role::employee, Scope::own_record}}};
const Action transfer_assessments{"competence.assessments.transfer", "Beoordelingen inlezen en exporteren", kAdminAndHr};
const Action read_results{"competence.results.read",
                          "Uitkomsten en tekorten van personen bekijken",
                          {kAdmin, kHr, {Role::manager, Scope::own_units}, {Role::employee, Scope::own_record}}};
const Action read_team_heatmap{"competence.team_heatmap.read",
                               "Teamoverzicht van personen en competenties bekijken",
                               {kAdmin, kHr, {Role::manager, Scope::own_units}}};
const Action read_aggregates{"competence.aggregates.read",
                             "Totalen bekijken: heatmap, dekking en groei",
                             {kAdmin, kHr, {Role::manager, Scope::own_units}, {Role::works_council, Scope::aggregates}}};
const Action read_selection_evidence{"competence.selection_evidence.read",
                                     "Bekijken wat selectie en plaatsing van een ronde mogen gebruiken", kAdminAndHr};

const Policy& policy() {
  static const Policy competence{"competence",
                                 {&read_frameworks, &write_frameworks, &read_profiles, &write_profiles, &export_catalogue,
                                  &external_organisations, &read_rounds, &manage_rounds, &read_participants, &read_progress,
                                  &read_forms, &rate, &self_assessment, &transfer_assessments, &read_results, &read_team_heatmap,
                                  &read_aggregates, &read_selection_evidence}};
  return competence;
}

}  // namespace kwm::competence::access
