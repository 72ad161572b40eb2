#pragma once
// What the competence service needs from storage: plain structs in and out. The store implements it with
// SQL (store::CompetenceRepository); it runs every write in one transaction and audits it there, and it
// decides nothing about who may see or change what.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "competence/catalogue.hpp"
#include "core/principal.hpp"

namespace kwm::competence {

// Reads and writes inside one transaction of one municipality; every write is audited as the actor of the
// transaction, with the record before and after.
class Transaction {
 public:
  virtual ~Transaction() = default;

  // The current version of a framework code.
  virtual std::optional<FrameworkRecord> framework(std::string_view code) = 0;
  virtual std::vector<FrameworkRecord> current_frameworks() = 0;
  // Who uses which competency of the current version, and whether a round points at the version.
  virtual FrameworkUsage usage(const FrameworkRecord& current) = 0;
  virtual FrameworkReferences references(std::string_view code) = 0;
  virtual StoredFramework stored(const FrameworkRecord& record) = 0;
  // A new code as version 1, or the next version of `previous`, which is superseded.
  virtual FrameworkRecord insert(const Framework& framework, const FrameworkRecord* previous) = 0;
  // A version nothing points at, overwritten.
  virtual void update(const FrameworkRecord& before, const Framework& after) = 0;
  // Every version of the code.
  virtual void remove(const FrameworkRecord& current) = 0;

  virtual std::optional<org::Function> function(const ProfileKey& key) = 0;
  virtual std::optional<ProfileRecord> profile(std::int64_t function_id) = 0;
  virtual void put(const org::Function& function, const std::optional<ProfileRecord>& before, const ProfileRecord& after) = 0;
  // The entry that says a profile file was imported.
  virtual void record_profile_import(const ProfileImport& import) = 0;

  // The recorded decision of an organisation, if any.
  virtual std::optional<Agreement> agreement(std::string_view name) = 0;
  virtual void put(const std::optional<Agreement>& before, const Agreement& after) = 0;
};

class Repository {
 public:
  virtual ~Repository() = default;

  virtual std::vector<FrameworkRecord> current_frameworks(std::int64_t municipality_id) = 0;  // by code
  // The current version, or the given one.
  virtual std::optional<FrameworkRecord> framework(std::int64_t municipality_id, std::string_view code,
                                                   std::optional<int> version) = 0;
  virtual StoredFramework stored(std::int64_t municipality_id, const FrameworkRecord& record) = 0;
  // The frameworks shipped in data/frameworks/, by code.
  virtual const std::vector<Framework>& reference_frameworks() = 0;

  // Function levels by code, pay scale and level; of one function code when given.
  virtual std::vector<org::Function> functions(std::int64_t municipality_id, std::optional<std::string> code) = 0;
  virtual std::optional<org::Function> function(std::int64_t municipality_id, const ProfileKey& key) = 0;
  // Stored profiles by function id; of one function level when given.
  virtual std::map<std::int64_t, ProfileRecord> profiles(std::int64_t municipality_id, std::optional<std::int64_t> function_id) = 0;

  // Every organisation that people work for, and the ones with a recorded decision, by name.
  virtual std::vector<ExternalOrganisation> external_organisations(std::int64_t municipality_id) = 0;

  // Runs `change` in one transaction in the actor's municipality: all of it is stored, or nothing.
  virtual void write(const Principal& actor, const std::function<void(Transaction&)>& change) = 0;
};

}  // namespace kwm::competence
