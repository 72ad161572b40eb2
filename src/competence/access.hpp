#pragma once
// Who may do what with competency management: frameworks, function profiles, external organisations'
// agreement, assessment rounds, rating forms and results. The table is in access.cpp; the router, the
// competence service and GET /api/v1/session read it.
#include "core/access.hpp"

namespace kwm::competence::access {

extern const Action read_frameworks;          // frameworks and the reference frameworks (no personal data)
extern const Action write_frameworks;         // import, edit, copy and delete frameworks
extern const Action read_profiles;            // function profiles, comparisons and career paths
extern const Action write_profiles;           // replace and import function profiles
extern const Action export_catalogue;         // frameworks and profiles as CSV or XLSX
extern const Action external_organisations;   // which care organisations agreed to assessment of their workers
extern const Action read_rounds;              // assessment rounds the caller takes part in or oversees
extern const Action manage_rounds;            // create, extend and close rounds; consents on paper; assessors
extern const Action read_participants;        // the participants of a round
extern const Action read_progress;            // who finished which source
extern const Action read_forms;               // a rating form of one person and source
extern const Action rate;                     // fill a rating form: self, manager or external source
extern const Action self_assessment;          // the employee's own rounds, form and consent
extern const Action transfer_assessments;     // import and export ratings as CSV
extern const Action read_results;             // verdicts and gaps of single people
extern const Action read_team_heatmap;        // people × competencies of a unit
extern const Action read_aggregates;          // heatmaps, coverage and growth over groups
extern const Action read_selection_evidence;  // what placement may use of a round (purpose limitation)

const Policy& policy();

}  // namespace kwm::competence::access
