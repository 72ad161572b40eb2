#include "demo/assessments.hpp"

#include <algorithm>
#include <map>

#include "demo/random.hpp"

namespace kwm::demo {
namespace {

// FNV-1a: a stable label for Random::fork from text (std::hash may differ between standard libraries).
std::uint64_t label_of(std::string_view text) {
  std::uint64_t hash = 1469598103934665603ull;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

// Bias of a source in tenths of a point.
int source_bias(std::string_view source) {
  if (source == "self") return 4;
  if (source == "external") return -2;
  return 0;
}

}  // namespace

std::vector<DemoProfileLine> demo_profiles(std::span<const DemoFunctionLevel> levels, std::span<const std::string> competencies,
                                           std::uint64_t seed) {
  std::vector<DemoProfileLine> lines;
  if (competencies.empty()) return lines;
  const Random base(seed);
  for (const DemoFunctionLevel& level : levels) {
    Random random = base.fork(label_of(level.function_code + "/" + level.level));
    std::vector<std::size_t> critical;
    while (critical.size() < std::min<std::size_t>(3, competencies.size())) {
      const auto pick = static_cast<std::size_t>(random.below(competencies.size()));
      if (std::find(critical.begin(), critical.end(), pick) == critical.end()) critical.push_back(pick);
    }
    // Pay scales run from about 4 to 14: the higher the scale, the more often a half point more is asked.
    const std::uint32_t raise_per_mille = static_cast<std::uint32_t>(std::clamp<std::int64_t>(level.scale * 50, 0, 700));
    for (std::size_t i = 0; i < competencies.size(); ++i) {
      int halves = static_cast<int>(random.between(4, 7));  // 2.0 to 3.5
      if (random.chance(raise_per_mille)) ++halves;
      const bool is_critical = std::find(critical.begin(), critical.end(), i) != critical.end();
      lines.push_back({level.function_code, level.level, competencies[i], halves / 2.0, is_critical});
    }
  }
  return lines;
}

std::vector<DemoScore> demo_scores(std::string_view personnel_number, std::span<const DemoIndicator> indicators,
                                   std::span<const double> required, std::span<const std::string> sources, std::uint64_t seed) {
  Random random = Random(seed).fork(label_of(personnel_number));
  // Latent level per competency in tenths: what the profile asks, give or take a point and a half.
  std::map<std::string_view, int> latent;
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    const auto [at, fresh] = latent.try_emplace(indicators[i].competency_code, 0);
    if (fresh) at->second = static_cast<int>(required[i] * 10) + static_cast<int>(random.between(-15, 10));
  }
  std::vector<DemoScore> scores;
  scores.reserve(indicators.size() * sources.size());
  for (const std::string& source : sources) {
    const int bias = source_bias(source);
    for (std::size_t i = 0; i < indicators.size(); ++i) {
      const int tenths = latent[indicators[i].competency_code] + bias + static_cast<int>(random.between(-8, 8));
      const int score = std::clamp((tenths + 5) / 10, 1, 5);
      scores.push_back({source, i, score});
    }
  }
  return scores;
}

}  // namespace kwm::demo
