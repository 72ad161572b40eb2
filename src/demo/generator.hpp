#pragma once
// Deterministic synthetic demo municipalities, shaped after the study's cases: the same size, seed and
// reference date always give the same bytes. Every name is synthetic (municipalities, districts, people,
// organisations) and the CBS codes are in the unused range GM9000-GM9999.
//
//  small     ~15,000 inhabitants: one department, one social team, ~15 staff
//  medium    ~42,000 inhabitants: a social-domain programme of ~55 FTE with three area teams of 4-6
//            (one municipal consultant plus a seconded district nurse, social worker and family coach),
//            work & income and a back office
//  large     ~150,000 inhabitants: ~250 staff in five sectors, 11 district teams of ~10 run by main
//            contractors and 5 youth teams of ~10 externals, so that all four team types occur
//  national  340 municipalities sized after the Dutch distribution, each a whole municipal organisation
//            (social domain plus the other departments), ~190,000 employees in all; for benchmarks
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace kwm::demo {

enum class Size { small, medium, large, national };

std::string_view to_string(Size size);
std::optional<Size> size_from_string(std::string_view text);

struct DemoMunicipality {
  std::string code;  // GM + 4 digits
  std::string name;
  std::int64_t inhabitants = 0;
  std::string region;
  // The four files in the import formats of docs/csv.md (comma separated, CRLF, "." as decimal point).
  std::string units_csv;
  std::string functions_csv;
  std::string positions_csv;
  std::string people_csv;
};

// Temporary positions and contracts end relative to `reference` (some within six months of it), and hire
// dates lie before it; pass a fixed date for reproducible files.
std::vector<DemoMunicipality> generate(Size size, std::uint64_t seed, Date reference = Date::today());

// The municipalities folded into one tenant, for the import benchmark: unit codes and personnel numbers
// get the municipality code as prefix ("GM9001-SD"), each municipality's root hangs under one national
// root unit, and the (shared) function catalogue appears once. Throws std::invalid_argument when two
// municipalities describe the same function level differently.
DemoMunicipality merge(const std::vector<DemoMunicipality>& municipalities, const std::string& code,
                       const std::string& name);

}  // namespace kwm::demo
