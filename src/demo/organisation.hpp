#pragma once
// Builds one municipality's units, formation and people seat by seat, the way a blueprint describes them,
// and writes them as the four import files. Internal to the demo library.
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/fte.hpp"
#include "demo/random.hpp"

namespace kwm::demo {

struct UnitSpec {
  std::string code;
  std::string name;
  std::string parent_code;  // "" for the root
  std::string kind;         // as in the units CSV: department, district_team, ...
  std::string pillars;      // "care|youth"
  std::string direction;    // municipality, contractor, or "" for units that are not district or youth teams
  std::string contractor;
};

// How the seats of a group are filled and on what terms, in thousandths.
struct Staffing {
  std::uint32_t vacant = 50;
  std::uint32_t hired = 25;      // an interim from an agency fills the seat
  std::uint32_t seconded = 10;   // a worker seconded from a partner organisation fills it
  std::uint32_t temporary_position = 60;
  std::uint32_t temporary_contract = 110;
  bool full_time = false;        // leaders and programme staff mostly work full weeks
  bool temporary = false;        // every seat is temporary: transition programmes, flex pools
  int temporary_min_days = 30;   // temporary positions end this many days after the reference date or later
  int temporary_max_days = 720;
};

// A function level and how often it is drawn when a unit is filled to a target.
struct Mix {
  std::string_view function_code;
  std::string_view level;
  std::uint32_t weight;
};

class Organisation {
 public:
  Organisation(Random random, Date reference, std::uint64_t first_personnel_number);

  void add_unit(UnitSpec unit);
  // `count` seats of one function level in a unit; each becomes a position line and, unless left vacant,
  // a person.
  void add_seats(std::string_view unit_code, std::string_view function_code, std::string_view level, int count,
                 const Staffing& staffing = {});
  // Seats drawn from `mix` until the unit's budget reaches `target` (within half a seat).
  void fill_to_fte(std::string_view unit_code, Fte target, std::span<const Mix> mix, const Staffing& staffing = {});
  // Seats drawn from `mix` until `count` employees of the municipality work in the unit.
  void fill_to_employees(std::string_view unit_code, int count, std::span<const Mix> mix, const Staffing& staffing = {});
  // A worker of an external organisation who works in a team without a municipal position: seconded by a
  // care provider into an area team, or employed by the main contractor that runs it. With a function
  // level when the municipality describes the discipline (district nurse), without one otherwise.
  void add_external_worker(std::string_view unit_code, std::string_view organisation, Date agreement_end,
                           std::string_view function_code = {}, std::string_view level = {});

  Random& random() { return random_; }
  Date reference() const { return reference_; }
  int employees() const { return employees_; }
  Fte budgeted(std::string_view unit_code) const;

  std::string units_csv() const;
  // social_domain_only: leave out the functions of the other departments (the small, medium and large
  // demos are a social-domain department only).
  std::string functions_csv(bool social_domain_only) const;
  std::string positions_csv() const;
  std::string people_csv() const;

 private:
  struct Seat {
    std::size_t unit;
    std::string_view function_code;
    std::string_view level;
    Fte fte;
    bool temporary;
    Date end;
  };
  struct Person {
    std::string personnel_number;
    std::string name;
    std::size_t unit;
    std::string_view function_code;
    std::string_view level;
    Fte fte;
    bool temporary_contract;
    Date contract_end;
    Date hire_date;
    std::string_view education_level;
    std::string_view engagement;
    std::string organisation;
  };

  std::size_t unit_index(std::string_view code) const;
  void add_seat(std::size_t unit, std::string_view function_code, std::string_view level, const Staffing& staffing);
  Fte draw_fte(bool full_time);
  Date draw_hire_date(int max_years);
  std::string next_personnel_number(bool external);
  std::string_view draw_education(std::string_view function_education);
  const std::string& interim_agency();
  const std::string& partner_organisation();

  Random random_;
  Date reference_;
  std::uint64_t next_employee_number_;
  std::uint64_t next_external_number_ = 1;
  std::vector<UnitSpec> units_;
  std::map<std::string, std::size_t, std::less<>> unit_by_code_;
  std::vector<Seat> seats_;
  std::vector<Person> people_;
  std::vector<std::string> interim_agencies_;
  std::vector<std::string> partner_organisations_;
  int employees_ = 0;
};

// Full weeks are 36 hours in Dutch municipalities; part-time FTE is hours / 36 in thousandths.
Fte fte_of_hours(int hours);

}  // namespace kwm::demo
