#include "org/access.hpp"

namespace kwm::org::access {

namespace {
const std::vector<Grant> kHr{{Role::admin, Scope::organisation}, {Role::hr, Scope::organisation}};
}  // namespace

// Units and formation lines carry no personal data: the works council sees them whole, a manager the units
// they lead.
const Action read_units{"org.units.read",
                        "Eenheden, formatie en teampagina's bekijken",
                        {{Role::admin, Scope::organisation},
                         {Role::hr, Scope::organisation},
                         {Role::works_council, Scope::organisation},
                         {Role::manager, Scope::own_units}}};
const Action write_units{"org.units.write", "Eenheden en formatieregels aanmaken, wijzigen en verwijderen", kHr};
const Action read_functions{"org.functions.read",
                            "Functies bekijken",
                            {{Role::admin, Scope::organisation},
                             {Role::hr, Scope::organisation},
                             {Role::manager, Scope::organisation},
                             {Role::works_council, Scope::organisation},
                             {Role::employee, Scope::organisation}}};
const Action write_functions{"org.functions.write", "Functies aanmaken, wijzigen en verwijderen", kHr};
// Personal records: HR all, a manager the people of their units, an employee themselves, a care
// organisation its own seconded and hired workers; the works council none (aggregates only).
const Action read_people{"org.people.read",
                         "Personen bekijken",
                         {{Role::admin, Scope::organisation},
                          {Role::hr, Scope::organisation},
                          {Role::manager, Scope::own_units},
                          {Role::employee, Scope::own_record},
                          {Role::external, Scope::own_organisation}}};
const Action write_people{"org.people.write", "Personen aanmaken, wijzigen en verwijderen", kHr};
const Action import_files{"org.import", "Eenheden, functies, formatie en personen importeren", kHr};
const Action export_files{"org.export", "Eenheden, functies, formatie en personen exporteren", kHr};
const Action read_templates{"org.templates.read", "Lege importbestanden downloaden", every_role(Scope::organisation)};

const Policy& policy() {
  static const Policy organisation{"org",
                                   {&read_units, &write_units, &read_functions, &write_functions, &read_people, &write_people,
                                    &import_files, &export_files, &read_templates}};
  return organisation;
}

}  // namespace kwm::org::access
