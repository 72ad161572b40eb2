#pragma once
// What the placement service needs from storage: plain structs in and out. The store implements it with
// SQL (store::PlacementRepository): it reads and writes what it is asked for within the municipality it is
// given, runs every write in one transaction and audits it there with the records before and after. It
// decides nothing: who may see what, the rules and the procedure itself are the service's.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "competence/purpose.hpp"
#include "core/principal.hpp"
#include "org/model.hpp"
#include "placement/records.hpp"

namespace kwm::placement {

// The old formation (every employee in the subtree of the old unit) and the new one (every formation line
// in the subtree of the new unit) as stored now, with the municipality's units and function levels.
struct Formation {
  std::map<std::int64_t, org::Unit> units;
  std::vector<org::Person> employees;    // by personnel number
  std::vector<org::Position> positions;  // by unit code, function code, level, id
  std::map<std::int64_t, org::Function> functions;

  const org::Person* employee(std::int64_t person_id) const;
  const org::Position* position(std::int64_t position_id) const;
  std::set<std::int64_t> new_function_ids() const;
  std::set<std::int64_t> old_function_ids() const;
};

// The function mapping as stored (audited as a whole).
struct StoredMapping {
  std::optional<ByWhom> confirmed;
  std::vector<procedure::MappingPair> pairs;
};

// The competency profiles of the municipality's function levels (only those with requirements) and the
// names of the competencies.
struct CompetencyProfiles {
  std::map<std::int64_t, competence::FunctionProfile> by_function;
  std::map<std::string, std::string> names;
};

// Reads within one municipality, inside or outside a transaction.
class Reader {
 public:
  virtual ~Reader() = default;
  virtual std::vector<Reorganisation> reorganisations() = 0;  // by code; without the counts
  virtual std::optional<Reorganisation> reorganisation(std::int64_t id) = 0;
  virtual Formation formation(std::int64_t old_unit_id, std::int64_t new_unit_id) = 0;
  virtual std::vector<std::int64_t> responded(std::int64_t reorganisation_id) = 0;  // person ids
  virtual bool ran_for(std::int64_t reorganisation_id, std::int64_t person_id) = 0;   // in any run's result
  virtual std::vector<procedure::MappingPair> mapping_pairs(std::int64_t reorganisation_id) = 0;
  virtual PreferenceSheet preference_sheet(std::int64_t reorganisation_id, const org::Person& person) = 0;
  virtual std::vector<procedure::Preference> preferences(std::int64_t reorganisation_id) = 0;  // by person, rank
  virtual std::vector<InterviewRow> interviews(std::int64_t reorganisation_id) = 0;            // by personnel number
  virtual std::vector<AppraisalRow> appraisals(std::int64_t reorganisation_id) = 0;            // by personnel number
  virtual std::vector<PairDecisionRow> pair_decisions(std::int64_t reorganisation_id) = 0;     // by id
  virtual std::vector<RunHeadline> runs(std::int64_t reorganisation_id) = 0;                   // by number
  virtual std::optional<RunHeadline> run(std::int64_t reorganisation_id, std::int64_t run_id) = 0;
  virtual std::optional<RunDetail> run_detail(std::int64_t reorganisation_id, std::int64_t run_id) = 0;
  // The people of a run (one person when asked), by personnel number.
  virtual std::vector<RunPersonRow> run_people(std::int64_t run_id, std::optional<std::int64_t> person_id = std::nullopt) = 0;
  virtual std::vector<Vacancy> vacancies(std::int64_t reorganisation_id) = 0;  // by id, without partners
  virtual std::optional<Vacancy> vacancy(std::int64_t reorganisation_id, std::int64_t vacancy_id) = 0;
  virtual std::vector<Objection> objections(std::int64_t reorganisation_id, std::optional<std::int64_t> person_id) = 0;  // by id
  virtual std::optional<Objection> objection(std::int64_t reorganisation_id, std::int64_t objection_id) = 0;
};

// Reads and writes inside one transaction; each write is audited as the actor of the transaction.
class Transaction : public Reader {
 public:
  // The time of this transaction (UTC, ISO 8601), for the records' "at" fields.
  virtual std::string now() = 0;
  // Makes a second writer of the same reorganisation wait for this transaction: two runs never take the
  // same number, two confirmations never both succeed, an employee never gets two open objections.
  virtual void lock(std::int64_t reorganisation_id) = 0;
  virtual bool reorganisation_code_taken(const std::string& code) = 0;
  virtual std::int64_t insert(const Reorganisation& reorganisation) = 0;
  virtual void update(const Reorganisation& before, const Reorganisation& after) = 0;
  // Replaces the stored mapping (and its confirmation); `before` is none for a new reorganisation.
  virtual void save_mapping(const Reorganisation& reorganisation, const std::optional<StoredMapping>& before,
                            const StoredMapping& after) = 0;
  // Replaces the person's ranked choices and records that they responded.
  virtual void save_preferences(const Reorganisation& reorganisation, const PreferenceSheet& before,
                                const std::vector<PreferenceChoice>& choices) = 0;
  virtual void save(const Reorganisation& reorganisation, const std::optional<InterviewRow>& before, const InterviewRow& after) = 0;
  virtual void remove(const Reorganisation& reorganisation, const InterviewRow& row) = 0;
  virtual void save(const Reorganisation& reorganisation, const std::optional<AppraisalRow>& before, const AppraisalRow& after) = 0;
  virtual void remove(const Reorganisation& reorganisation, const AppraisalRow& row) = 0;
  // Replaces a decision on the same pair; returns the decision's id.
  virtual std::int64_t save(const Reorganisation& reorganisation, const std::optional<PairDecisionRow>& before,
                            const PairDecisionRow& after) = 0;
  virtual void remove(const Reorganisation& reorganisation, const PairDecisionRow& row) = 0;
  // Stores the run under the next number of the reorganisation; returns its id.
  virtual std::int64_t insert(const Reorganisation& reorganisation, const NewRun& run) = 0;
  // Marks the run confirmed (and the reorganisation's result as this run).
  virtual void confirm(const Reorganisation& reorganisation, const RunHeadline& run, const ByWhom& confirmed,
                       const std::string& note) = 0;
  virtual void insert(const Reorganisation& reorganisation, std::int64_t run_id, const Vacancy& vacancy) = 0;
  virtual void update(const Reorganisation& reorganisation, const Vacancy& before, const Vacancy& after) = 0;
  virtual std::int64_t insert(const Reorganisation& reorganisation, const Objection& objection) = 0;
  virtual void update(const Reorganisation& reorganisation, const Objection& before, const Objection& after) = 0;
};

class Repository {
 public:
  virtual ~Repository() = default;
  // Runs `use` on the stored data of the municipality as it is now.
  virtual void read(std::int64_t municipality_id, const std::function<void(Reader&)>& use) = 0;
  // Runs `change` in one transaction in the actor's municipality: all of it is stored, or nothing.
  virtual void write(const Principal& actor, const std::function<void(Transaction&)>& change) = 0;

  // From the other capabilities, as the actor may see them.
  virtual std::optional<org::Municipality> municipality(std::string_view code) = 0;
  virtual CompetencyProfiles competency_profiles(const Principal& actor) = 0;
  virtual bool assessment_round_exists(const Principal& actor, const std::string& round) = 0;
  // The results of an assessment round that purpose limitation admits for selection; none when the round
  // does not exist.
  virtual std::optional<competence::AdmittedEvidence> selection_evidence(const Principal& actor, const std::string& round) = 0;
};

}  // namespace kwm::placement
