// The organisation's storage: municipalities, the per-municipality snapshot of units with their figures,
// lists of functions, positions and people, and every write with its audit entry. Imports are in
// org_import.cpp.
#include "store/org_repository.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <mutex>
#include <unordered_map>
#include <variant>

#include <fmt/format.h>

#include "core/error.hpp"
#include "org/service.hpp"
#include "store/audit.hpp"
#include "store/database.hpp"
#include "store/org_import.hpp"
#include "store/org_sql.hpp"

namespace kwm::store {
namespace {

using detail::Statement;

// A WHERE clause assembled from parts, each with its parameters, bound in the order they were added.
class Conditions {
 public:
  template <typename... Values>
  void add(std::string sql, Values... values) {
    text_ += sql;
    (values_.emplace_back(std::move(values)), ...);
  }
  const std::string& text() const { return text_; }
  void bind(Statement& st) {
    for (auto& value : values_) std::visit([&](auto& v) { st.use(v); }, value);
  }

 private:
  std::string text_;
  std::deque<std::variant<std::string, long long>> values_;  // a deque keeps bound references valid
};

std::string like_pattern(std::string_view q) {
  std::string pattern = "%";
  for (char c : q) {
    if (c == '%' || c == '_' || c == '\\') pattern.push_back('\\');
    pattern.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  pattern.push_back('%');
  return pattern;
}

// " LIMIT :l OFFSET :o" with its values, or nothing when the slice is everything.
class Limit {
 public:
  explicit Limit(const org::Slice& slice) : all_(slice.limit == INT64_MAX), limit_(slice.limit), offset_(slice.offset) {}
  std::string text() const { return all_ ? std::string() : " LIMIT :l OFFSET :o"; }
  void bind(Statement& st) {
    if (!all_) st.use(limit_).use(offset_);
  }

 private:
  bool all_;
  long long limit_, offset_;
};

// Narrows a people query to the reach the service gave: the store applies it, it does not decide it.
void apply_reach(const Reach& reach, Conditions& conditions) {
  switch (reach.scope) {
    case Scope::organisation:
      return;
    case Scope::own_units:
      conditions.add(" AND p.unit_id IN (" + detail::id_list(reach.unit_ids) + ")");
      return;
    case Scope::own_record:
      conditions.add(" AND p.id = :self", static_cast<long long>(reach.person_id.value_or(0)));
      return;
    case Scope::own_organisation:
      conditions.add(" AND p.engagement <> 'employee' AND p.organisation = :organisation", reach.organisation);
      return;
    case Scope::assigned:
    case Scope::aggregates:
      conditions.add(" AND 1 = 0");
      return;
  }
}

// --- The organisation at one moment: units with figures ------------------------------------------------

org::Snapshot load_snapshot(soci::session& sql, long long municipality_id) {
  org::Snapshot snapshot;
  snapshot.units = detail::select_units(sql, municipality_id);
  for (std::size_t i = 0; i < snapshot.units.size(); ++i) {
    const org::Unit& unit = snapshot.units[i];
    snapshot.index[unit.id] = i;
    if (unit.parent_id) snapshot.children[*unit.parent_id].push_back(unit.id);
  }

  long long m = municipality_id, unit_id = 0, function_id = 0, fte = 0, count = 0;
  std::string kind;
  soci::indicator function_ind = soci::i_ok;
  std::vector<org::PositionLine> position_lines;
  {
    Statement st(sql);
    st.into(unit_id).into(function_id).into(kind).into(fte).use(m)
        .prepare("SELECT unit_id, function_id, kind, CAST(SUM(fte_milli) AS BIGINT) FROM positions "
                 "WHERE municipality_id = :m GROUP BY unit_id, function_id, kind");
    st.start();
    while (st.fetch()) {
      position_lines.push_back({unit_id, function_id, org::position_kind_from_string(kind).value_or(org::PositionKind::Structural),
                                Fte::from_milli(fte)});
    }
  }
  std::vector<org::StaffLine> staff_lines;
  {
    Statement st(sql);
    st.into(unit_id).into(function_id, function_ind).into(kind).into(fte).into(count).use(m)
        .prepare("SELECT unit_id, function_id, engagement, CAST(SUM(fte_milli) AS BIGINT), COUNT(*) FROM people "
                 "WHERE municipality_id = :m GROUP BY unit_id, function_id, engagement");
    st.start();
    while (st.fetch()) {
      org::StaffLine line{unit_id, std::nullopt, org::engagement_from_string(kind).value_or(org::Engagement::Employee),
                          Fte::from_milli(fte), count};
      if (function_ind == soci::i_ok) line.function_id = function_id;
      staff_lines.push_back(line);
    }
  }
  snapshot.figures = org::roll_up(snapshot.nodes(), position_lines, staff_lines);

  // Team types need to know which members lead rather than consult, which the function names tell.
  const bool has_directed_teams = std::any_of(snapshot.units.begin(), snapshot.units.end(),
                                              [](const org::Unit& unit) { return org::is_directed_team(unit.kind); });
  if (has_directed_teams) {
    std::unordered_map<std::int64_t, std::pair<std::string, std::string>> function_names;
    for (const org::Function& function : detail::select_functions(sql, municipality_id, "", "", detail::bind_nothing)) {
      function_names[function.id] = {function.code, function.name};
    }
    for (const org::StaffLine& line : staff_lines) {
      const org::Unit* unit = snapshot.find(line.unit_id);
      if (!unit || !org::is_directed_team(unit->kind)) continue;
      std::string_view code, name;
      if (line.function_id) {
        const auto& names = function_names[*line.function_id];
        code = names.first;
        name = names.second;
      }
      org::count_member(snapshot.teams[line.unit_id], line.engagement, code, name, line.count);
    }
  }
  return snapshot;
}

// --- Snapshots kept between requests --------------------------------------------------------------------
// Computing a snapshot reads the whole organisation of a municipality; reading its version stamp is one
// primary-key lookup. So each process keeps the last snapshot per municipality with the stamp it was read at
// and hands it out while that stamp is still the stored one. Writers change the stamp in the same
// transaction as their write (detail::organisation_write), so a committed write, by this process or any
// other, shows on the next read. Kept per database (its connection string), since one process may open
// several.
class SnapshotCache {
 public:
  std::shared_ptr<const org::Snapshot> find(const std::string& database, long long municipality_id, long long version) {
    const std::lock_guard lock(mutex_);
    const auto per_database = entries_.find(database);
    if (per_database == entries_.end()) return nullptr;
    const auto it = per_database->second.find(municipality_id);
    if (it == per_database->second.end() || it->second.version != version) return nullptr;
    return it->second.snapshot;
  }

  void keep(const std::string& database, long long municipality_id, long long version,
            std::shared_ptr<const org::Snapshot> snapshot) {
    const std::lock_guard lock(mutex_);
    auto& per_database = entries_[database];
    // A bound on memory for installations with very many municipalities: any one may go, it is reloaded.
    if (per_database.size() >= kMaxMunicipalities && !per_database.contains(municipality_id)) per_database.erase(per_database.begin());
    per_database[municipality_id] = Entry{version, std::move(snapshot)};
  }

 private:
  static constexpr std::size_t kMaxMunicipalities = 512;
  struct Entry {
    long long version = 0;
    std::shared_ptr<const org::Snapshot> snapshot;
  };
  std::mutex mutex_;
  std::map<std::string, std::unordered_map<long long, Entry>, std::less<>> entries_;
};

// The snapshot and the stamp it belongs to, read in one transaction that sees a single moment (SQLite's
// read transactions do; PostgreSQL's need REPEATABLE READ), so the stamp cannot be older than the data.
std::pair<std::optional<long long>, std::shared_ptr<const org::Snapshot>> load_stamped_snapshot(Dialect dialect,
                                                                                                soci::session& sql,
                                                                                                long long municipality_id) {
  soci::transaction read(sql);
  if (dialect == Dialect::postgresql) sql << "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";
  const std::optional<long long> version = detail::organisation_version(sql, municipality_id);
  auto snapshot = std::make_shared<const org::Snapshot>(load_snapshot(sql, municipality_id));
  read.commit();
  return {version, std::move(snapshot)};
}

// --- Municipalities ------------------------------------------------------------------------------------

std::string join_codes(const std::vector<std::string>& codes) {
  std::string text;
  for (const std::string& code : codes) {
    if (!text.empty()) text.push_back('|');
    text += code;
  }
  return text;
}

std::vector<std::string> split_codes(const std::string& text) {
  std::vector<std::string> codes;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('|', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) codes.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return codes;
}

std::vector<org::Municipality> select_municipalities(soci::session& sql, const std::string& code_filter) {
  long long id = 0, inhabitants = 0;
  std::string code, name, region, filter = code_filter;
  std::vector<org::Municipality> municipalities;
  {
    Statement st(sql);
    st.into(id).into(code).into(name).into(inhabitants).into(region).use(filter).use(filter)
        .prepare("SELECT id, code, name, inhabitants, region FROM municipalities WHERE (:f = '' OR code = :f2) ORDER BY code");
    st.start();
    while (st.fetch()) municipalities.push_back(org::Municipality{id, code, name, inhabitants, region, {}});
  }
  if (municipalities.empty()) return municipalities;
  std::unordered_map<std::int64_t, std::size_t> index;
  for (std::size_t i = 0; i < municipalities.size(); ++i) index[municipalities[i].id] = i;
  long long municipality_id = 0;
  std::string kind, partners;
  Statement st(sql);
  st.into(municipality_id).into(kind).into(name).into(partners).use(filter).use(filter)
      .prepare("SELECT c.municipality_id, c.kind, c.name, c.partner_codes FROM cooperations c JOIN municipalities m ON "
               "m.id = c.municipality_id WHERE (:f = '' OR m.code = :f2) ORDER BY c.id");
  st.start();
  while (st.fetch()) {
    if (const auto it = index.find(municipality_id); it != index.end()) {
      municipalities[it->second].cooperations.push_back(org::Cooperation{kind, name, split_codes(partners)});
    }
  }
  return municipalities;
}

template <typename Record>
Record with_id(Record record, std::int64_t id) {
  record.id = id;
  return record;
}

void delete_row(soci::session& sql, std::string_view table, long long municipality_id, std::int64_t id) {
  long long m = municipality_id, key = id;
  Statement st(sql);
  st.use(key).use(m).prepare(fmt::format("DELETE FROM {} WHERE id = :id AND municipality_id = :m", table));
  st.run();
}

// --- Writes --------------------------------------------------------------------------------------------

class SqlTransaction final : public org::Transaction {
 public:
  SqlTransaction(soci::session& sql, const Principal& actor) : sql_(sql), actor_(actor), m_(actor.municipality_id) {}

  std::vector<org::Unit> units() override { return detail::select_units(sql_, m_); }

  std::optional<org::Function> function(std::int64_t id) override { return detail::function_by_id(sql_, m_, id); }

  std::optional<org::Position> position(std::int64_t id) override {
    long long key = id;
    auto found = detail::select_positions(sql_, m_, " AND p.id = :id", "", [&](Statement& st) { st.use(key); });
    if (found.empty()) return std::nullopt;
    return found.front();
  }

  std::optional<org::Person> person(std::int64_t id) override {
    long long key = id;
    auto found = detail::select_people(sql_, m_, " AND p.id = :id", "", [&](Statement& st) { st.use(key); });
    if (found.empty()) return std::nullopt;
    return found.front();
  }

  bool function_key_taken(const org::Function& function, std::int64_t except_id) override {
    std::string code = function.code, level = function.level;
    long long self = except_id;
    return detail::count_rows(sql_, "functions f", m_, " AND f.code = :c AND f.level = :l AND f.id <> :id",
                              [&](Statement& st) { st.use(code).use(level).use(self); }) > 0;
  }

  bool position_key_taken(const org::Position& position, std::int64_t except_id) override {
    long long unit_id = position.unit_id, function_id = position.function_id, self = except_id;
    std::string kind(org::to_string(position.kind)), end_date = detail::date_text(position.end_date);
    return detail::count_rows(
               sql_, "positions p", m_,
               " AND p.unit_id = :u AND p.function_id = :f AND p.kind = :k AND p.end_date = :e AND p.id <> :id",
               [&](Statement& st) { st.use(unit_id).use(function_id).use(kind).use(end_date).use(self); }) > 0;
  }

  bool personnel_number_taken(std::string_view personnel_number, std::int64_t except_id) override {
    std::string number(personnel_number);
    long long self = except_id;
    return detail::count_rows(sql_, "people p", m_, " AND p.personnel_number = :n AND p.id <> :id",
                              [&](Statement& st) { st.use(number).use(self); }) > 0;
  }

  org::Usage unit_usage(std::int64_t unit_id) override { return usage(" AND p.unit_id = :u", unit_id); }
  org::Usage function_usage(std::int64_t function_id) override { return usage(" AND p.function_id = :f", function_id); }

  org::References references() override { return detail::references_of(sql_, m_); }

  std::int64_t insert(const org::Unit& unit) override {
    const std::int64_t id = detail::UnitWriter(sql_, m_).insert(unit);
    record_audit(sql_, actor_, "create", "unit", unit.code, "", detail::audit_json(with_id(unit, id)));
    return id;
  }
  std::int64_t insert(const org::Function& function) override {
    const std::int64_t id = detail::FunctionWriter(sql_, m_).insert(function);
    record_audit(sql_, actor_, "create", "function", detail::audit_key(function), "", detail::audit_json(with_id(function, id)));
    return id;
  }
  std::int64_t insert(const org::Position& position) override {
    const std::int64_t id = detail::PositionWriter(sql_, m_).insert(position);
    record_audit(sql_, actor_, "create", "position", detail::audit_key(position), "", detail::audit_json(with_id(position, id)));
    return id;
  }
  std::int64_t insert(const org::Person& person) override {
    const std::int64_t id = detail::PersonWriter(sql_, m_).insert(person);
    record_audit(sql_, actor_, "create", "person", person.personnel_number, "", detail::audit_json(with_id(person, id)));
    return id;
  }

  void update(const org::Unit& before, const org::Unit& after) override {
    detail::UnitWriter(sql_, m_).update(before.id, after);
    record_audit(sql_, actor_, "update", "unit", after.code, detail::audit_json(before), detail::audit_json(after));
  }
  void update(const org::Function& before, const org::Function& after) override {
    detail::FunctionWriter(sql_, m_).update(before.id, after);
    record_audit(sql_, actor_, "update", "function", detail::audit_key(after), detail::audit_json(before),
                 detail::audit_json(after));
  }
  void update(const org::Position& before, const org::Position& after) override {
    detail::PositionWriter(sql_, m_).update(before.id, after);
    record_audit(sql_, actor_, "update", "position", detail::audit_key(after), detail::audit_json(before),
                 detail::audit_json(after));
  }
  void update(const org::Person& before, const org::Person& after) override {
    detail::PersonWriter(sql_, m_).update(before.id, after);
    record_audit(sql_, actor_, "update", "person", after.personnel_number, detail::audit_json(before),
                 detail::audit_json(after));
  }

  void remove(const org::Unit& unit) override {
    delete_row(sql_, "units", m_, unit.id);
    record_audit(sql_, actor_, "delete", "unit", unit.code, detail::audit_json(unit), "");
  }
  void remove(const org::Function& function) override {
    delete_row(sql_, "functions", m_, function.id);
    record_audit(sql_, actor_, "delete", "function", detail::audit_key(function), detail::audit_json(function), "");
  }
  void remove(const org::Position& position) override {
    delete_row(sql_, "positions", m_, position.id);
    record_audit(sql_, actor_, "delete", "position", detail::audit_key(position), detail::audit_json(position), "");
  }
  void remove(const org::Person& person) override {
    delete_row(sql_, "people", m_, person.id);
    record_audit(sql_, actor_, "delete", "person", person.personnel_number, detail::audit_json(person), "");
  }

  org::ImportCounts import_units(const std::vector<org::Unit>& records) override {
    return detail::import_units(sql_, actor_, records);
  }
  org::ImportCounts import_functions(const std::vector<org::Function>& records) override {
    return detail::import_functions(sql_, actor_, records);
  }
  org::ImportCounts import_positions(const std::vector<org::Position>& records) override {
    return detail::import_positions(sql_, actor_, records);
  }
  org::ImportCounts import_people(const std::vector<org::Person>& records) override {
    return detail::import_people(sql_, actor_, records);
  }
  void record_import(org::ImportKind kind, std::int64_t rows, const org::ImportCounts& counts) override {
    detail::record_import(sql_, actor_, kind, rows, counts);
  }

 private:
  org::Usage usage(std::string_view condition, std::int64_t id) {
    long long key = id;
    const detail::Binder bind = [&](Statement& st) { st.use(key); };
    return {detail::count_rows(sql_, "positions p", m_, condition, bind), detail::count_rows(sql_, "people p", m_, condition, bind)};
  }

  soci::session& sql_;
  const Principal& actor_;
  long long m_;
};

}  // namespace

// --- Municipalities ------------------------------------------------------------------------------------

std::int64_t OrgRepository::create_municipality(const Principal& actor, const org::Municipality& municipality) {
  return db_.transaction([&](soci::session& sql) {
    if (!select_municipalities(sql, municipality.code).empty()) {
      fail(ErrorKind::conflict, "municipality_exists", fmt::format("Gemeente {} bestaat al", municipality.code), "code");
    }
    long long id = 0, inhabitants = municipality.inhabitants;
    std::string code = municipality.code, name = municipality.name, region = municipality.region;
    Statement insert(sql);
    insert.use(code).use(name).use(inhabitants).use(region).into(id)
        .prepare("INSERT INTO municipalities (code, name, inhabitants, region) VALUES (:c, :n, :i, :r) RETURNING id");
    insert.run();
    std::string kind, cooperation_name, partners;
    Statement cooperation(sql);
    cooperation.use(id).use(kind).use(cooperation_name).use(partners)
        .prepare("INSERT INTO cooperations (municipality_id, kind, name, partner_codes) VALUES (:m, :k, :n, :p)");
    for (const org::Cooperation& item : municipality.cooperations) {
      kind = item.kind;
      cooperation_name = item.name;
      partners = join_codes(item.partner_codes);
      cooperation.run();
    }
    Principal in_new_municipality = actor;
    in_new_municipality.municipality_id = id;
    in_new_municipality.municipality_code = municipality.code;
    record_audit(sql, in_new_municipality, "create", "municipality", municipality.code, "", detail::audit_json(municipality));
    return static_cast<std::int64_t>(id);
  });
}

std::optional<org::Municipality> OrgRepository::find_municipality(std::string_view code) {
  auto sql = db_.lease();
  auto found = select_municipalities(*sql, std::string(code));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<org::Municipality> OrgRepository::municipalities() {
  auto sql = db_.lease();
  return select_municipalities(*sql, "");
}

// --- Reads ---------------------------------------------------------------------------------------------

std::shared_ptr<const org::Snapshot> OrgRepository::snapshot(std::int64_t municipality_id) {
  static SnapshotCache cache;
  auto sql = db_.lease();
  const std::string& database = db_.url().connect_string;
  if (const std::optional<long long> version = detail::organisation_version(*sql, municipality_id)) {
    if (auto kept = cache.find(database, municipality_id, *version)) return kept;
  }
  auto [version, snapshot] = load_stamped_snapshot(db_.dialect(), *sql, municipality_id);
  if (version) cache.keep(database, municipality_id, *version, snapshot);
  return snapshot;
}

org::Page<org::Function> OrgRepository::functions(std::int64_t municipality_id, std::string_view q, org::Slice slice) {
  auto sql = db_.lease();
  Conditions conditions;
  if (!q.empty()) {
    conditions.add(" AND (LOWER(f.code) LIKE :q ESCAPE '\\' OR LOWER(f.name) LIKE :q2 ESCAPE '\\')", like_pattern(q), like_pattern(q));
  }
  org::Page<org::Function> page;
  page.total = detail::count_rows(*sql, "functions f", municipality_id, conditions.text(), [&](Statement& st) { conditions.bind(st); });
  Limit limit(slice);
  page.items = detail::select_functions(*sql, municipality_id, conditions.text(), "ORDER BY f.code, f.level" + limit.text(),
                                        [&](Statement& st) {
                                          conditions.bind(st);
                                          limit.bind(st);
                                        });
  return page;
}

std::optional<org::Function> OrgRepository::function(std::int64_t municipality_id, std::int64_t id) {
  auto sql = db_.lease();
  return detail::function_by_id(*sql, municipality_id, id);
}

org::Page<org::Position> OrgRepository::positions(std::int64_t municipality_id, const org::PositionQuery& query, org::Slice slice) {
  auto sql = db_.lease();
  Conditions conditions;
  if (query.unit_ids) conditions.add(" AND p.unit_id IN (" + detail::id_list(*query.unit_ids) + ")");
  if (query.id) conditions.add(" AND p.id = :id", static_cast<long long>(*query.id));
  org::Page<org::Position> page;
  page.total = detail::count_rows(*sql, "positions p", municipality_id, conditions.text(), [&](Statement& st) { conditions.bind(st); });
  Limit limit(slice);
  page.items = detail::select_positions(*sql, municipality_id, conditions.text(),
                                        "ORDER BY u.code, f.code, f.level, p.kind, p.end_date" + limit.text(),
                                        [&](Statement& st) {
                                          conditions.bind(st);
                                          limit.bind(st);
                                        });
  return page;
}

org::Page<org::Person> OrgRepository::people(std::int64_t municipality_id, const org::PeopleQuery& query, org::Slice slice) {
  auto sql = db_.lease();
  Conditions conditions;
  apply_reach(query.reach, conditions);
  if (query.id) conditions.add(" AND p.id = :id", static_cast<long long>(*query.id));
  if (!query.q.empty()) {
    conditions.add(" AND (LOWER(p.name) LIKE :q ESCAPE '\\' OR LOWER(p.personnel_number) LIKE :q2 ESCAPE '\\')",
                   like_pattern(query.q), like_pattern(query.q));
  }
  if (query.unit_ids) conditions.add(" AND p.unit_id IN (" + detail::id_list(*query.unit_ids) + ")");
  if (query.engagement) conditions.add(" AND p.engagement = :e", std::string(org::to_string(*query.engagement)));
  if (query.contract) conditions.add(" AND p.contract = :c", std::string(org::to_string(*query.contract)));
  if (query.contract_end_before) {
    conditions.add(" AND p.contract = 'temporary' AND p.contract_end <> '' AND p.contract_end <= :d", query.contract_end_before->iso());
  }
  org::Page<org::Person> page;
  page.total = detail::count_rows(*sql, "people p", municipality_id, conditions.text(), [&](Statement& st) { conditions.bind(st); });
  Limit limit(slice);
  page.items = detail::select_people(*sql, municipality_id, conditions.text(), "ORDER BY p.name, p.id" + limit.text(),
                                     [&](Statement& st) {
                                       conditions.bind(st);
                                       limit.bind(st);
                                     });
  return page;
}

std::vector<org::Unit> OrgRepository::all_units(std::int64_t municipality_id) {
  auto sql = db_.lease();
  return detail::select_units(*sql, municipality_id);
}

std::vector<org::Function> OrgRepository::all_functions(std::int64_t municipality_id) {
  auto sql = db_.lease();
  return detail::select_functions(*sql, municipality_id, "", "ORDER BY f.code, f.level", detail::bind_nothing);
}

std::vector<org::Position> OrgRepository::all_positions(std::int64_t municipality_id) {
  auto sql = db_.lease();
  return detail::select_positions(*sql, municipality_id, "", "ORDER BY u.code, f.code, f.level, p.kind, p.end_date",
                                  detail::bind_nothing);
}

std::vector<org::Person> OrgRepository::all_people(std::int64_t municipality_id) {
  auto sql = db_.lease();
  return detail::select_people(*sql, municipality_id, "", "ORDER BY p.personnel_number", detail::bind_nothing);
}

// --- Writes --------------------------------------------------------------------------------------------

void OrgRepository::write(const Principal& actor, const std::function<void(org::Transaction&)>& change, org::Volume volume) {
  // The stamp is the first write: on PostgreSQL it locks the municipality's row, so concurrent writers of one
  // municipality take turns and their checks (unique codes, no cycles) see each other's results.
  db_.transaction([&](soci::session& sql) {
    const detail::BulkWriteSettings settings(sql, db_.dialect(), volume);
    detail::stamp_organisation_change(sql, actor.municipality_id);
    SqlTransaction tx(sql, actor);
    change(tx);
  });
}

std::shared_ptr<org::Service> organisation_service(Database& db) {
  return std::make_shared<org::Service>(std::make_shared<OrgRepository>(db));
}

}  // namespace kwm::store
