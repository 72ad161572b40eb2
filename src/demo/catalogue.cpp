#include "demo/catalogue.hpp"

#include <array>
#include <stdexcept>
#include <string>

namespace kwm::demo {
namespace {

// Names and levels follow the study: generalist casemanagers with three levels, consultants whose work
// moved to the district teams ("changed"), new functions for purchasing, contract management and the
// transition (kwartiermaker), and the seconded disciplines of a district team.
constexpr std::array kCatalogue = {
    FunctionLevel{"LEID", "Leidinggevende", "teamleider", "hbo", 11, "unchanged", true},
    FunctionLevel{"LEID", "Leidinggevende", "afdelingsmanager", "wo", 13, "unchanged", true},
    FunctionLevel{"LEID", "Leidinggevende", "directeur", "wo", 15, "unchanged", true},
    FunctionLevel{"PGM", "Programmamanager sociaal domein", "programmamanager", "wo", 13, "new", true},
    FunctionLevel{"KWM", "Kwartiermaker", "kwartiermaker", "wo", 12, "new", true},
    FunctionLevel{"PRL", "Projectleider leertraject", "projectleider", "hbo", 11, "new", true},
    FunctionLevel{"CMG", "Casemanager sociaal domein", "casemanager", "hbo", 9, "new", true},
    FunctionLevel{"CMG", "Casemanager sociaal domein", "senior", "hbo", 10, "new", true},
    FunctionLevel{"CMG", "Casemanager sociaal domein", "expert", "hbo", 11, "new", true},
    FunctionLevel{"CWMO", "Consulent Wmo", "consulent", "hbo", 9, "changed", true},
    FunctionLevel{"CWMO", "Consulent Wmo", "senior", "hbo", 10, "changed", true},
    FunctionLevel{"JGC", "Jeugdconsulent", "consulent", "hbo", 9, "new", true},
    FunctionLevel{"JGC", "Jeugdconsulent", "senior", "hbo", 10, "new", true},
    FunctionLevel{"WKC", "Wijkteamcoördinator", "coordinator", "hbo", 10, "new", true},
    FunctionLevel{"KMW", "Klantmanager Werk en Inkomen", "klantmanager", "hbo", 9, "changed", true},
    FunctionLevel{"KMW", "Klantmanager Werk en Inkomen", "senior", "hbo", 10, "changed", true},
    FunctionLevel{"INC", "Inkomensconsulent", "consulent", "mbo", 8, "unchanged", true},
    FunctionLevel{"INC", "Inkomensconsulent", "senior", "hbo", 9, "unchanged", true},
    FunctionLevel{"RIC", "Re-integratieconsulent", "consulent", "hbo", 9, "changed", true},
    FunctionLevel{"JOB", "Jobcoach", "jobcoach", "mbo", 8, "changed", true},
    FunctionLevel{"SRC", "Sociaal rechercheur", "rechercheur", "hbo", 9, "unchanged", true},
    FunctionLevel{"BLM", "Beleidsmedewerker sociaal domein", "medior", "hbo", 10, "changed", true},
    FunctionLevel{"BLM", "Beleidsmedewerker sociaal domein", "senior", "wo", 11, "changed", true},
    FunctionLevel{"BLM", "Beleidsmedewerker sociaal domein", "strategisch", "wo", 12, "changed", true},
    FunctionLevel{"ADS", "Adviseur samenleving", "adviseur", "hbo", 10, "changed", true},
    FunctionLevel{"CTM", "Contractmanager sociaal domein", "contractmanager", "hbo", 10, "new", true},
    FunctionLevel{"CTM", "Contractmanager sociaal domein", "senior", "wo", 11, "new", true},
    FunctionLevel{"IKA", "Inkoopadviseur sociaal domein", "adviseur", "hbo", 10, "new", true},
    FunctionLevel{"KCC", "Medewerker klantcontact", "medewerker", "mbo", 6, "changed", true},
    FunctionLevel{"KCC", "Medewerker klantcontact", "senior", "mbo", 7, "changed", true},
    FunctionLevel{"BOF", "Medewerker backoffice sociaal domein", "medewerker", "mbo", 7, "changed", true},
    FunctionLevel{"BOF", "Medewerker backoffice sociaal domein", "senior", "mbo", 8, "changed", true},
    FunctionLevel{"ADM", "Administratief medewerker", "medewerker", "mbo", 6, "unchanged", true},
    FunctionLevel{"JUR", "Juridisch medewerker bezwaar en beroep", "medewerker", "hbo", 10, "unchanged", true},
    FunctionLevel{"KWA", "Kwaliteitsmedewerker", "medewerker", "hbo", 9, "unchanged", true},
    FunctionLevel{"WVP", "Wijkverpleegkundige", "wijkverpleegkundige", "hbo", 9, "new", true},
    FunctionLevel{"MWK", "Maatschappelijk werker", "maatschappelijk-werker", "hbo", 9, "unchanged", true},
    FunctionLevel{"GZC", "Gezinscoach", "gezinscoach", "hbo", 9, "new", true},
    // Departments outside the social domain, for the national demo's full municipal organisations.
    FunctionLevel{"MAS", "Managementassistent", "assistent", "mbo", 7, "unchanged", false},
    FunctionLevel{"BSA", "Bestuursadviseur", "adviseur", "wo", 11, "unchanged", false},
    FunctionLevel{"COM", "Communicatieadviseur", "adviseur", "hbo", 10, "unchanged", false},
    FunctionLevel{"PUB", "Medewerker publiekszaken", "medewerker", "mbo", 6, "unchanged", false},
    FunctionLevel{"PUB", "Medewerker publiekszaken", "senior", "mbo", 8, "unchanged", false},
    FunctionLevel{"VGV", "Vergunningverlener", "medewerker", "hbo", 9, "unchanged", false},
    FunctionLevel{"THH", "Toezichthouder en handhaver", "medewerker", "mbo", 8, "unchanged", false},
    FunctionLevel{"ARO", "Adviseur ruimtelijke ordening", "adviseur", "hbo", 10, "unchanged", false},
    FunctionLevel{"ARO", "Adviseur ruimtelijke ordening", "senior", "wo", 11, "unchanged", false},
    FunctionLevel{"POR", "Projectleider openbare ruimte", "projectleider", "hbo", 11, "unchanged", false},
    FunctionLevel{"BUD", "Medewerker buitendienst", "medewerker", "mbo", 5, "unchanged", false},
    FunctionLevel{"BUD", "Medewerker buitendienst", "voorman", "mbo", 7, "unchanged", false},
    FunctionLevel{"FIN", "Financieel adviseur", "adviseur", "hbo", 10, "unchanged", false},
    FunctionLevel{"HRA", "HR-adviseur", "adviseur", "hbo", 10, "unchanged", false},
    FunctionLevel{"ICT", "Medewerker informatievoorziening", "medewerker", "mbo", 8, "unchanged", false},
    FunctionLevel{"ICT", "Medewerker informatievoorziening", "adviseur", "hbo", 10, "unchanged", false},
    FunctionLevel{"JUA", "Juridisch adviseur", "adviseur", "wo", 11, "unchanged", false},
    FunctionLevel{"FAC", "Medewerker facilitaire zaken", "medewerker", "mbo", 5, "unchanged", false},
};

}  // namespace

std::span<const FunctionLevel> function_catalogue() { return kCatalogue; }

const FunctionLevel& function_level(std::string_view code, std::string_view level) {
  for (const FunctionLevel& row : kCatalogue) {
    if (row.code == code && row.level == level) return row;
  }
  throw std::out_of_range("demo catalogue has no function level " + std::string(code) + "/" + std::string(level));
}

}  // namespace kwm::demo
