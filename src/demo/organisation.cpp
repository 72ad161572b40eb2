#include "demo/organisation.hpp"

#include <array>
#include <map>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>

#include "core/csv.hpp"
#include "demo/catalogue.hpp"
#include "demo/names.hpp"

namespace kwm::demo {
namespace {

// Part-time work is common in Dutch municipalities: about half work a full 36-hour week.
constexpr std::array<int, 6> kHours = {36, 32, 28, 24, 20, 16};
constexpr std::array<std::uint32_t, 6> kHoursWeights = {450, 260, 120, 100, 50, 20};
constexpr std::array<std::uint32_t, 6> kFullTimeHoursWeights = {800, 200, 0, 0, 0, 0};

std::string iso_or_empty(bool present, Date date) { return present ? date.iso() : std::string(); }

}  // namespace

Fte fte_of_hours(int hours) { return Fte::from_milli((hours * 1000 + 18) / 36); }

Organisation::Organisation(Random random, Date reference, std::uint64_t first_personnel_number)
    : random_(random), reference_(reference), next_employee_number_(first_personnel_number) {}

void Organisation::add_unit(UnitSpec unit) {
  if (!unit.parent_code.empty()) unit_index(unit.parent_code);  // parents come first, so the file imports in order
  if (unit_by_code_.contains(unit.code)) throw std::logic_error("demo unit code used twice: " + unit.code);
  unit_by_code_.emplace(unit.code, units_.size());
  units_.push_back(std::move(unit));
}

std::size_t Organisation::unit_index(std::string_view code) const {
  const auto it = unit_by_code_.find(code);
  if (it == unit_by_code_.end()) throw std::logic_error("demo blueprint names unknown unit " + std::string(code));
  return it->second;
}

Fte Organisation::draw_fte(bool full_time) {
  const auto& weights = full_time ? kFullTimeHoursWeights : kHoursWeights;
  return fte_of_hours(kHours[random_.weighted(weights)]);
}

// Years of service lean towards recent hires (the smaller of two draws), as in an ageing workforce that
// is being replenished.
Date Organisation::draw_hire_date(int max_years) {
  const auto years = std::min(random_.between(0, max_years), random_.between(0, max_years));
  return reference_.plus_days(-static_cast<int>(years * 365 + random_.between(7, 364)));
}

std::string Organisation::next_personnel_number(bool external) {
  if (external) return fmt::format("EXT{:05}", next_external_number_++);
  next_employee_number_ += static_cast<std::uint64_t>(random_.between(1, 9));
  return std::to_string(next_employee_number_);
}

// Most people have the education their function asks; some have less (a gap the competency work must
// close) and some more.
std::string_view Organisation::draw_education(std::string_view function_education) {
  const auto roll = random_.below(1000);
  if (roll < 60) {
    if (function_education == "wo") return "hbo";
    if (function_education == "hbo") return "mbo";
  } else if (roll < 120) {
    if (function_education == "mbo") return "hbo";
    if (function_education == "hbo") return "wo";
  }
  return function_education;
}

const std::string& Organisation::interim_agency() {
  if (interim_agencies_.empty()) {
    interim_agencies_.push_back(fmt::format("{} Interim B.V.", place_name(random_)));
    interim_agencies_.push_back(fmt::format("Sociaal Domein Professionals {}", place_name(random_)));
  }
  return interim_agencies_[random_.below(interim_agencies_.size())];
}

const std::string& Organisation::partner_organisation() {
  if (partner_organisations_.empty()) {
    partner_organisations_.push_back(fmt::format("Regionale Sociale Dienst {}", place_name(random_)));
    partner_organisations_.push_back(fmt::format("Gemeente {}", place_name(random_)));
  }
  return partner_organisations_[random_.below(partner_organisations_.size())];
}

void Organisation::add_seat(std::size_t unit, std::string_view function_code, std::string_view level,
                            const Staffing& staffing) {
  const FunctionLevel& function = function_level(function_code, level);
  Seat seat{unit, function.code, function.level, draw_fte(staffing.full_time), false, {}};
  if (staffing.temporary || random_.chance(staffing.temporary_position)) {
    seat.temporary = true;
    seat.end = reference_.plus_days(static_cast<int>(random_.between(staffing.temporary_min_days, staffing.temporary_max_days)));
  }
  seats_.push_back(seat);

  const auto filling = random_.below(1000);
  if (filling < staffing.vacant) return;
  Person person;
  person.name = person_name(random_);
  person.unit = unit;
  person.function_code = function.code;
  person.level = function.level;
  person.fte = seat.fte;
  // An external worker on a municipal seat: an interim hired for months, or a secondment for a year or more.
  auto engage_external = [&](std::string_view engagement, std::string organisation, int max_days_in, int min_days_left,
                             int max_days_left) {
    person.personnel_number = next_personnel_number(true);
    person.engagement = engagement;
    person.organisation = std::move(organisation);
    person.hire_date = reference_.plus_days(-static_cast<int>(random_.between(14, max_days_in)));
    person.temporary_contract = true;
    person.contract_end = reference_.plus_days(static_cast<int>(random_.between(min_days_left, max_days_left)));
    person.education_level = function.education_level;
  };
  if (filling < staffing.vacant + staffing.hired) {
    engage_external("hired", interim_agency(), 400, 20, 270);
  } else if (filling < staffing.vacant + staffing.hired + staffing.seconded) {
    engage_external("secondment", partner_organisation(), 900, 60, 540);
  } else {
    person.personnel_number = next_personnel_number(false);
    person.engagement = "employee";
    person.education_level = draw_education(function.education_level);
    if (seat.temporary) {
      // Someone on a temporary position has a contract that ends with it.
      person.temporary_contract = true;
      person.contract_end = seat.end;
      person.hire_date = draw_hire_date(2);
    } else if (random_.chance(staffing.temporary_contract)) {
      person.temporary_contract = true;
      person.contract_end = reference_.plus_days(static_cast<int>(random_.between(14, 540)));
      person.hire_date = draw_hire_date(2);
    } else {
      person.temporary_contract = false;
      person.hire_date = draw_hire_date(38);
    }
    ++employees_;
  }
  people_.push_back(std::move(person));
}

void Organisation::add_seats(std::string_view unit_code, std::string_view function_code, std::string_view level,
                             int count, const Staffing& staffing) {
  const std::size_t unit = unit_index(unit_code);
  for (int i = 0; i < count; ++i) add_seat(unit, function_code, level, staffing);
}

namespace {
const Mix& draw_mix(Random& random, std::span<const Mix> mix) {
  std::vector<std::uint32_t> weights;
  weights.reserve(mix.size());
  for (const Mix& m : mix) weights.push_back(m.weight);
  return mix[random.weighted(weights)];
}
}  // namespace

void Organisation::fill_to_fte(std::string_view unit_code, Fte target, std::span<const Mix> mix,
                               const Staffing& staffing) {
  const std::size_t unit = unit_index(unit_code);
  Fte budget = budgeted(unit_code);
  // Seats are added while the unit falls short by more than about half an average seat.
  while (budget.milli() + 440 < target.milli()) {
    const Mix& pick = draw_mix(random_, mix);
    add_seat(unit, pick.function_code, pick.level, staffing);
    budget += seats_.back().fte;
  }
}

void Organisation::fill_to_employees(std::string_view unit_code, int count, std::span<const Mix> mix,
                                     const Staffing& staffing) {
  const std::size_t unit = unit_index(unit_code);
  const int goal = employees_ + count;
  while (employees_ < goal) {
    const Mix& pick = draw_mix(random_, mix);
    add_seat(unit, pick.function_code, pick.level, staffing);
  }
}

void Organisation::add_external_worker(std::string_view unit_code, std::string_view organisation, Date agreement_end,
                                       std::string_view function_code, std::string_view level) {
  Person person;
  person.personnel_number = next_personnel_number(true);
  person.name = person_name(random_);
  person.unit = unit_index(unit_code);
  person.engagement = "secondment";
  person.organisation = std::string(organisation);
  person.fte = draw_fte(false);
  person.temporary_contract = true;
  person.contract_end = agreement_end;
  person.hire_date = reference_.plus_days(-static_cast<int>(random_.between(30, 1500)));
  if (!function_code.empty()) {
    const FunctionLevel& function = function_level(function_code, level);
    person.function_code = function.code;
    person.level = function.level;
    person.education_level = function.education_level;
  } else {
    person.education_level = random_.chance(800) ? "hbo" : "mbo";
  }
  people_.push_back(std::move(person));
}

Fte Organisation::budgeted(std::string_view unit_code) const {
  const std::size_t unit = unit_index(unit_code);
  Fte total;
  for (const Seat& seat : seats_) {
    if (seat.unit == unit) total += seat.fte;
  }
  return total;
}

std::string Organisation::units_csv() const {
  std::string text = csv::format_line({"code", "name", "parent_code", "kind", "pillars", "direction", "contractor"});
  for (const UnitSpec& unit : units_) {
    text += csv::format_line({unit.code, unit.name, unit.parent_code, unit.kind, unit.pillars, unit.direction, unit.contractor});
  }
  return text;
}

std::string Organisation::functions_csv(bool social_domain_only) const {
  std::string text = csv::format_line({"code", "name", "level", "education_level", "scale", "status"});
  for (const FunctionLevel& f : function_catalogue()) {
    if (social_domain_only && !f.social_domain) continue;
    text += csv::format_line({std::string(f.code), std::string(f.name), std::string(f.level), std::string(f.education_level),
                              std::to_string(f.scale), std::string(f.status)});
  }
  return text;
}

std::string Organisation::positions_csv() const {
  // The formation has one line per unit, function level, kind and end date: seats that share all four add up.
  using Key = std::tuple<std::size_t, std::string_view, std::string_view, bool, std::string>;
  std::map<Key, Fte> lines;
  std::vector<Key> order;
  for (const Seat& seat : seats_) {
    Key key{seat.unit, seat.function_code, seat.level, seat.temporary, iso_or_empty(seat.temporary, seat.end)};
    auto [it, inserted] = lines.try_emplace(key, Fte{});
    if (inserted) order.push_back(key);
    it->second += seat.fte;
  }
  std::string text = csv::format_line({"unit_code", "function_code", "level", "fte", "kind", "end_date"});
  for (const Key& key : order) {
    const auto& [unit, function_code, level, temporary, end] = key;
    text += csv::format_line({units_[unit].code, std::string(function_code), std::string(level), lines.at(key).to_string(),
                              temporary ? "temporary" : "structural", end});
  }
  return text;
}

std::string Organisation::people_csv() const {
  std::string text = csv::format_line({"personnel_number", "name", "unit_code", "function_code", "level", "fte", "contract",
                                       "contract_end", "hire_date", "education_level", "engagement", "organisation"});
  for (const Person& p : people_) {
    text += csv::format_line({p.personnel_number, p.name, units_[p.unit].code, std::string(p.function_code), std::string(p.level),
                              p.fte.to_string(), p.temporary_contract ? "temporary" : "permanent",
                              iso_or_empty(p.temporary_contract, p.contract_end), p.hire_date.iso(),
                              std::string(p.education_level), std::string(p.engagement), p.organisation});
  }
  return text;
}

}  // namespace kwm::demo
