#pragma once
// The procedure's results as the JSON of docs/api.md ("Placement"). The store keeps these documents with
// each run, so an explanation reads the same at confirmation, in an objection and a year later.
#include <boost/json/fwd.hpp>

#include "placement/procedure/explanation.hpp"
#include "placement/procedure/figures.hpp"

namespace kwm::reorganisation {

boost::json::object suitability_json(const Suitabilities& suitabilities, const PairSuitability& pair, const std::vector<PlannedRound>& rounds);
boost::json::object placement_json(const Suitabilities& suitabilities, const RunResult& result, const Placed& placed);
boost::json::object surplus_json(const Suitabilities& suitabilities, const RunResult& result, const Explanation& explanation);
boost::json::object explanation_json(const Suitabilities& suitabilities, const RunResult& result, const Explanation& explanation);
boost::json::array rounds_json(const RunResult& result);
boost::json::array open_slots_json(const ProcedureInput& input, const RunResult& result);
boost::json::object figures_json(const Figures& figures);
boost::json::object summary_json(const Summary& summary);

}  // namespace kwm::reorganisation
