#pragma once
// The placement procedure's storage in SQL (SQLite or PostgreSQL): placement::Repository over a Database.
// Reorganisations, the function mapping, preferences, the selection committee's input, pair decisions,
// runs with their stored records, vacancies and objections. Every write runs in one transaction with its
// audit entries; the stored JSON documents of a run carry a format version. Who may see what, the rules
// and the procedure itself are the service's (placement/service.hpp).
#include <memory>

#include "placement/repository.hpp"

namespace kwm::placement {
class Service;
}

namespace kwm::store {

class Database;

class PlacementRepository final : public placement::Repository {
 public:
  explicit PlacementRepository(Database& db) : db_(db) {}

  void read(std::int64_t municipality_id, const std::function<void(placement::Reader&)>& use) override;
  void write(const Principal& actor, const std::function<void(placement::Transaction&)>& change) override;

  std::optional<org::Municipality> municipality(std::string_view code) override;
  placement::CompetencyProfiles competency_profiles(const Principal& actor) override;
  bool assessment_round_exists(const Principal& actor, const std::string& round) override;
  std::optional<competence::AdmittedEvidence> selection_evidence(const Principal& actor, const std::string& round) override;

 private:
  Database& db_;
};

// The placement service over this database: what the API and the tests use.
std::shared_ptr<placement::Service> placement_service(Database& db);

}  // namespace kwm::store
