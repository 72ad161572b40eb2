#include "http/client_address.hpp"

#include <gtest/gtest.h>

namespace kwm::http {
namespace {

namespace ip = boost::asio::ip;

ProxyTrust trusting(std::vector<std::string> blocks, ForwardedHeader header = ForwardedHeader::x_forwarded_for) {
  ProxyTrust trust;
  trust.header = header;
  for (const std::string& block : blocks) trust.proxies.push_back(*AddressBlock::parse(block));
  return trust;
}

std::string client(const std::string& peer, std::vector<std::string_view> headers, const ProxyTrust& trust) {
  return client_address(ip::make_address(peer), headers, trust).to_string();
}

TEST(AddressBlock, ParsesIpv4AndIpv6BlocksAndBareAddresses) {
  struct Case {
    std::string block;
    std::string address;
    bool inside;
  };
  const Case cases[] = {
      {"10.0.0.0/8", "10.200.3.4", true},         {"10.0.0.0/8", "11.0.0.1", false},
      {"10.1.2.3/8", "10.9.9.9", true},           {"192.168.1.0/25", "192.168.1.127", true},
      {"192.168.1.0/25", "192.168.1.128", false}, {"203.0.113.7", "203.0.113.7", true},
      {"203.0.113.7", "203.0.113.8", false},      {"0.0.0.0/0", "198.51.100.1", true},
      {"2001:db8::/32", "2001:db8:ffff::1", true}, {"2001:db8::/32", "2001:db9::1", false},
      {"fd00::/8", "fdab::1", true},              {"::1", "::1", true},
      {"10.0.0.0/8", "::ffff:10.1.1.1", true},    {"10.0.0.0/8", "2001:db8::1", false},
      {"2001:db8::/32", "10.0.0.1", false},       {"::/0", "2001:db8::1", true},
  };
  for (const Case& c : cases) {
    const auto block = AddressBlock::parse(c.block);
    ASSERT_TRUE(block) << c.block;
    EXPECT_EQ(block->contains(ip::make_address(c.address)), c.inside) << c.block << " " << c.address;
  }
  EXPECT_EQ(AddressBlock::parse("10.1.2.3/8")->to_string(), "10.0.0.0/8");
}

TEST(AddressBlock, RefusesWhatIsNotABlock) {
  for (const std::string text : {"", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/", "10.0.0.0/x", "10.0.0/8",
                                 "example.org", "10.0.0.0/8/8", "10.0.0.0/-1"}) {
    EXPECT_FALSE(AddressBlock::parse(text)) << text;
  }
}

TEST(ClientAddress, AnUntrustedPeersHeaderIsIgnored) {
  EXPECT_EQ(client("198.51.100.9", {"203.0.113.50"}, trusting({})), "198.51.100.9");
  EXPECT_EQ(client("198.51.100.9", {"203.0.113.50"}, trusting({"10.0.0.0/8"})), "198.51.100.9");
}

TEST(ClientAddress, ATrustedProxyNamesTheClient) {
  const ProxyTrust trust = trusting({"10.0.0.0/8", "fd00::/8"});
  EXPECT_EQ(client("10.0.0.2", {"203.0.113.50"}, trust), "203.0.113.50");
  EXPECT_EQ(client("fd00::2", {"2001:db8::77"}, trust), "2001:db8::77");
  EXPECT_EQ(client("::ffff:10.0.0.2", {"203.0.113.50"}, trust), "203.0.113.50");
  EXPECT_EQ(client("10.0.0.2", {"203.0.113.50:51234"}, trust), "203.0.113.50");
  EXPECT_EQ(client("10.0.0.2", {"[2001:db8::77]:443"}, trust), "2001:db8::77");
}

TEST(ClientAddress, SpoofedLeftMostEntriesAreIgnored) {
  const ProxyTrust trust = trusting({"10.0.0.0/8"});
  // The client wrote "1.2.3.4, 10.9.9.9"; the proxy appended the address it saw.
  EXPECT_EQ(client("10.0.0.2", {"1.2.3.4, 10.9.9.9, 203.0.113.50"}, trust), "203.0.113.50");
  // Two proxies in a row, both trusted: the first untrusted address from the right.
  EXPECT_EQ(client("10.0.0.2", {"1.2.3.4, 203.0.113.50, 10.0.0.3"}, trust), "203.0.113.50");
  // Several header lines read as one list, in order.
  EXPECT_EQ(client("10.0.0.2", {"1.2.3.4", "203.0.113.50, 10.0.0.3"}, trust), "203.0.113.50");
}

TEST(ClientAddress, GarbageWhereTheClientShouldBeLeavesTheProxy) {
  const ProxyTrust trust = trusting({"10.0.0.0/8"});
  EXPECT_EQ(client("10.0.0.2", {"not-an-address"}, trust), "10.0.0.2");
  EXPECT_EQ(client("10.0.0.2", {"203.0.113.50, garbage, 10.0.0.3"}, trust), "10.0.0.3");
  EXPECT_EQ(client("10.0.0.2", {}, trust), "10.0.0.2");
  EXPECT_EQ(client("10.0.0.2", {"10.0.0.5, 10.0.0.3"}, trust), "10.0.0.5");  // all trusted: the farthest
}

TEST(ClientAddress, ReadsTheForwardedHeaderWhenToldTo) {
  const ProxyTrust trust = trusting({"10.0.0.0/8"}, ForwardedHeader::forwarded);
  EXPECT_EQ(client("10.0.0.2", {"for=203.0.113.50;proto=https;by=10.0.0.2"}, trust), "203.0.113.50");
  EXPECT_EQ(client("10.0.0.2", {R"(for=1.2.3.4, For="[2001:db8:cafe::17]:4711")"}, trust), "2001:db8:cafe::17");
  EXPECT_EQ(client("10.0.0.2", {"for=1.2.3.4, for=unknown"}, trust), "10.0.0.2");
  EXPECT_EQ(client("10.0.0.2", {"for=1.2.3.4, for=_hidden"}, trust), "10.0.0.2");
  // Told to read Forwarded, X-Forwarded-For style text is not an element with for=.
  EXPECT_EQ(client("10.0.0.2", {"203.0.113.50"}, trust), "10.0.0.2");
}

}  // namespace
}  // namespace kwm::http
