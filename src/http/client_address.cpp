#include "http/client_address.hpp"

#include <algorithm>
#include <charconv>

namespace kwm::http {

namespace ip = boost::asio::ip;

namespace {

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// Splits on `separator` outside double quotes (Forwarded allows quoted values).
std::vector<std::string_view> split_outside_quotes(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') quoted = !quoted;
    if (text[i] == separator && !quoted) {
      parts.push_back(trim(text.substr(start, i - start)));
      start = i + 1;
    }
  }
  parts.push_back(trim(text.substr(start)));
  return parts;
}

// One forwarded node: "192.0.2.1", "192.0.2.1:4711", "2001:db8::1", "[2001:db8::1]:4711", optionally quoted.
std::optional<ip::address> parse_node(std::string_view node) {
  node = trim(node);
  if (node.size() >= 2 && node.front() == '"' && node.back() == '"') node = node.substr(1, node.size() - 2);
  if (!node.empty() && node.front() == '[') {
    const auto close = node.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    node = node.substr(1, close - 1);
  } else if (std::count(node.begin(), node.end(), ':') == 1) {
    node = node.substr(0, node.find(':'));  // IPv4 with a port
  }
  boost::system::error_code ec;
  const ip::address address = ip::make_address(std::string(node), ec);
  if (ec) return std::nullopt;
  return unmapped(address);
}

// The `for=` value of one Forwarded element ("for=192.0.2.60;proto=https;by=203.0.113.43"), or "".
std::string_view forwarded_for(std::string_view element) {
  for (const std::string_view pair : split_outside_quotes(element, ';')) {
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && equals_ignoring_case(trim(pair.substr(0, eq)), "for")) return trim(pair.substr(eq + 1));
  }
  return {};
}

// The forwarding chain as written, left (farthest from us) to right (nearest); unparseable nodes as empty.
std::vector<std::optional<ip::address>> forwarded_chain(const std::vector<std::string_view>& header_values,
                                                        ForwardedHeader header) {
  std::vector<std::optional<ip::address>> chain;
  for (const std::string_view value : header_values) {
    for (const std::string_view element : split_outside_quotes(value, ',')) {
      chain.push_back(parse_node(header == ForwardedHeader::forwarded ? forwarded_for(element) : element));
    }
  }
  return chain;
}

template <std::size_t N>
bool same_prefix(const std::array<unsigned char, N>& a, const std::array<unsigned char, N>& b, unsigned prefix) {
  for (std::size_t i = 0; i < N && prefix > 0; ++i) {
    const unsigned bits = std::min(prefix, 8u);
    const auto mask = static_cast<unsigned char>(0xff << (8 - bits));
    if ((a[i] & mask) != (b[i] & mask)) return false;
    prefix -= bits;
  }
  return true;
}

template <std::size_t N>
std::array<unsigned char, N> masked(std::array<unsigned char, N> bytes, unsigned prefix) {
  for (std::size_t i = 0; i < N; ++i) {
    const unsigned bits = std::min(prefix, 8u);
    bytes[i] &= static_cast<unsigned char>(bits == 0 ? 0 : 0xff << (8 - bits));
    prefix -= bits;
  }
  return bytes;
}

}  // namespace

ip::address unmapped(const ip::address& address) {
  if (address.is_v6() && address.to_v6().is_v4_mapped()) return ip::make_address_v4(ip::v4_mapped, address.to_v6());
  return address;
}

std::optional<AddressBlock> AddressBlock::parse(std::string_view text) {
  text = trim(text);
  const auto slash = text.find('/');
  boost::system::error_code ec;
  const ip::address address = unmapped(ip::make_address(std::string(text.substr(0, slash)), ec));
  if (ec) return std::nullopt;
  const unsigned width = address.is_v4() ? 32 : 128;
  unsigned prefix = width;
  if (slash != std::string_view::npos) {
    const std::string_view digits = text.substr(slash + 1);
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
    if (error != std::errc() || end != digits.data() + digits.size() || digits.empty() || prefix > width) return std::nullopt;
  }
  if (address.is_v4()) return AddressBlock(ip::address_v4(masked(address.to_v4().to_bytes(), prefix)), prefix);
  return AddressBlock(ip::address_v6(masked(address.to_v6().to_bytes(), prefix)), prefix);
}

bool AddressBlock::contains(const ip::address& candidate) const {
  const ip::address address = unmapped(candidate);
  if (address.is_v4() != network_.is_v4()) return false;
  if (address.is_v4()) return same_prefix(address.to_v4().to_bytes(), network_.to_v4().to_bytes(), prefix_);
  return same_prefix(address.to_v6().to_bytes(), network_.to_v6().to_bytes(), prefix_);
}

std::string AddressBlock::to_string() const { return network_.to_string() + "/" + std::to_string(prefix_); }

std::optional<ForwardedHeader> forwarded_header_from_string(std::string_view name) {
  if (equals_ignoring_case(name, "x-forwarded-for")) return ForwardedHeader::x_forwarded_for;
  if (equals_ignoring_case(name, "forwarded")) return ForwardedHeader::forwarded;
  return std::nullopt;
}

std::string_view to_string(ForwardedHeader header) {
  return header == ForwardedHeader::forwarded ? "Forwarded" : "X-Forwarded-For";
}

bool ProxyTrust::trusts(const ip::address& address) const {
  return std::any_of(proxies.begin(), proxies.end(), [&](const AddressBlock& block) { return block.contains(address); });
}

ip::address client_address(const ip::address& peer, const std::vector<std::string_view>& header_values,
                           const ProxyTrust& trust) {
  ip::address nearest = unmapped(peer);
  if (!trust.trusts(nearest)) return nearest;
  const auto chain = forwarded_chain(header_values, trust.header);
  for (auto hop = chain.rbegin(); hop != chain.rend(); ++hop) {
    if (!*hop) return nearest;
    nearest = **hop;
    if (!trust.trusts(nearest)) return nearest;
  }
  return nearest;
}

}  // namespace kwm::http
