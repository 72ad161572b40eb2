#pragma once
// Synthetic Dutch-sounding names, built from syllables so that they name no real municipality, district or
// person: place names from a stem and a suffix ("Haverwolde"), people from first-name syllables and a surname
// of stem, suffix and sometimes a tussenvoegsel ("Marijn van der Kolkhorst").
#include <set>
#include <string>

#include "demo/random.hpp"

namespace kwm::demo {

std::string place_name(Random& random);
// A place name not in `taken`; adds it there. Falls back to a numbered form once the syllables run out.
std::string unique_place_name(Random& random, std::set<std::string>& taken);
std::string person_name(Random& random);

}  // namespace kwm::demo
