#pragma once
// Competency management's storage in SQL (SQLite or PostgreSQL): competence::Repository over a Database.
// Every write runs in one transaction with its audit entries, each snapshot the struct's wire JSON.
#include <memory>

#include "competence/repository.hpp"

namespace kwm::competence {
class Service;
}

namespace kwm::store {

class Database;

class CompetenceRepository final : public competence::Repository {
 public:
  explicit CompetenceRepository(Database& db) : db_(db) {}

  std::vector<competence::FrameworkRecord> current_frameworks(std::int64_t municipality_id) override;
  std::optional<competence::FrameworkRecord> framework(std::int64_t municipality_id, std::string_view code,
                                                       std::optional<int> version) override;
  competence::StoredFramework stored(std::int64_t municipality_id, const competence::FrameworkRecord& record) override;
  const std::vector<competence::Framework>& reference_frameworks() override;
  std::vector<org::Function> functions(std::int64_t municipality_id, std::optional<std::string> code) override;
  std::optional<org::Function> function(std::int64_t municipality_id, const competence::ProfileKey& key) override;
  std::map<std::int64_t, competence::ProfileRecord> profiles(std::int64_t municipality_id,
                                                             std::optional<std::int64_t> function_id) override;
  std::vector<competence::ExternalOrganisation> external_organisations(std::int64_t municipality_id) override;
  void write(const Principal& actor, const std::function<void(competence::Transaction&)>& change) override;

 private:
  Database& db_;
};

// The competence service over this database: what the API, the CLI and the demo loader use.
std::shared_ptr<competence::Service> competence_service(Database& db);

}  // namespace kwm::store
