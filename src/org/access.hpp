#pragma once
// Who may do what with the organisation: units, functions, formation lines, people, imports and exports.
// The table is in access.cpp; the router, the service and GET /api/v1/session read it.
#include "core/access.hpp"

namespace kwm::org::access {

extern const Action read_units;      // units, the tree, team pages and formation lines (no personal data)
extern const Action write_units;     // create, replace and delete units and formation lines
extern const Action read_functions;  // the function catalogue
extern const Action write_functions;
extern const Action read_people;     // person records
extern const Action write_people;
extern const Action import_files;    // CSV imports of units, functions, positions and people
extern const Action export_files;    // CSV and XLSX exports of the same
extern const Action read_templates;  // empty CSV templates

const Policy& policy();

}  // namespace kwm::org::access
