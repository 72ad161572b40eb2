#pragma once
// The organisation's storage in SQL (SQLite or PostgreSQL): org::Repository over a Database. Every write
// runs in one transaction that also changes the municipality's version stamp and records the audit entries;
// reads of units and figures come from a snapshot kept per municipality while that stamp is unchanged.
#include <memory>

#include "org/repository.hpp"

namespace kwm::org {
class Service;
}

namespace kwm::store {

class Database;

class OrgRepository final : public org::Repository {
 public:
  explicit OrgRepository(Database& db) : db_(db) {}

  std::int64_t create_municipality(const Principal& actor, const org::Municipality& municipality) override;
  std::optional<org::Municipality> find_municipality(std::string_view code) override;
  std::vector<org::Municipality> municipalities() override;

  std::shared_ptr<const org::Snapshot> snapshot(std::int64_t municipality_id) override;
  org::Page<org::Function> functions(std::int64_t municipality_id, std::string_view q, org::Slice slice) override;
  std::optional<org::Function> function(std::int64_t municipality_id, std::int64_t id) override;
  org::Page<org::Position> positions(std::int64_t municipality_id, const org::PositionQuery& query, org::Slice slice) override;
  org::Page<org::Person> people(std::int64_t municipality_id, const org::PeopleQuery& query, org::Slice slice) override;
  std::vector<org::Unit> all_units(std::int64_t municipality_id) override;
  std::vector<org::Function> all_functions(std::int64_t municipality_id) override;
  std::vector<org::Position> all_positions(std::int64_t municipality_id) override;
  std::vector<org::Person> all_people(std::int64_t municipality_id) override;

  void write(const Principal& actor, const std::function<void(org::Transaction&)>& change, org::Volume volume) override;

 private:
  Database& db_;
};

// The organisation service over this database: what the API, the CLI and the demo loader use.
std::shared_ptr<org::Service> organisation_service(Database& db);

}  // namespace kwm::store
