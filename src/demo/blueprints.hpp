#pragma once
// How a demo municipality's organisation is laid out, after the study's three case municipalities of
// 15,000, 42,000 and 150,000 inhabitants, scaled to any size. Internal to the demo library.
#include <cstdint>
#include <set>
#include <string>

#include "demo/organisation.hpp"

namespace kwm::demo {

// The study's 2x2 of district teams: who directs them, and whether municipal consultants sit in them.
struct TeamModel {
  bool contractor_directs = false;
  bool municipal_consultants = true;
};

struct Blueprint {
  Organisation& organisation;
  std::set<std::string>& place_names;  // districts and villages used so far, so that team names differ
  std::int64_t inhabitants = 0;
};

// Each builds a social-domain department under `parent` ("" makes it the root) and returns its code.
// Small: one department with a front office and one social team. Medium: a programme with policy,
// community, care & support with its area teams, work & income and back office. Large: a domain with
// sectors, district teams run as `district_teams` says (a few the other way round on consultants, so
// both variants occur), youth teams of externals directed by the municipality, and a municipal outreach
// team.
std::string build_small_social_domain(Blueprint& blueprint, const std::string& parent, TeamModel model);
std::string build_medium_social_domain(Blueprint& blueprint, const std::string& parent, TeamModel model);
std::string build_large_social_domain(Blueprint& blueprint, const std::string& parent, TeamModel district_teams);

// The departments outside the social domain (board support, spatial planning, public services, business
// operations) under `parent`, staffed until they employ `employees` people.
void build_other_departments(Blueprint& blueprint, const std::string& parent, int employees);

}  // namespace kwm::demo
