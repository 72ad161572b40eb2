#include "store/user_store.hpp"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <fmt/chrono.h>
#include <fmt/format.h>

#include "core/error.hpp"
#include "core/text_policy.hpp"
#include "store/audit.hpp"
#include "store/database.hpp"

namespace kwm::store {
namespace {

constexpr std::size_t kMinimumPasswordLength = 12;

void ensure_sodium() {
  static const int ready = sodium_init();
  if (ready < 0) fail(ErrorKind::internal, "crypto_unavailable", "libsodium kon niet worden gestart");
}

std::string hex(const unsigned char* data, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, size);
  out.pop_back();
  return out;
}

std::string random_token() {
  unsigned char bytes[32];  // 256 bits
  randombytes_buf(bytes, sizeof bytes);
  return hex(bytes, sizeof bytes);
}

std::string token_hash(const std::string& token) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  return hex(digest, sizeof digest);
}

std::string hash_password(const std::string& password) {
  char hashed[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hashed, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    fail(ErrorKind::internal, "out_of_memory", "Het wachtwoord kon niet worden versleuteld (te weinig geheugen)");
  }
  return hashed;
}

std::string iso_after_hours(int hours) {
  const auto at = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) + std::chrono::hours(hours);
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", at);
}

struct UserRow {
  Principal principal;
  std::string password_hash;
  std::string csrf_token;  // of the session the account was found by
  std::string expires_at;
};

// A manager's scope: the units they lead and everything below them, in one statement.
std::vector<std::int64_t> unit_scope(soci::session& sql, long long user_id) {
  soci::rowset<long long> units = (sql.prepare << "WITH RECURSIVE scope(unit_id) AS (SELECT unit_id FROM user_units WHERE user_id = :u "
                                                  "UNION SELECT c.id FROM units c JOIN scope ON c.parent_id = scope.unit_id) "
                                                  "SELECT unit_id FROM scope ORDER BY unit_id",
                                   soci::use(user_id));
  return {units.begin(), units.end()};
}

// The account the statement `account_query` finds by its one parameter :key, selecting kAccountColumns and
// then the session's CSRF token and expiry: one round trip for everyone but a manager, who needs a second
// for their scope. (A recursive scope folded into the same statement costs every other role more: SQLite
// builds its temporary tables even when the anchor finds nothing.)
constexpr const char* kAccountColumns =
    "u.id, u.username, u.municipality_id, m.code, m.name, u.role, u.person_id, u.organisation, u.password_hash";

std::optional<UserRow> load_user(soci::session& sql, const std::string& account_query, const std::string& key) {
  long long user_id = 0, municipality_id = 0, person_id = 0;
  std::string username, code, name, role, organisation, password_hash, csrf, expires;
  soci::indicator person_ind = soci::i_ok;
  sql << account_query, soci::use(key), soci::into(user_id), soci::into(username), soci::into(municipality_id), soci::into(code),
      soci::into(name), soci::into(role), soci::into(person_id, person_ind), soci::into(organisation), soci::into(password_hash),
      soci::into(csrf), soci::into(expires);
  if (!sql.got_data()) return std::nullopt;
  UserRow user;
  Principal& p = user.principal;
  p.user_id = user_id;
  p.username = username;
  p.municipality_id = municipality_id;
  p.municipality_code = code;
  p.municipality_name = name;
  p.role = role_from_string(role).value_or(Role::employee);
  if (person_ind == soci::i_ok) p.person_id = person_id;
  p.organisation = organisation;
  if (p.role == Role::manager) p.unit_ids = unit_scope(sql, user_id);
  user.password_hash = password_hash;
  user.csrf_token = csrf;
  user.expires_at = expires;
  return user;
}

std::optional<UserRow> user_by_name(soci::session& sql, const std::string& username) {
  return load_user(sql,
                   std::string("SELECT ") + kAccountColumns +
                       ", '', '' FROM users u JOIN municipalities m ON m.id = u.municipality_id WHERE u.username = :key",
                   username);
}

struct RoleTies {
  std::vector<long long> unit_ids;
  std::optional<long long> person_id;
};

// Resolves the codes that tie an account to units or a person record, all within its own municipality.
RoleTies resolve_role_ties(soci::session& sql, const NewUser& user) {
  const long long municipality = user.municipality_id;
  if (user.role == Role::manager && user.unit_codes.empty())
    fail_invalid("unit", "Een leidinggevende (manager) hoort bij minstens één eenheid: geef --unit CODE", "unit_required");
  if (user.role == Role::employee && user.personnel_number.empty())
    fail_invalid("person", "Een medewerker (employee) hoort bij een eigen personeelsdossier: geef --person NUMMER",
                 "person_required");
  if (user.role == Role::external && user.organisation.empty())
    fail_invalid("organisation", "Een externe gebruiker hoort bij een organisatie: geef --organisation NAAM",
                 "organisation_required");
  RoleTies ties;
  for (const std::string& code : user.unit_codes) {
    long long id = 0;
    sql << "SELECT id FROM units WHERE code = :c AND municipality_id = :m", soci::use(code), soci::use(municipality),
        soci::into(id);
    if (!sql.got_data()) fail_invalid("unit", "Eenheid '" + code + "' bestaat niet in deze gemeente", "unknown_unit");
    ties.unit_ids.push_back(id);
  }
  if (!user.personnel_number.empty()) {
    long long id = 0;
    sql << "SELECT id FROM people WHERE personnel_number = :p AND municipality_id = :m",
        soci::use(user.personnel_number), soci::use(municipality), soci::into(id);
    if (!sql.got_data())
      fail_invalid("person", "Personeelsnummer '" + user.personnel_number + "' bestaat niet in deze gemeente",
                   "unknown_person");
    ties.person_id = id;
  }
  return ties;
}

}  // namespace

