#pragma once
// Accounts and their login sessions. Passwords are kept only as Argon2id hashes; session tokens only as
// SHA-256 hashes, so a copy of the database lets nobody log in.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/principal.hpp"

namespace kwm::store {

class Database;

struct NewUser {
  std::int64_t municipality_id = 0;
  std::string username;
  std::string password;  // plain; hashed here
  Role role = Role::employee;
  std::vector<std::string> unit_codes;  // manager: the units they lead
  std::string personnel_number;         // employee: their own record
  std::string organisation;             // external: their organisation
};

// Creates the account (audited as `actor`); fails with code "username_taken" (field "username") when the
// name exists, "weak_password" when shorter than 12 characters, "unit_required" etc. for role ties.
std::int64_t create_user(Database& db, const Principal& actor, const NewUser& user);

// The principal of a username/password pair, or empty when either is wrong.
std::optional<Principal> verify_login(Database& db, const std::string& username, const std::string& password);

// Sessions: create returns the raw token (only its hash is stored) and the CSRF token.
struct SessionTokens {
  std::string token;
  std::string csrf_token;
};
SessionTokens create_session(Database& db, std::int64_t user_id, int lifetime_hours = 12);
struct ActiveSession {
  Principal principal;
  std::string csrf_token;
};
std::optional<ActiveSession> find_session(Database& db, const std::string& token);
void delete_session(Database& db, const std::string& token);

// The principal of an existing user by name (for the command line and tests).
std::optional<Principal> principal_for_username(Database& db, const std::string& username);

}  // namespace kwm::store
