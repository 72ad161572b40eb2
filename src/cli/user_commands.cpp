// user add, user unlock: accounts are made, and locks lifted, on the command line by whoever runs the
// installation.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "store/account_locks.hpp"
#include "store/database.hpp"
#include "org/service.hpp"
#include "store/org_repository.hpp"
#include "store/user_store.hpp"

namespace kwm::cli {
namespace {

struct UserAddOptions {
  std::string db;
  std::string municipality;
  std::string username;
  std::string role;
  bool password_stdin = false;
  std::vector<std::string> units;
  std::string person;
  std::string organisation;
};

std::string read_password_line() {
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

int add_user(const UserAddOptions& opts) {
  const std::optional<Role> role = role_from_string(opts.role);
  if (!role) {
    fail_invalid("role", "Onbekende rol '" + opts.role + "': kies admin, hr, manager, employee, works_council of external");
  }
  if (!opts.password_stdin) fail_invalid("password-stdin", "Geef het wachtwoord via standaardinvoer met --password-stdin");
  store::Database db(opts.db, 1);
  const auto municipality = store::organisation_service(db)->find_municipality(opts.municipality);
  if (!municipality) fail_invalid("municipality", "Gemeente '" + opts.municipality + "' bestaat niet");
  store::NewUser user;
  user.municipality_id = municipality->id;
  user.username = opts.username;
  user.password = read_password_line();
  user.role = *role;
  user.unit_codes = opts.units;
  user.personnel_number = opts.person;
  user.organisation = opts.organisation;
  Principal operator_principal;
  operator_principal.username = "cli";
  operator_principal.municipality_id = municipality->id;
  operator_principal.role = Role::admin;
  const std::int64_t id = store::create_user(db, operator_principal, user);
  std::cout << "Gebruiker " << opts.username << " (" << opts.role << ") aangemaakt met id " << id << "\n";
  return 0;
}

// Lifts a lock as the operator acting for the account's own municipality, audited like the API's unlock.
int unlock_user(const std::string& url, const std::string& username) {
  store::Database db(url, 1);
  const std::optional<Principal> account = store::principal_for_username(db, username);
  if (!account) fail_invalid("username", "Gebruiker '" + username + "' bestaat niet");
  Principal operator_principal;
  operator_principal.username = "cli";
  operator_principal.municipality_id = account->municipality_id;
  operator_principal.role = Role::admin;
  try {
    store::account_service(db)->unlock(operator_principal, username, "command line");
  } catch (const Failure& failure) {
    if (failure.error().kind != ErrorKind::not_found) throw;
    std::cout << "Gebruiker " << username << " was niet geblokkeerd\n";
    return 0;
  }
  std::cout << "Gebruiker " << username << " is gedeblokkeerd\n";
  return 0;
}

void add_user_commands(CLI::App& app) {
  CLI::App* user = app.add_subcommand("user", "Manage user accounts");
  user->require_subcommand(1);
  auto opts = std::make_shared<UserAddOptions>();
  CLI::App* add = user->add_subcommand("add", "Create a user account");
  add_db_option(*add, opts->db);
  add->add_option("--municipality", opts->municipality, "CBS code of the municipality, e.g. GM0363")->required();
  add->add_option("--username", opts->username, "Login name")->required();
  add->add_option("--role", opts->role, "admin, hr, manager, employee, works_council or external")->required();
  add->add_flag("--password-stdin", opts->password_stdin, "Read the password (at least 12 characters) from stdin");
  add->add_option("--unit", opts->units, "Unit code a manager leads (repeatable)");
  add->add_option("--person", opts->person, "Personnel number of an employee's own record");
  add->add_option("--organisation", opts->organisation, "Organisation of an external user");
  add->callback([opts] { run_command([&] { return add_user(*opts); }); });

  auto unlock_db = std::make_shared<std::string>();
  auto unlock_name = std::make_shared<std::string>();
  CLI::App* unlock = user->add_subcommand("unlock", "Lift the lock that failed logins from many addresses put on an account");
  add_db_option(*unlock, *unlock_db);
  unlock->add_option("username", *unlock_name, "Login name")->required();
  unlock->callback([unlock_db, unlock_name] { run_command([&] { return unlock_user(*unlock_db, *unlock_name); }); });
}

const RegisterCommands registered(&add_user_commands);

}  // namespace
}  // namespace kwm::cli
