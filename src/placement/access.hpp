#pragma once
// Who may do what in the placement procedure of a reorganisation. The table is in access.cpp; the router,
// the service and GET /api/v1/session read it. HR sees and changes everything of its municipality; the
// works council sees the reorganisations in outline, the function mapping, the runs' figures (groups under
// five people suppressed) and the vacancies; an employee the reorganisations that concern them, their own
// preferences, explanation and objection. Managers, external users and assessors have no part in it.
#include "core/access.hpp"

namespace kwm::placement::access {

extern const Action read_reorganisations;   // list, one, and the new formation's function levels
extern const Action write_reorganisations;  // create and change, with the social plan's settings
extern const Action read_scope;             // the employees of the old formation and the positions of the new one
extern const Action read_mapping;           // old to new functions
extern const Action write_mapping;          // propose afresh, confirm
extern const Action own_preferences;        // an employee's own preferences: read and state
extern const Action read_preferences;       // every employee's preferences and who has not responded
extern const Action write_preferences;      // enter an employee's preferences from a paper form
extern const Action read_selection;         // interview scores and last appraisals
extern const Action write_selection;
extern const Action read_suitability;       // every pair's suitability with its breakdown
extern const Action read_pair_decisions;    // pairs HR fixed or forbade
extern const Action write_pair_decisions;
extern const Action create_runs;            // run the placement
extern const Action read_runs;              // runs with their figures, summaries and comparisons
extern const Action read_run_details;       // one run's placements, surplus and open slots
extern const Action confirm_runs;           // confirm a run as the result
extern const Action read_explanations;      // every employee's explanation of a run
extern const Action own_explanation;        // an employee's own explanation of the confirmed result
extern const Action read_vacancies;
extern const Action write_vacancies;        // move a vacancy to its next stage
extern const Action read_objections;        // HR all, an employee their own
extern const Action register_objections;    // HR for anyone in the confirmed result, an employee for themselves
extern const Action decide_objections;      // status and response

const Policy& policy();

}  // namespace kwm::placement::access
