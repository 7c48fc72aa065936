#include "crawler/address_policy.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <ostream>
#include <string>

namespace sitepatrol::crawler {
namespace {

// The connect-time overload, fed the way curl's open-socket callback would be.
bool private_by_sockaddr(const std::string& ip) {
  sockaddr_storage ss{};
  if (inet_pton(AF_INET, ip.c_str(), &reinterpret_cast<sockaddr_in*>(&ss)->sin_addr) == 1) {
    ss.ss_family = AF_INET;
  } else if (inet_pton(AF_INET6, ip.c_str(), &reinterpret_cast<sockaddr_in6*>(&ss)->sin6_addr) ==
             1) {
    ss.ss_family = AF_INET6;
  } else {
    ADD_FAILURE() << "not an address: " << ip;
  }
  return is_private_address(reinterpret_cast<const sockaddr*>(&ss));
}

struct Case {
  const char* address;
  bool is_private;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.address; }

class AddressTest : public testing::TestWithParam<Case> {};

TEST_P(AddressTest, BothOverloadsAgree) {
  const Case& c = GetParam();
  EXPECT_EQ(is_private_address(std::string_view(c.address)), c.is_private) << c.address;
  EXPECT_EQ(private_by_sockaddr(c.address), c.is_private) << c.address;
}

INSTANTIATE_TEST_SUITE_P(
    Ranges, AddressTest,
    testing::Values(
        Case{"0.0.0.0", true}, Case{"0.255.1.1", true}, Case{"10.0.0.1", true},
        Case{"10.255.255.255", true}, Case{"100.64.0.1", true}, Case{"100.127.255.254", true},
        Case{"100.63.255.255", false}, Case{"100.128.0.0", false}, Case{"127.0.0.1", true},
        Case{"127.255.0.9", true}, Case{"169.254.169.254", true}, Case{"172.15.255.255", false},
        Case{"172.16.0.1", true}, Case{"172.31.255.255", true}, Case{"172.32.0.0", false},
        Case{"192.168.1.1", true}, Case{"192.169.0.1", false}, Case{"198.17.255.255", false},
        Case{"198.18.0.1", true}, Case{"198.19.255.255", true}, Case{"198.20.0.0", false},
        Case{"223.255.255.255", false}, Case{"224.0.0.1", true}, Case{"239.1.2.3", true},
        Case{"240.0.0.1", true}, Case{"255.255.255.255", true}, Case{"8.8.8.8", false},
        Case{"59.255.32.10", false}, Case{"1.1.1.1", false},
        // IPv6.
        Case{"::", true}, Case{"::1", true}, Case{"fc00::1", true}, Case{"fdff:1::1", true},
        Case{"fe80::1", true}, Case{"febf::1", true}, Case{"fec0::1", true}, Case{"ff02::1", true},
        Case{"2001:db8::1", false}, Case{"2400:3200::1", false}, Case{"fbff::1", false},
        // IPv4 inside IPv6: judged by the IPv4 address.
        Case{"::ffff:127.0.0.1", true}, Case{"::ffff:10.1.2.3", true},
        Case{"::ffff:8.8.8.8", false}, Case{"::127.0.0.1", true}, Case{"::8.8.8.8", false},
        Case{"64:ff9b::192.168.0.1", true}, Case{"64:ff9b::8.8.8.8", false},
        Case{"::ffff:0:10.0.0.1", true}, Case{"2002:c0a8:0101::1", true},
        Case{"2002:0808:0808::1", false}));

TEST(AddressPolicy, StringFormsResolversAccept) {
  EXPECT_TRUE(is_private_address("[::1]"));
  EXPECT_TRUE(is_private_address("fe80::1%eth0"));
  EXPECT_TRUE(is_private_address("127.1"));
  EXPECT_TRUE(is_private_address("0x7f.0.0.1"));
  EXPECT_TRUE(is_private_address("2130706433"));
  EXPECT_TRUE(is_private_address("012.1.2.3"));   // octal 10.1.2.3
  EXPECT_FALSE(is_private_address("134744072"));  // 8.8.8.8
}

TEST(AddressPolicy, HostNamesAreNotAddresses) {
  EXPECT_FALSE(is_private_address("localhost"));
  EXPECT_FALSE(is_private_address("www.site.example"));
  EXPECT_FALSE(is_private_address(""));
  EXPECT_FALSE(is_private_address("127.0.0.1 evil"));
  EXPECT_FALSE(is_private_address("cafe"));
}

TEST(AddressPolicy, OtherFamiliesFailClosed) {
  sockaddr_un un{};
  un.sun_family = AF_UNIX;
  EXPECT_TRUE(is_private_address(reinterpret_cast<const sockaddr*>(&un)));
  EXPECT_TRUE(is_private_address(static_cast<const sockaddr*>(nullptr)));
}

}  // namespace
}  // namespace sitepatrol::crawler
