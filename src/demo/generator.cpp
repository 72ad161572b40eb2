#include "demo/generator.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>

#include "core/csv.hpp"
#include "demo/blueprints.hpp"
#include "demo/names.hpp"
#include "demo/organisation.hpp"
#include "demo/random.hpp"

namespace kwm::demo {
namespace {

constexpr std::uint64_t kFirstPersonnelNumber = 100'000;

// Which blueprint a municipality of this size gets: the study's small case has one social team, the
// medium case area teams, the large case sectors with contractor-run district teams and youth teams.
enum class Shape { small, medium, large };
Shape shape_for(std::int64_t inhabitants) {
  if (inhabitants < 25'000) return Shape::small;
  if (inhabitants < 100'000) return Shape::medium;
  return Shape::large;
}

std::string build_social_domain(Blueprint& blueprint, const std::string& parent, TeamModel model) {
  switch (shape_for(blueprint.inhabitants)) {
    case Shape::small: return build_small_social_domain(blueprint, parent, model);
    case Shape::medium: return build_medium_social_domain(blueprint, parent, model);
    case Shape::large: return build_large_social_domain(blueprint, parent, model);
  }
  throw std::logic_error("unknown municipality shape");
}

DemoMunicipality write(const Organisation& org, std::string code, std::string name, std::int64_t inhabitants,
                       std::string region, bool social_domain_only) {
  return DemoMunicipality{std::move(code),    std::move(name),       inhabitants,
                          std::move(region),  org.units_csv(),       org.functions_csv(social_domain_only),
                          org.positions_csv(), org.people_csv()};
}

struct NamedSize {
  const char* code;
  std::int64_t min_inhabitants;
  std::int64_t max_inhabitants;
  TeamModel model;
};

// The study's case municipalities: a small one whose social team it directs itself with its own
// consultants in it (type 4), a medium one likewise with area teams, a large one whose district teams are
// contracted out with municipal casemanagers in most of them (type 2, a few type 1).
NamedSize named_size(Size size) {
  switch (size) {
    case Size::small: return {"GM9801", 14'300, 15'700, TeamModel{false, true}};
    case Size::medium: return {"GM9802", 40'000, 44'000, TeamModel{false, true}};
    case Size::large: return {"GM9803", 143'000, 157'000, TeamModel{true, true}};
    case Size::national: break;
  }
  throw std::logic_error("not a single-municipality size");
}

DemoMunicipality generate_named(Size size, std::uint64_t seed, Date reference) {
  const NamedSize shape = named_size(size);
  Random random = Random(seed).fork(static_cast<std::uint64_t>(size) + 1);
  std::set<std::string> places;
  const std::string name = unique_place_name(random, places);
  const std::string region = "Regio " + unique_place_name(random, places);
  const std::int64_t inhabitants = random.between(shape.min_inhabitants, shape.max_inhabitants);
  Organisation org(random.fork(1), reference, kFirstPersonnelNumber);
  Blueprint blueprint{org, places, inhabitants};
  switch (size) {
    case Size::small: build_small_social_domain(blueprint, "", shape.model); break;
    case Size::medium: build_medium_social_domain(blueprint, "", shape.model); break;
    case Size::large: build_large_social_domain(blueprint, "", shape.model); break;
    case Size::national: break;
  }
  return write(org, shape.code, name, inhabitants, region, true);
}

// --- national ---------------------------------------------------------------------------------------

// Dutch municipalities by size class (CBS, around 2024): many of 20,000-50,000 inhabitants, a handful of
// islands and villages under 5,000, four cities over 250,000. Employees per 10,000 inhabitants rise with
// size: cities run services that small municipalities buy in or share regionally.
struct SizeClass {
  int municipalities;
  std::int64_t min_inhabitants;
  std::int64_t max_inhabitants;
  std::int64_t employees_per_10k;
  bool lean_small;  // within the class, small sizes are more common than large ones
};
constexpr std::array<SizeClass, 8> kSizeClasses = {{
    {6, 900, 4'999, 120, false},
    {17, 5'000, 9'999, 90, false},
    {66, 10'000, 19'999, 75, true},
    {158, 20'000, 49'999, 75, true},
    {60, 50'000, 99'999, 85, true},
    {17, 100'000, 149'999, 100, true},
    {12, 150'000, 249'999, 110, true},
    {4, 250'000, 950'000, 170, false},
}};
constexpr std::int64_t kNationalEmployees = 190'000;
constexpr int kLabourMarketRegions = 35;

// The study's 22 interviewed municipalities: 2 of type 1, 3 of type 2, 5 of type 3 and 12 of type 4.
constexpr std::array<std::uint32_t, 4> kTeamTypeWeights = {2, 3, 5, 12};
constexpr std::array<TeamModel, 4> kTeamModels = {
    TeamModel{true, false}, TeamModel{true, true}, TeamModel{false, false}, TeamModel{false, true}};

struct NationalEntry {
  std::int64_t inhabitants = 0;
  std::int64_t employees = 0;
};

std::vector<NationalEntry> draw_national_sizes(Random& random) {
  std::vector<NationalEntry> entries;
  for (const SizeClass& size_class : kSizeClasses) {
    for (int i = 0; i < size_class.municipalities; ++i) {
      const std::int64_t span = size_class.max_inhabitants - size_class.min_inhabitants;
      std::int64_t offset = random.between(0, span);
      if (size_class.lean_small) offset = std::min(offset, random.between(0, span));
      const std::int64_t inhabitants = size_class.min_inhabitants + offset;
      entries.push_back({inhabitants, inhabitants * size_class.employees_per_10k / 10'000});
    }
  }
  // Scale so that the whole country employs the national figure.
  std::int64_t raw_total = 0;
  for (const NationalEntry& e : entries) raw_total += e.employees;
  for (NationalEntry& e : entries) e.employees = std::max<std::int64_t>(20, (e.employees * kNationalEmployees + raw_total / 2) / raw_total);
  // Codes are handed out in random order, as CBS codes are not sorted by size.
  for (std::size_t i = entries.size(); i > 1; --i) std::swap(entries[i - 1], entries[random.below(i)]);
  return entries;
}

std::vector<DemoMunicipality> generate_national(std::uint64_t seed, Date reference) {
  Random random = Random(seed).fork(0x4e4c);
  const std::vector<NationalEntry> entries = draw_national_sizes(random);
  std::set<std::string> municipality_names;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < entries.size(); ++i) names.push_back(unique_place_name(random, municipality_names));
  std::vector<std::string> regions;
  for (int i = 0; i < kLabourMarketRegions; ++i) regions.push_back("Regio " + names[random.below(names.size())]);

  std::vector<DemoMunicipality> municipalities;
  municipalities.reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const NationalEntry& entry = entries[i];
    Random own = random.fork(i + 1);
    const std::string region = regions[own.below(regions.size())];
    const TeamModel model = kTeamModels[own.weighted(kTeamTypeWeights)];
    Organisation org(own.fork(1), reference, kFirstPersonnelNumber);
    std::set<std::string> places{names[i]};
    Blueprint blueprint{org, places, entry.inhabitants};
    const std::string root = "GEM";
    org.add_unit({root, "Gemeente " + names[i], "", "department", "", "", ""});
    build_social_domain(blueprint, root, model);
    const int others = std::max(4, static_cast<int>(entry.employees) - org.employees());
    build_other_departments(blueprint, root, others);
    municipalities.push_back(
        write(org, fmt::format("GM{:04}", 9001 + i), names[i], entry.inhabitants, region, false));
  }
  return municipalities;
}

}  // namespace

std::string_view to_string(Size size) {
  switch (size) {
    case Size::small: return "small";
    case Size::medium: return "medium";
    case Size::large: return "large";
    case Size::national: return "national";
  }
  return "?";
}

std::optional<Size> size_from_string(std::string_view text) {
  for (Size size : {Size::small, Size::medium, Size::large, Size::national}) {
    if (to_string(size) == text) return size;
  }
  return std::nullopt;
}

std::vector<DemoMunicipality> generate(Size size, std::uint64_t seed, Date reference) {
  if (size == Size::national) return generate_national(seed, reference);
  return {generate_named(size, seed, reference)};
}

// --- merge ------------------------------------------------------------------------------------------

namespace {

// Rewrites one kind's files into one, prefixing the key columns with each municipality's code.
class MergedFile {
 public:
  // leading_rows come right after the header: the national root unit.
  explicit MergedFile(std::vector<std::string> prefixed_columns, std::vector<std::vector<std::string>> leading_rows = {})
      : prefixed_(std::move(prefixed_columns)), leading_rows_(std::move(leading_rows)) {}

  void add(const std::string& code, const std::string& text, const std::string& root_parent) {
    const csv::Table table = csv::parse(text);
    if (header_.empty()) {
      header_ = table.header;
      text_ = csv::format_line(header_);
      for (const auto& row : leading_rows_) text_ += csv::format_line(row);
    } else if (table.header != header_) {
      throw std::invalid_argument("demo files of " + code + " have another header");
    }
    std::vector<std::size_t> columns;
    for (const std::string& name : prefixed_) {
      if (auto column = table.column(name)) columns.push_back(*column);
    }
    const auto parent_column = table.column("parent_code");
    for (const csv::Record& record : table.records) {
      std::vector<std::string> fields = record.fields;
      for (std::size_t column : columns) {
        if (!fields[column].empty()) fields[column] = code + "-" + fields[column];
      }
      if (parent_column && fields[*parent_column].empty()) fields[*parent_column] = root_parent;
      text_ += csv::format_line(fields);
    }
  }
  std::string& text() { return text_; }

 private:
  std::vector<std::string> prefixed_;
  std::vector<std::vector<std::string>> leading_rows_;
  std::vector<std::string> header_;
  std::string text_;
};

}  // namespace

DemoMunicipality merge(const std::vector<DemoMunicipality>& municipalities, const std::string& code,
                       const std::string& name) {
  DemoMunicipality merged;
  merged.code = code;
  merged.name = name;
  merged.region = "Nederland";
  const std::string root = "NL";
  MergedFile units({"code", "parent_code"}, {{root, name, "", "department", "", "", ""}});
  MergedFile positions({"unit_code"});
  MergedFile people({"personnel_number", "unit_code"});
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> functions;
  std::string functions_text;
  bool first = true;
  for (const DemoMunicipality& m : municipalities) {
    merged.inhabitants += m.inhabitants;
    units.add(m.code, m.units_csv, root);
    positions.add(m.code, m.positions_csv, "");
    people.add(m.code, m.people_csv, "");
    const csv::Table table = csv::parse(m.functions_csv);
    if (first) functions_text = csv::format_line(table.header);
    for (const csv::Record& record : table.records) {
      const auto key = std::make_pair(record.fields.at(0), record.fields.at(2));
      auto [it, inserted] = functions.try_emplace(key, record.fields);
      if (inserted) {
        functions_text += csv::format_line(record.fields);
      } else if (it->second != record.fields) {
        throw std::invalid_argument("demo function " + key.first + "/" + key.second + " differs between municipalities");
      }
    }
    first = false;
  }
  merged.units_csv = std::move(units.text());
  merged.functions_csv = std::move(functions_text);
  merged.positions_csv = std::move(positions.text());
  merged.people_csv = std::move(people.text());
  return merged;
}

}  // namespace kwm::demo
