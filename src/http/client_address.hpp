#pragma once
// The address of the client behind a request. Behind a reverse proxy every TCP connection comes from the
// proxy, so the client's own address is only in the header the proxy adds (X-Forwarded-For, or Forwarded of
// RFC 7239). Any client can send that header too, so it is read only when the connection comes from a proxy
// the operator named as trusted, and then only from the right: each trusted proxy appends the address it
// received the request from, so the right-most entry that is not itself a trusted proxy is the first
// address no one we trust could have made up. Everything left of it is whatever the client wrote.
#include <boost/asio/ip/address.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kwm::http {

// A block of addresses written as ADDRESS/PREFIX (10.0.0.0/8, 2001:db8::/32); a bare address is a block of
// one. Host bits after the prefix are ignored (10.1.2.3/8 is 10.0.0.0/8). IPv4 blocks also hold the
// IPv4-mapped IPv6 form of their addresses (::ffff:10.0.0.1), which a dual-stack listener reports.
class AddressBlock {
 public:
  static std::optional<AddressBlock> parse(std::string_view text);
  bool contains(const boost::asio::ip::address& address) const;
  std::string to_string() const;

 private:
  AddressBlock(boost::asio::ip::address network, unsigned prefix) : network_(network), prefix_(prefix) {}
  boost::asio::ip::address network_;
  unsigned prefix_ = 0;
};

// Which header the trusted proxies write. Only one is read: a proxy that maintains X-Forwarded-For passes a
// client's own Forwarded header through untouched (and the other way round), so reading both would let the
// client choose its address.
enum class ForwardedHeader { x_forwarded_for, forwarded };
std::optional<ForwardedHeader> forwarded_header_from_string(std::string_view name);
std::string_view to_string(ForwardedHeader header);

struct ProxyTrust {
  std::vector<AddressBlock> proxies;  // empty: no proxy is trusted and the headers are never read
  ForwardedHeader header = ForwardedHeader::x_forwarded_for;
  bool trusts(const boost::asio::ip::address& address) const;
};

// IPv4-mapped IPv6 addresses as the IPv4 address they are; every other address unchanged.
boost::asio::ip::address unmapped(const boost::asio::ip::address& address);

// The client's address for a connection from `peer` that carried `header_values` (every line of the
// trusted header, in the order received). The peer itself unless it is a trusted proxy; otherwise the
// right-most forwarded address that is not a trusted proxy. When that entry is not an address (Forwarded's
// "unknown" or "_hidden", garbage), the nearest trusted proxy is the best address known and is returned;
// when every entry is trusted, the left-most.
boost::asio::ip::address client_address(const boost::asio::ip::address& peer,
                                        const std::vector<std::string_view>& header_values, const ProxyTrust& trust);

}  // namespace kwm::http
