#include "demo/names.hpp"

#include <array>
#include <string_view>

namespace kwm::demo {
namespace {

// Stems and suffixes were chosen (and compass words like "Wester" left out) so that no combination is the
// name of a Dutch municipality.
constexpr std::array<std::string_view, 40> kPlaceStems = {
    "Brem",  "Kwel",    "Ulder",  "Haver",  "Linde",  "Vossel", "Rade",   "Elsen",  "Berke",  "Hulster",
    "Dorre", "Ganzen",  "Kraai",  "Lier",   "Raven",  "Schapen", "Spoor", "Turf",   "Uiter",  "Wolfs",
    "Zwaluw", "Eiken",  "Beuke",  "Hazel",  "Kemp",   "Lokker", "Torn",   "Vlier",  "Wilgen", "Esker",
    "Dommel", "Gelder", "Harle",  "Ommer",  "Hommel", "Kievits", "Rogge", "Tarwe",  "Zeggel", "Vinke"};
constexpr std::array<std::string_view, 20> kPlaceSuffixes = {
    "wolde", "horst", "dijk",  "broek",  "hoven", "veen", "zijl",  "rade",  "loo",   "werf",
    "kamp",  "dam",   "weerd", "akker",  "ven",   "hem",  "drecht", "stede", "meer", "gouw"};

constexpr std::array<std::string_view, 36> kFirstNameHeads = {
    "Ar",  "Ber", "Cor",  "Dir",  "El",  "Fen", "Ger",  "Han", "In",   "Jel", "Kar",  "Lin",
    "Mar", "Nel", "Or",   "Rin",  "Sas", "Tjal", "Wil", "Yn",  "Aal",  "Bren", "Dan", "Es",
    "Fem", "Hil", "Jan",  "Ker",  "Lot", "Mein", "Noor", "Reim", "Sjoer", "Tes", "Wout", "Zeg"};
constexpr std::array<std::string_view, 18> kFirstNameTails = {
    "a", "ke", "ien", "rik", "ijn", "ine", "mer", "tje", "on", "em", "wen", "ie", "anne", "ko", "mar", "lot", "ise", "do"};

constexpr std::array<std::string_view, 30> kSurnameStems = {
    "Brem", "Kors", "Dek",  "Wol",  "Hui",   "Stap", "Vel",   "Berk", "Hol",   "Kool",
    "Lam",  "Mos",  "Pol",  "Rui",  "Smeel", "Tol",  "Vos",   "Wiers", "Zand", "Gras",
    "Haar", "Kamp", "Lin",  "Noot", "Ot",    "Spaan", "Wit",  "Dorre", "Bakel", "Eg"};
constexpr std::array<std::string_view, 20> kSurnameSuffixes = {
    "man", "ink", "ing", "kamp", "huis", "sma",  "stra", "beek", "hof",  "ema",
    "ers", "horst", "ert", "ens", "weg",  "veld", "holt", "inga", "hoek", "broek"};
// Weighted towards no tussenvoegsel, as in the population.
constexpr std::array<std::string_view, 10> kTussenvoegsels = {"", "", "", "", "", "van", "de", "van der", "van de", "ter"};

template <std::size_t N>
std::string_view draw(Random& random, const std::array<std::string_view, N>& items) {
  return random.pick(std::span<const std::string_view>(items));
}

}  // namespace

std::string place_name(Random& random) {
  std::string name(draw(random, kPlaceStems));
  name += draw(random, kPlaceSuffixes);
  return name;
}

std::string unique_place_name(Random& random, std::set<std::string>& taken) {
  // Enough tries that a free combination is found long before the syllables are used up.
  for (int attempt = 0; attempt < 64; ++attempt) {
    std::string name = place_name(random);
    if (taken.insert(name).second) return name;
  }
  for (int number = 2;; ++number) {
    std::string name = place_name(random) + " " + std::to_string(number);
    if (taken.insert(name).second) return name;
  }
}

std::string person_name(Random& random) {
  std::string name(draw(random, kFirstNameHeads));
  name += draw(random, kFirstNameTails);
  name += ' ';
  const std::string_view tussenvoegsel = draw(random, kTussenvoegsels);
  if (!tussenvoegsel.empty()) {
    name += tussenvoegsel;
    name += ' ';
  }
  name += draw(random, kSurnameStems);
  name += draw(random, kSurnameSuffixes);
  return name;
}

}  // namespace kwm::demo