std::int64_t create_user(Database& db, const Principal& actor, const NewUser& user) {
  ensure_sodium();
  const bool plain_name = std::all_of(user.username.begin(), user.username.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '.' || c == '_' || c == '-' || c == '@';
  });
  if (user.username.empty() || user.username.size() > 100 || !plain_name)
    fail_invalid("username", "Een gebruikersnaam heeft 1 tot 100 tekens: letters, cijfers en . _ - @");
  if (user.password.size() < kMinimumPasswordLength)
    fail_invalid("password", fmt::format("Het wachtwoord moet minstens {} tekens hebben", kMinimumPasswordLength),
                 "weak_password");
  require_text(TextKind::password, user.password, "password", "Het wachtwoord");
  const std::string password_hash = hash_password(user.password);
  return db.transaction([&](soci::session& sql) -> std::int64_t {
    long long taken = 0;
    sql << "SELECT COUNT(*) FROM users WHERE username = :u", soci::use(user.username), soci::into(taken);
    if (taken > 0) fail(ErrorKind::conflict, "username_taken", "Deze gebruikersnaam bestaat al", "username");
    const RoleTies ties = resolve_role_ties(sql, user);
    long long id = 0;
    long long municipality = user.municipality_id;
    long long person = ties.person_id.value_or(0);
    soci::indicator person_ind = ties.person_id ? soci::i_ok : soci::i_null;
    const std::string role(to_string(user.role)), created_at = utc_now_iso();
    sql << "INSERT INTO users (municipality_id, username, password_hash, role, person_id, organisation, created_at) "
           "VALUES (:m, :u, :h, :r, :p, :o, :c) RETURNING id",
        soci::use(municipality), soci::use(user.username), soci::use(password_hash), soci::use(role),
        soci::use(person, person_ind), soci::use(user.organisation), soci::use(created_at), soci::into(id);
    for (long long unit : ties.unit_ids) {
      sql << "INSERT INTO user_units (user_id, unit_id) VALUES (:u, :n)", soci::use(id), soci::use(unit);
    }
    Principal scoped_actor = actor;
    scoped_actor.municipality_id = user.municipality_id;
    record_audit(sql, scoped_actor, "create", "user", user.username, "",
                 fmt::format(R"({{"username":"{}","role":"{}"}})", user.username, to_string(user.role)));
    return id;
  });
}

std::optional<Principal> verify_login(Database& db, const std::string& username, const std::string& password) {
  // No stored password is this long (see create_user), so it cannot match: refuse it without hashing it.
  if (password.size() > 4 * limits_of(TextKind::password).max_chars) return std::nullopt;
  ensure_sodium();
  std::optional<UserRow> user;
  {
    auto sql = db.lease();
    user = user_by_name(*sql, username);
  }
  if (!user) {
    // Spend the same effort as a real check, so response time does not tell which usernames exist.
    static const std::string dummy = hash_password("kwartiermaker-timing-equaliser");
    (void)crypto_pwhash_str_verify(dummy.c_str(), password.data(), password.size());
    return std::nullopt;
  }
  if (crypto_pwhash_str_verify(user->password_hash.c_str(), password.data(), password.size()) != 0) return std::nullopt;
  return user->principal;
}

SessionTokens create_session(Database& db, std::int64_t user_id, int lifetime_hours) {
  ensure_sodium();
  SessionTokens tokens{random_token(), random_token()};
  const std::string now = utc_now_iso(), hashed = token_hash(tokens.token), expires = iso_after_hours(lifetime_hours);
  long long user = user_id;
  db.transaction([&](soci::session& sql) {
    sql << "DELETE FROM sessions WHERE expires_at < :now", soci::use(now);
    sql << "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (:t, :u, :c, :n, :e)",
        soci::use(hashed), soci::use(user), soci::use(tokens.csrf_token), soci::use(now), soci::use(expires);
  });
  return tokens;
}

std::optional<ActiveSession> find_session(Database& db, const std::string& token) {
  if (token.empty()) return std::nullopt;
  auto sql = db.lease();
  const std::optional<UserRow> user =
      load_user(*sql,
                std::string("SELECT ") + kAccountColumns +
                    ", s.csrf_token, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id "
                    "JOIN municipalities m ON m.id = u.municipality_id WHERE s.token_hash = :key",
                token_hash(token));
  if (!user || user->expires_at < utc_now_iso()) return std::nullopt;
  return ActiveSession{user->principal, user->csrf_token};
}

void delete_session(Database& db, const std::string& token) {
  auto sql = db.lease();
  const std::string hashed = token_hash(token);
  *sql << "DELETE FROM sessions WHERE token_hash = :t", soci::use(hashed);
}

std::optional<Principal> principal_for_username(Database& db, const std::string& username) {
  auto sql = db.lease();
  std::optional<UserRow> user = user_by_name(*sql, username);
  if (!user) return std::nullopt;
  return user->principal;
}

}  // namespace kwm::store
