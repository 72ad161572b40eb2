#include "demo/blueprints.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <vector>

#include <fmt/format.h>

#include "demo/names.hpp"

namespace kwm::demo {
namespace {

constexpr const char* kAllPillars = "care|youth|participation";

// A count from the case municipality scaled to this one's inhabitants, never below `minimum`.
int scaled(int count_at_base, std::int64_t inhabitants, std::int64_t base, int minimum = 1) {
  const std::int64_t value = (count_at_base * inhabitants + base / 2) / base;
  return static_cast<int>(std::max<std::int64_t>(minimum, value));
}

Fte scaled_fte(std::int64_t milli_at_base, std::int64_t inhabitants, std::int64_t base) {
  return Fte::from_milli((milli_at_base * inhabitants + base / 2) / base);
}

// Secondment agreements run to the end of the year; one that would end within two months is renewed.
Date secondment_end(Date reference) {
  const std::chrono::year_month_day ymd(reference.days());
  const int year = static_cast<int>(ymd.year());
  const Date this_year = *Date::from_ymd(year, 12, 31);
  return this_year.plus_days(-60) < reference ? *Date::from_ymd(year + 1, 12, 31) : this_year;
}

// Main contractors are contracted for a few years after a tender.
Date tender_end(Random& random, Date reference) {
  const std::chrono::year_month_day ymd(reference.days());
  return *Date::from_ymd(static_cast<int>(ymd.year()) + static_cast<int>(random.between(1, 3)), 12, 31);
}

// The directed team's row: direction and contractor follow the model.
UnitSpec directed_team(std::string code, std::string name, const std::string& parent, const char* kind,
                       const char* pillars, bool contractor_directs, const std::string& contractor) {
  return UnitSpec{std::move(code), std::move(name), parent, kind, pillars,
                  contractor_directs ? "contractor" : "municipality", contractor_directs ? contractor : ""};
}

// A team's first municipal consultant is always there: the team type depends on it.
Staffing resident() {
  Staffing staffing;
  staffing.vacant = 0;
  staffing.hired = 0;
  staffing.seconded = 0;
  return staffing;
}

// Adds `count` consultant seats of which the first is always filled by a municipal employee.
void add_consultants(Organisation& org, const std::string& unit, std::string_view function_code, std::string_view level,
                     int count) {
  if (count <= 0) return;
  org.add_seats(unit, function_code, level, 1, resident());
  org.add_seats(unit, function_code, level, count - 1);
}

Staffing leaders() {
  Staffing staffing;
  staffing.vacant = 30;
  staffing.hired = 40;
  staffing.seconded = 0;
  staffing.temporary_position = 0;
  staffing.temporary_contract = 40;
  staffing.full_time = true;
  return staffing;
}

// The transition programme of 2015 onwards: temporary positions, some of which end within six months.
Staffing transition() {
  Staffing staffing;
  staffing.vacant = 80;
  staffing.hired = 250;
  staffing.seconded = 0;
  staffing.full_time = true;
  staffing.temporary = true;
  staffing.temporary_min_days = 45;
  staffing.temporary_max_days = 170;
  return staffing;
}

// Purchasing and contract management were new and hard to fill from inside: more vacancies and interims.
Staffing hard_to_fill() {
  Staffing staffing;
  staffing.vacant = 150;
  staffing.hired = 120;
  return staffing;
}

Staffing flex_pool() {
  Staffing staffing;
  staffing.vacant = 0;
  staffing.hired = 0;
  staffing.seconded = 0;
  staffing.temporary_contract = 700;
  return staffing;
}

// The external organisations of one municipality's area teams: a home-care provider for the district
// nurse, a welfare foundation for the social worker and a youth-care provider for the family coach.
struct CareProviders {
  std::string home_care;
  std::string welfare;
  std::string youth_care;
};
CareProviders draw_care_providers(Random& random) {
  return CareProviders{fmt::format("Thuiszorg {}", place_name(random)), fmt::format("Stichting Welzijn {}", place_name(random)),
                       fmt::format("Jeugdhulp {}", place_name(random))};
}

// The seconded disciplines in turn: nurse, social worker, family coach, social worker, ...
void add_seconded_disciplines(Organisation& org, const std::string& team, const CareProviders& providers, int count,
                              Date agreement_end) {
  for (int i = 0; i < count; ++i) {
    switch (i % 4) {
      case 0: org.add_external_worker(team, providers.home_care, agreement_end, "WVP", "wijkverpleegkundige"); break;
      case 1: org.add_external_worker(team, providers.welfare, agreement_end, "MWK", "maatschappelijk-werker"); break;
      case 2: org.add_external_worker(team, providers.youth_care, agreement_end, "GZC", "gezinscoach"); break;
      default: org.add_external_worker(team, providers.welfare, agreement_end, "MWK", "maatschappelijk-werker"); break;
    }
  }
}

// A team's external members: the contractor's own workers when it directs the team, else seconded
// disciplines the municipality describes in its function house.
void add_team_externals(Organisation& org, const std::string& team, TeamModel model, const std::string& contractor,
                        Date contract_end, const CareProviders& providers, int count) {
  if (model.contractor_directs) {
    for (int i = 0; i < count; ++i) org.add_external_worker(team, contractor, contract_end);
  } else {
    add_seconded_disciplines(org, team, providers, count, secondment_end(org.reference()));
  }
}

}  // namespace

std::string build_small_social_domain(Blueprint& blueprint, const std::string& parent, TeamModel model) {
  Organisation& org = blueprint.organisation;
  const std::int64_t inhabitants = blueprint.inhabitants;
  constexpr std::int64_t kBase = 15'000;
  const std::string root = "SD";
  org.add_unit({root, "Afdeling Sociaal Domein", parent, "department", kAllPillars, "", ""});
  org.add_seats(root, "LEID", "afdelingsmanager", 1, leaders());

  // Simple questions go to the front desk; the social team takes the complex ones (care and youth
  // together; participation is left to a regional social service).
  const std::string desk = root + "-LOK";
  org.add_unit({desk, "Loket Sociaal Domein", root, "front_office", kAllPillars, "", ""});
  org.add_seats(desk, "KCC", "medewerker", scaled(1, inhabitants, kBase));
  org.add_seats(desk, "CWMO", "consulent", scaled(2, inhabitants, kBase));

  const std::string team = root + "-ST";
  const std::string contractor = fmt::format("Zorgcoöperatie {}", place_name(org.random()));
  org.add_unit(directed_team(team, "Sociaal Team", root, "district_team", "care|youth", model.contractor_directs, contractor));
  const std::string consultants_unit = model.municipal_consultants ? team : desk;
  add_consultants(org, consultants_unit, "CWMO", "consulent", scaled(2, inhabitants, kBase));
  org.add_seats(consultants_unit, "JGC", "consulent", scaled(1, inhabitants, kBase));
  org.add_seats(consultants_unit, "CMG", "casemanager", 1);
  if (!model.municipal_consultants && !model.contractor_directs) org.add_seats(team, "WKC", "coordinator", 1, leaders());
  const CareProviders providers = draw_care_providers(org.random());
  const int externals = model.municipal_consultants ? 3 : 5;
  add_team_externals(org, team, model, contractor, tender_end(org.random(), org.reference()), providers,
                     scaled(externals, inhabitants, kBase));

  const std::string policy = root + "-BEL";
  org.add_unit({policy, "Beleid en Inkoop", root, "policy", kAllPillars, "", ""});
  org.add_seats(policy, "BLM", "medior", scaled(1, inhabitants, kBase));
  org.add_seats(policy, "BLM", "senior", 1);
  org.add_seats(policy, "CTM", "contractmanager", 1, hard_to_fill());
  org.add_seats(policy, "KWM", "kwartiermaker", 1, transition());

  const std::string back_office = root + "-BO";
  org.add_unit({back_office, "Backoffice Sociaal Domein", root, "back_office", kAllPillars, "", ""});
  org.add_seats(back_office, "BOF", "medewerker", scaled(2, inhabitants, kBase));
  org.add_seats(back_office, "ADM", "medewerker", 1);
  return root;
}

std::string build_medium_social_domain(Blueprint& blueprint, const std::string& parent, TeamModel model) {
  Organisation& org = blueprint.organisation;
  const std::int64_t inhabitants = blueprint.inhabitants;
  constexpr std::int64_t kBase = 42'000;
  const std::string root = "PSD";
  org.add_unit({root, "Programma Sociaal Domein", parent, "department", kAllPillars, "", ""});
  org.add_seats(root, "PGM", "programmamanager", 1, leaders());

  const std::string policy = root + "-BEL";
  org.add_unit({policy, "Beleid", root, "policy", kAllPillars, "", ""});
  org.add_seats(policy, "KWM", "kwartiermaker", 1, transition());
  constexpr std::array<Mix, 4> kPolicyMix = {
      Mix{"BLM", "medior", 4}, Mix{"BLM", "senior", 3}, Mix{"BLM", "strategisch", 1}, Mix{"CTM", "contractmanager", 1}};
  org.fill_to_fte(policy, scaled_fte(7'200, inhabitants, kBase), kPolicyMix);

  const std::string community = root + "-SAM";
  org.add_unit({community, "Team Samenleving", root, "team", "care|youth", "", ""});
  org.add_seats(community, "LEID", "teamleider", 1, leaders());
  constexpr std::array<Mix, 3> kCommunityMix = {Mix{"ADS", "adviseur", 6}, Mix{"BLM", "medior", 1}, Mix{"ADM", "medewerker", 1}};
  org.fill_to_fte(community, scaled_fte(11'000, inhabitants, kBase), kCommunityMix);

  // Work, income and care: the three executive teams under one sector.
  const std::string executive = root + "-WIZ";
  org.add_unit({executive, "Werk, Inkomen en Zorg", root, "sector", kAllPillars, "", ""});

  const std::string care = executive + "-ZO";
  org.add_unit({care, "Team Zorg en Ondersteuning", executive, "team", "care|youth", "", ""});
  org.add_seats(care, "LEID", "teamleider", 1, leaders());

  // One area team per ~14,000 inhabitants; the most populous area has two more members.
  const int areas = scaled(3, inhabitants, kBase, 2);
  const CareProviders providers = draw_care_providers(org.random());
  const std::string contractor = fmt::format("Stichting Wijkkracht {}", place_name(org.random()));
  const Date contract_end = tender_end(org.random(), org.reference());
  const int larger_area = static_cast<int>(org.random().below(static_cast<std::uint64_t>(areas)));
  Fte area_consultants;
  for (int area = 0; area < areas; ++area) {
    const std::string team = fmt::format("{}-GT{:02}", care, area + 1);
    const std::string name = "Gebiedsteam " + unique_place_name(org.random(), blueprint.place_names);
    org.add_unit(directed_team(team, name, care, "district_team", "care|youth", model.contractor_directs, contractor));
    const int extra = area == larger_area ? 1 : 0;
    if (model.municipal_consultants) {
      add_consultants(org, team, "CWMO", "consulent", 1 + extra);
      area_consultants += org.budgeted(team);
    } else if (!model.contractor_directs) {
      org.add_seats(team, "WKC", "coordinator", 1, leaders());
    }
    const int externals = model.municipal_consultants ? 3 + extra : 4 + 2 * extra;
    add_team_externals(org, team, model, contractor, contract_end, providers, externals);
  }
  // The study's 12.3 FTE of care and support include the consultants working in the area teams.
  constexpr std::array<Mix, 5> kCareMix = {Mix{"CWMO", "consulent", 4}, Mix{"CWMO", "senior", 2}, Mix{"JGC", "consulent", 2},
                                           Mix{"JGC", "senior", 1}, Mix{"CMG", "casemanager", 2}};
  org.fill_to_fte(care, scaled_fte(12'300, inhabitants, kBase) - area_consultants, kCareMix);

  const std::string work = executive + "-WI";
  org.add_unit({work, "Team Werk en Inkomen", executive, "work_income", "participation", "", ""});
  org.add_seats(work, "LEID", "teamleider", 1, leaders());
  constexpr std::array<Mix, 6> kWorkMix = {Mix{"KMW", "klantmanager", 4}, Mix{"KMW", "senior", 1}, Mix{"INC", "consulent", 3},
                                           Mix{"RIC", "consulent", 2},    Mix{"JOB", "jobcoach", 1}, Mix{"SRC", "rechercheur", 1}};
  org.fill_to_fte(work, scaled_fte(11'500, inhabitants, kBase), kWorkMix);

  const std::string back_office = executive + "-BO";
  org.add_unit({back_office, "Backoffice Sociaal Domein", executive, "back_office", kAllPillars, "", ""});
  org.add_seats(back_office, "LEID", "teamleider", 1, leaders());
  constexpr std::array<Mix, 5> kBackOfficeMix = {Mix{"BOF", "medewerker", 5}, Mix{"BOF", "senior", 2}, Mix{"ADM", "medewerker", 2},
                                                 Mix{"JUR", "medewerker", 1}, Mix{"KWA", "medewerker", 1}};
  org.fill_to_fte(back_office, scaled_fte(10'900, inhabitants, kBase), kBackOfficeMix);
  return root;
}

std::string build_large_social_domain(Blueprint& blueprint, const std::string& parent, TeamModel district_teams) {
  Organisation& org = blueprint.organisation;
  Random& random = org.random();
  const std::int64_t inhabitants = blueprint.inhabitants;
  constexpr std::int64_t kBase = 150'000;
  auto count = [&](int at_base) { return scaled(at_base, inhabitants, kBase); };

  const std::string root = "MO";
  org.add_unit({root, "Domein Maatschappelijke Ontwikkeling", parent, "department", kAllPillars, "", ""});
  org.add_seats(root, "LEID", "directeur", 1, leaders());
  org.add_seats(root, "ADM", "medewerker", count(2));

  const std::string front = root + "-FL";
  org.add_unit({front, "Sector Frontlijn", root, "sector", kAllPillars, "", ""});
  org.add_seats(front, "LEID", "afdelingsmanager", 1, leaders());
  org.add_seats(front, "LEID", "teamleider", count(3), leaders());
  const std::string desk = front + "-LOK";
  org.add_unit({desk, "Loket Maatschappelijke Ontwikkeling", front, "front_office", kAllPillars, "", ""});
  constexpr std::array<Mix, 3> kDeskMix = {Mix{"KCC", "medewerker", 6}, Mix{"KCC", "senior", 2}, Mix{"CWMO", "consulent", 2}};
  org.fill_to_employees(desk, count(20), kDeskMix);
  // The municipality's own outreach team for the most complex cases: directed and staffed by the
  // municipality (type 4) even where contractors run the district teams.
  const std::string outreach = front + "-VN";
  org.add_unit({outreach, "Team Vangnet", front, "district_team", kAllPillars, "municipality", ""});
  add_consultants(org, outreach, "CMG", "senior", count(2));
  org.add_seats(outreach, "CMG", "expert", count(2));

  const std::string teams = root + "-WJ";
  org.add_unit({teams, "Wijk- en jeugdteams", root, "sector", "care|youth", "", ""});
  org.add_seats(teams, "WKC", "coordinator", count(2), leaders());
  std::vector<std::string> contractors;
  const int contractor_count = std::max(2, count(3));
  for (int i = 0; i < contractor_count; ++i) {
    static constexpr std::array<const char*, 3> kForms = {"Stichting Wijkkracht {}", "Zorgcoöperatie {}", "Welzijnsgroep {}"};
    contractors.push_back(fmt::format(fmt::runtime(kForms[static_cast<std::size_t>(i) % kForms.size()]), place_name(random)));
  }
  const Date contract_end = tender_end(random, org.reference());
  const CareProviders providers = draw_care_providers(random);
  // Two in eleven district teams go the other way on municipal consultants, so both variants of the
  // model's direction occur.
  const int district_count = count(11);
  const int flipped = std::max(1, (district_count * 2 + 5) / 11);
  std::vector<char> flip(static_cast<std::size_t>(district_count), 0);
  for (int i = 0; i < flipped && i < district_count; ++i) flip[static_cast<std::size_t>(i)] = 1;
  for (std::size_t i = flip.size(); i > 1; --i) std::swap(flip[i - 1], flip[random.below(i)]);  // Fisher-Yates
  constexpr std::array<Mix, 3> kCaseManagerMix = {Mix{"CMG", "casemanager", 3}, Mix{"CMG", "senior", 1}, Mix{"CMG", "expert", 1}};
  for (int i = 0; i < district_count; ++i) {
    TeamModel model = district_teams;
    if (flip[static_cast<std::size_t>(i)]) model.municipal_consultants = !model.municipal_consultants;
    const std::string team = fmt::format("{}-WT{:02}", teams, i + 1);
    const std::string& contractor = contractors[static_cast<std::size_t>(i % contractor_count)];
    org.add_unit(directed_team(team, "Wijkteam " + unique_place_name(random, blueprint.place_names), teams, "district_team",
                               "care|youth", model.contractor_directs, contractor));
    int externals = static_cast<int>(random.between(9, 11));
    if (model.municipal_consultants) {
      const int case_managers = static_cast<int>(random.between(4, 6));
      for (int m = 0; m < case_managers; ++m) {
        const Mix& pick = kCaseManagerMix[random.below(kCaseManagerMix.size())];
        if (m == 0) {
          add_consultants(org, team, pick.function_code, pick.level, 1);
        } else {
          org.add_seats(team, pick.function_code, pick.level, 1);
        }
      }
      externals = static_cast<int>(random.between(4, 6));
    } else if (!model.contractor_directs) {
      org.add_seats(team, "WKC", "coordinator", 1, leaders());
    }
    add_team_externals(org, team, model, contractor, contract_end, providers, externals);
  }
  // Youth teams are subsidised: staffed only by youth-care organisations, directed by the municipality.
  const std::string youth_provider_a = fmt::format("Jeugdhulp {}", place_name(random));
  const std::string youth_provider_b = fmt::format("Stichting Gezin en Jeugd {}", place_name(random));
  const Date subsidy_end = secondment_end(org.reference());
  for (int i = 0; i < count(5); ++i) {
    const std::string team = fmt::format("{}-JT{:02}", teams, i + 1);
    org.add_unit({team, "Jeugdteam " + unique_place_name(random, blueprint.place_names), teams, "youth_team", "youth",
                  "municipality", ""});
    const int members = static_cast<int>(random.between(9, 11));
    for (int m = 0; m < members; ++m) {
      org.add_external_worker(team, random.chance(600) ? youth_provider_a : youth_provider_b, subsidy_end);
    }
  }

  const std::string services = root + "-SV";
  org.add_unit({services, "Sector Services", root, "sector", kAllPillars, "", ""});
  org.add_seats(services, "LEID", "afdelingsmanager", 1, leaders());
  const std::string decisions = services + "-BES";
  org.add_unit({decisions, "Team Beschikkingen en Administratie", services, "back_office", kAllPillars, "", ""});
  org.add_seats(decisions, "LEID", "teamleider", 1, leaders());
  constexpr std::array<Mix, 3> kDecisionsMix = {Mix{"BOF", "medewerker", 6}, Mix{"BOF", "senior", 2}, Mix{"ADM", "medewerker", 3}};
  org.fill_to_employees(decisions, count(36), kDecisionsMix);
  const std::string objections = services + "-BZK";
  org.add_unit({objections, "Team Bezwaar en Kwaliteit", services, "back_office", kAllPillars, "", ""});
  org.add_seats(objections, "LEID", "teamleider", 1, leaders());
  constexpr std::array<Mix, 2> kObjectionsMix = {Mix{"JUR", "medewerker", 3}, Mix{"KWA", "medewerker", 2}};
  org.fill_to_employees(objections, count(10), kObjectionsMix);

  const std::string work = root + "-WK";
  org.add_unit({work, "Sector Werk en Inkomen", root, "sector", "participation", "", ""});
  org.add_seats(work, "LEID", "afdelingsmanager", 1, leaders());
  const std::string jobs = work + "-WRK";
  org.add_unit({jobs, "Team Werk", work, "work_income", "participation", "", ""});
  org.add_seats(jobs, "LEID", "teamleider", count(2), leaders());
  constexpr std::array<Mix, 4> kJobsMix = {Mix{"KMW", "klantmanager", 5}, Mix{"KMW", "senior", 2}, Mix{"RIC", "consulent", 3},
                                           Mix{"JOB", "jobcoach", 2}};
  org.fill_to_employees(jobs, count(38), kJobsMix);
  const std::string income = work + "-INK";
  org.add_unit({income, "Team Inkomen", work, "work_income", "participation", "", ""});
  org.add_seats(income, "LEID", "teamleider", count(2), leaders());
  constexpr std::array<Mix, 4> kIncomeMix = {Mix{"INC", "consulent", 5}, Mix{"INC", "senior", 2}, Mix{"SRC", "rechercheur", 1},
                                             Mix{"ADM", "medewerker", 1}};
  org.fill_to_employees(income, count(32), kIncomeMix);

  const std::string policy = root + "-BL";
  org.add_unit({policy, "Sector Beleid", root, "policy", kAllPillars, "", ""});
  org.add_seats(policy, "LEID", "afdelingsmanager", 1, leaders());
  constexpr std::array<Mix, 4> kPolicyMix = {Mix{"BLM", "medior", 4}, Mix{"BLM", "senior", 3}, Mix{"BLM", "strategisch", 1},
                                             Mix{"ADS", "adviseur", 2}};
  org.fill_to_employees(policy, count(26), kPolicyMix);

  const std::string purchasing = root + "-IC";
  org.add_unit({purchasing, "Inkoop en Contractmanagement", root, "purchasing", kAllPillars, "", ""});
  org.add_seats(purchasing, "LEID", "teamleider", 1, leaders());
  constexpr std::array<Mix, 3> kPurchasingMix = {Mix{"CTM", "contractmanager", 3}, Mix{"CTM", "senior", 1}, Mix{"IKA", "adviseur", 2}};
  org.fill_to_employees(purchasing, count(11), kPurchasingMix, hard_to_fill());

  const std::string programme = root + "-PT";
  org.add_unit({programme, "Programma Transitie Sociaal Domein", root, "project", kAllPillars, "", ""});
  org.add_seats(programme, "PGM", "programmamanager", 1, transition());
  org.add_seats(programme, "KWM", "kwartiermaker", count(3), transition());
  org.add_seats(programme, "PRL", "projectleider", 1, transition());

  const std::string pool = root + "-FP";
  org.add_unit({pool, "Flexpool Sociaal Domein", root, "flex_pool", kAllPillars, "", ""});
  constexpr std::array<Mix, 3> kPoolMix = {Mix{"CMG", "casemanager", 2}, Mix{"CWMO", "consulent", 1}, Mix{"BOF", "medewerker", 1}};
  org.fill_to_employees(pool, count(8), kPoolMix, flex_pool());
  return root;
}

namespace {

struct TeamTemplate {
  const char* code;
  const char* name;
  std::array<Mix, 3> mix;
};
struct DepartmentTemplate {
  const char* code;
  const char* name;
  std::uint32_t share;  // of the employees outside the social domain, in thousandths
  std::vector<TeamTemplate> teams;
};

const std::vector<DepartmentTemplate>& department_templates() {
  static const std::vector<DepartmentTemplate> templates = {
      {"DIR", "Directie en Bestuursondersteuning", 120,
       {{"BO", "Team Bestuursondersteuning", {Mix{"MAS", "assistent", 3}, Mix{"BSA", "adviseur", 2}, Mix{"COM", "adviseur", 2}}}}},
      {"RU", "Ruimte", 380,
       {{"VG", "Team Vergunningen", {Mix{"VGV", "medewerker", 4}, Mix{"ADM", "medewerker", 1}, Mix{"ARO", "adviseur", 1}}},
        {"TH", "Team Toezicht en Handhaving", {Mix{"THH", "medewerker", 5}, Mix{"VGV", "medewerker", 1}, Mix{"ADM", "medewerker", 1}}},
        {"RO", "Team Ruimtelijke Ontwikkeling", {Mix{"ARO", "adviseur", 3}, Mix{"ARO", "senior", 1}, Mix{"POR", "projectleider", 1}}},
        {"BD", "Team Buitendienst", {Mix{"BUD", "medewerker", 6}, Mix{"BUD", "voorman", 1}, Mix{"POR", "projectleider", 1}}}}},
      {"DV", "Dienstverlening", 170,
       {{"PZ", "Team Publiekszaken", {Mix{"PUB", "medewerker", 5}, Mix{"PUB", "senior", 1}, Mix{"ADM", "medewerker", 1}}},
        {"KC", "Team Klantcontact", {Mix{"KCC", "medewerker", 4}, Mix{"KCC", "senior", 1}, Mix{"PUB", "medewerker", 1}}}}},
      {"BV", "Bedrijfsvoering", 330,
       {{"FI", "Team Financiën", {Mix{"FIN", "adviseur", 3}, Mix{"ADM", "medewerker", 2}, Mix{"JUA", "adviseur", 0}}},
        {"HR", "Team HR", {Mix{"HRA", "adviseur", 3}, Mix{"ADM", "medewerker", 1}, Mix{"JUA", "adviseur", 0}}},
        {"IV", "Team Informatievoorziening", {Mix{"ICT", "medewerker", 3}, Mix{"ICT", "adviseur", 2}, Mix{"ADM", "medewerker", 0}}},
        {"JZ", "Team Juridische Zaken", {Mix{"JUA", "adviseur", 4}, Mix{"ADM", "medewerker", 1}, Mix{"FIN", "adviseur", 0}}},
        {"FZ", "Team Facilitaire Zaken", {Mix{"FAC", "medewerker", 4}, Mix{"ADM", "medewerker", 1}, Mix{"ICT", "medewerker", 0}}}}},
  };
  return templates;
}

}  // namespace

void build_other_departments(Blueprint& blueprint, const std::string& parent, int employees) {
  Organisation& org = blueprint.organisation;
  Random& random = org.random();
  const auto& templates = department_templates();
  int assigned = 0;
  for (std::size_t d = 0; d < templates.size(); ++d) {
    const DepartmentTemplate& department = templates[d];
    // The last department takes what rounding left over, so the total comes out exact.
    const int quota = d + 1 == templates.size() ? employees - assigned
                                                : static_cast<int>((static_cast<std::int64_t>(employees) * department.share + 500) / 1000);
    assigned += quota;
    org.add_unit({department.code, department.name, parent, "department", "", "", ""});
    const int before = org.employees();
    org.add_seats(department.code, "LEID", "afdelingsmanager", 1, leaders());
    // Teams of 10-20, each type of team in turn; a big city has many of each.
    int left = quota - (org.employees() - before);
    for (int t = 0; left > 0; ++t) {
      const TeamTemplate& shape = department.teams[static_cast<std::size_t>(t) % department.teams.size()];
      const int round = t / static_cast<int>(department.teams.size());
      const std::string code = fmt::format("{}-{}{:02}", department.code, shape.code, round + 1);
      const std::string name = round == 0 ? std::string(shape.name) : fmt::format("{} {}", shape.name, round + 1);
      org.add_unit({code, name, department.code, "team", "", "", ""});
      const int size = std::min(left, static_cast<int>(random.between(10, 20)));
      const int team_before = org.employees();
      if (size >= 6) org.add_seats(code, "LEID", "teamleider", 1, leaders());
      const int rest = size - (org.employees() - team_before);
      if (rest > 0) org.fill_to_employees(code, rest, shape.mix);
      left -= org.employees() - team_before;
    }
  }
}

}  // namespace kwm::demo
