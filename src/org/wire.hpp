#pragma once
// The wire format of the organisation's structs: one field list per struct, from which the JSON answers,
// the request bodies, the audit log's snapshots and the OpenAPI schemas all come (see core/wire.hpp).
#include <tuple>

#include "core/wire.hpp"
#include "org/model.hpp"
#include "org/repository.hpp"
#include "org/service.hpp"

namespace kwm::wire {

template <>
struct Fields<org::Unit> {
  static constexpr std::string_view name = "Unit";
  static constexpr auto fields = std::make_tuple(field("id", &org::Unit::id, output_only),
                                                 field("code", &org::Unit::code, required),
                                                 field("name", &org::Unit::name, required),
                                                 field("parent_id", &org::Unit::parent_id),
                                                 field("kind", &org::Unit::kind, required),
                                                 field("pillars", &org::Unit::pillars),
                                                 field("direction", &org::Unit::direction),
                                                 field("contractor", &org::Unit::contractor, empty_is_null),
                                                 field("location", &org::Unit::location));
};

template <>
struct Fields<org::Function> {
  static constexpr std::string_view name = "Function";
  static constexpr auto fields = std::make_tuple(field("id", &org::Function::id, output_only),
                                                 field("code", &org::Function::code, required),
                                                 field("name", &org::Function::name, required),
                                                 field("level", &org::Function::level, required),
                                                 field("education_level", &org::Function::education_level, required),
                                                 field("scale", &org::Function::scale, required),
                                                 field("status", &org::Function::status, required));
};

template <>
struct Fields<org::Position> {
  static constexpr std::string_view name = "Position";
  static constexpr auto fields = std::make_tuple(field("id", &org::Position::id, output_only),
                                                 field("unit_id", &org::Position::unit_id, required),
                                                 field("unit_code", &org::Position::unit_code, output_only),
                                                 field("function_id", &org::Position::function_id, required),
                                                 field("function_code", &org::Position::function_code, output_only),
                                                 field("function_name", &org::Position::function_name, output_only),
                                                 field("level", &org::Position::level, output_only),
                                                 field("fte", &org::Position::fte, required),
                                                 field("kind", &org::Position::kind, required),
                                                 field("end_date", &org::Position::end_date));
};

template <>
struct Fields<org::Person> {
  static constexpr std::string_view name = "Person";
  static constexpr auto fields =
      std::make_tuple(field("id", &org::Person::id, output_only),
                      field("personnel_number", &org::Person::personnel_number, required),
                      field("name", &org::Person::name, required),
                      field("unit_id", &org::Person::unit_id, required),
                      field("unit_code", &org::Person::unit_code, output_only),
                      field("unit_name", &org::Person::unit_name, output_only),
                      field("function_id", &org::Person::function_id),
                      field("function_code", &org::Person::function_code, output_only | empty_is_null),
                      field("function_name", &org::Person::function_name, output_only | empty_is_null),
                      field("level", &org::Person::level, output_only | empty_is_null),
                      field("fte", &org::Person::fte, required),
                      field("contract", &org::Person::contract, required),
                      field("contract_end", &org::Person::contract_end),
                      field("hire_date", &org::Person::hire_date),
                      field("education_level", &org::Person::education_level),
                      field("engagement", &org::Person::engagement, required),
                      field("organisation", &org::Person::organisation));
};

template <>
struct Fields<org::Formation> {
  static constexpr std::string_view name = "Formation";
  static constexpr auto fields = std::make_tuple(
      field("budgeted_fte", &org::Formation::budgeted), field("filled_fte", &org::Formation::filled),
      field("vacant_fte", &org::Formation::vacant), field("external_fte", &org::Formation::external),
      field("temporary_fte", &org::Formation::temporary),
      computed<org::Formation>("external_share", [](const org::Formation& f) { return f.external_share(); }),
      computed<org::Formation>("temporary_share", [](const org::Formation& f) { return f.temporary_share(); }),
      field("people", &org::Formation::people), field("externals", &org::Formation::externals));
};

// A unit in lists and the tree: its own fields, the derived team type, its own and rolled-up figures.
template <>
struct Fields<org::UnitView> {
  static constexpr std::string_view name = "UnitWithFigures";
  static constexpr auto fields =
      std::make_tuple(inline_fields(&org::UnitView::unit),
                      computed<org::UnitView>("team_type", [](const org::UnitView& v) { return v.team_type.type; }),
                      field("formation", &org::UnitView::own), field("total", &org::UnitView::total),
                      field("children_ids", &org::UnitView::children_ids));
};

template <>
struct Fields<org::UnitTree> {
  static constexpr std::string_view name = "UnitTree";
  static constexpr auto fields = std::make_tuple(field("units", &org::UnitTree::units));
};

// One unit with its children, each with their figures.
template <>
struct Fields<org::UnitDetail> {
  static constexpr std::string_view name = "UnitDetail";
  static constexpr auto fields =
      std::make_tuple(inline_fields(&org::UnitDetail::view), field("children", &org::UnitDetail::children));
};

// The team page: the unit, its members (none for whoever may not read people), its formation lines and
// what runs out within six months.
template <>
struct Fields<org::Team> {
  static constexpr std::string_view name = "Team";
  static constexpr auto fields =
      std::make_tuple(field("unit", &org::Team::unit),
                      computed<org::Team>("formation", [](const org::Team& t) { return t.unit.own; }),
                      computed<org::Team>("team_type", [](const org::Team& t) { return t.unit.team_type.type; }),
                      computed<org::Team>("team_type_reason", [](const org::Team& t) { return t.unit.team_type.reason; }),
                      field("members", &org::Team::members), field("positions", &org::Team::positions),
                      field("expiring_positions", &org::Team::expiring_positions),
                      field("expiring_contracts", &org::Team::expiring_contracts));
};

template <>
struct Fields<org::ImportReport> {
  static constexpr std::string_view name = "ImportReport";
  static constexpr auto fields = std::make_tuple(field("imported", &org::ImportReport::rows), inline_fields(&org::ImportReport::counts));
};

template <>
struct Fields<org::Municipality> {
  static constexpr std::string_view name = "Municipality";
  static constexpr auto fields =
      std::make_tuple(field("code", &org::Municipality::code, required), field("name", &org::Municipality::name, required),
                      field("inhabitants", &org::Municipality::inhabitants), field("region", &org::Municipality::region),
                      field("cooperations", &org::Municipality::cooperations));
};

template <>
struct Fields<org::Cooperation> {
  static constexpr std::string_view name = "Cooperation";
  static constexpr auto fields =
      std::make_tuple(field("kind", &org::Cooperation::kind, required), field("name", &org::Cooperation::name, required),
                      field("partner_codes", &org::Cooperation::partner_codes));
};

template <>
struct Fields<org::ImportCounts> {
  static constexpr std::string_view name = "ImportCounts";
  static constexpr auto fields =
      std::make_tuple(field("created", &org::ImportCounts::created), field("updated", &org::ImportCounts::updated),
                      field("unchanged", &org::ImportCounts::unchanged));
};

}  // namespace kwm::wire
