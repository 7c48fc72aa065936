// The URL normal form is a fixed point: normalize_url(normalize_url(x)) == normalize_url(x),
// and a resolved reference is already in normal form (issue 12, item 14: fuzzing found
// "http://%31%32%37.1/x" becoming "http://127.1/x", then "http://127.0.0.1/x" on a second
// pass).
#include "crawler/url.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace sitepatrol::crawler {
namespace {

// Inputs in the spirit of the host, port, path and percent-encoding cases of the WPT URL
// tests (web-platform-tests url/resources/urltestdata.json): IPv4 in decimal, octal, hex and
// short forms, percent-encoded and full-width hosts, IDN, dot segments, odd ports and user
// info. Written out here, not copied.
const char* const kTricky[] = {
    "http://%31%32%37.1/x",
    "http://127.1/x",
    "http://0x7f.1/",
    "http://0X7F.0.0.1/",
    "http://0177.0.0.1/",
    "http://2130706433/",
    "http://0x7f000001/",
    "http://4294967295/",
    "http://4294967296/",
    "http://256.256.256.256/",
    "http://1.2.3.4.5/",
    "http://0..0x300/",
    "http://10.0.0.0xF/",
    "http://0Xc0.0250.01/",
    "http://%30%78%63%30%2e%30%32%35%30.01/",
    "http://"
    "%ef%bc%90%ef%bc%b8%ef%bc%a3%ef%bc%90%ef%bc%8e%ef%bc%90%ef%bc%92%ef%bc%95%ef%bc%90%ef%bc%8e%ef%"
    "bc%90%ef%bc%91/",
    "http://\xef\xbc\x91\xef\xbc\x92\xef\xbc\x97.1/",
    "http://%41.com/",
    "http://%zz.com/",
    "http://%25.com/",
    "http://\xef\xbc\x85\xef\xbc\x94\xef\xbc\x91.com/",
    "http://ExAmPlE.CoM/",
    ("http://www.foo\xe3\x80\x82"
     "bar.com/"),
    "http://\xef\xbd\x87\xef\xbd\x8f.com/",
    "http://fa\xc3\x9f.ExAmPlE/",
    "http://www.\xc3\xb6ko.de/",
    "http://xn--ko-eka.de/",
    "http://%E4%B8%AD%E5%9B%BD.cn/",
    "http://[::1]/",
    "http://[::127.0.0.1]/",
    "http://[1:0::]/",
    "http://[0:0:0:0:0:0:0:1]:8080/",
    "http://example.com:80/",
    "https://example.com:443/",
    "http://example.com:0080/",
    "http://example.com:65535/",
    "http://f:00000000000000/c",
    "http://f:0/c",
    "http://a:b@c:29/d",
    "http://user@example.com/",
    "http://example.com/foo/%2e%2",
    "http://example.com/foo/%2e%2e/bar",
    "http://example.com////../..",
    "http://example.com/foo/bar//..",
    "http://example.com/foo/./bar/../baz",
    "http://example.com/%7Efoo",
    "http://example.com/%7efoo%2fbar",
    "http://example.com/foo%00%51",
    "http://example.com/\xc3\xa9t\xc3\xa9",
    "http://example.com/a b?c d",
    "http://example.com/?q=%zz&r=%41",
    "http://example.com/?",
    "http://example.com#frag",
    "http:\\\\www.google.com\\foo",
    "http:/example.com/",
    "http:///example.com/",
    "  http://example.com/  ",
    "http://exa\tmple.com/pa\nth",
    "http://www/foo%2Ehtml",
    "http://example.com./",
    "http://EXAMPLE.com:8080/A/B?C=D",
};

TEST(UrlFixedPoint, PercentEncodedIpv4HostIsNormalInOnePass) {
  EXPECT_EQ(normalize_url("http://%31%32%37.1/x"), "http://127.0.0.1/x");
  EXPECT_EQ(normalize_url("http://127.1/x"), "http://127.0.0.1/x");
  EXPECT_EQ(normalize_url("http://%30%78%37%66.1/"), "http://127.0.0.1/");
}

TEST(UrlFixedPoint, HostThatDecodesToForbiddenCharactersIsMalformed) {
  EXPECT_EQ(normalize_url("http://%25.com/"), std::nullopt);
  EXPECT_EQ(normalize_url("http://a%2Fb.com/"), std::nullopt);
  EXPECT_EQ(normalize_url("http://%zz.com/"), std::nullopt);
}

// Found by tests/fuzz/url_fuzz.cpp: a newline before the slashes left the authority empty,
// and curl then took "e\x7f" for the host, which has no normal form.
TEST(UrlFixedPoint, ControlBytesNeverReachTheHost) {
  EXPECT_EQ(normalize_url("http:\n/e\n/x"), "http://e/x");
  EXPECT_EQ(normalize_url("http:///e\x7f/x"), std::nullopt);
  EXPECT_EQ(normalize_url("http:\n/e\n\x7f/exa\\\\evil.e://xa\\\\\xff\xff_@"), std::nullopt);
}

// Found by url_fuzz: "///host" relative to an http page left an empty authority, and curl
// then read "e7e%25" as the host. Browsers skip the extra slashes.
TEST(UrlFixedPoint, NetworkPathWithExtraSlashesNamesTheHost) {
  EXPECT_EQ(resolve_url("http://base.example/dir/", "///example.com/x"), "http://example.com/x");
  EXPECT_EQ(resolve_url("http://base.example/dir/", "///e7e%/46"), std::nullopt);
  EXPECT_EQ(normalize_url("http:///e%25/x"), std::nullopt);
}

TEST(UrlFixedPoint, TrickyInputsReachAFixedPoint) {
  for (const char* input : kTricky) {
    auto once = normalize_url(input);
    if (!once) continue;
    EXPECT_EQ(normalize_url(*once), once) << "input: " << input;
    // Resolving the normal form against any base gives it back unchanged.
    EXPECT_EQ(resolve_url("http://base.example/dir/page", *once), once) << "input: " << input;
  }
}

TEST(UrlFixedPoint, ResolvedReferencesAreInNormalForm) {
  for (const char* input : kTricky) {
    auto resolved = resolve_url("http://base.example/dir/page", input);
    if (!resolved) continue;
    EXPECT_EQ(normalize_url(*resolved), resolved) << "input: " << input;
  }
}

// A small property test with a fixed seed: URLs assembled from fragments that each stress
// one part of the normal form.
TEST(UrlFixedPoint, RandomUrlsReachAFixedPoint) {
  const std::vector<std::string> schemes = {"http://", "HTTP://", "https://", "http:/",
                                            "http:\\\\"};
  const std::vector<std::string> users = {"", "u@", "u:p@", "%41@", "a@b@"};
  const std::vector<std::string> hosts = {"example.com",
                                          "EXAMPLE.com",
                                          "127.1",
                                          "%31%32%37.1",
                                          "0x7f.1",
                                          "017700000001",
                                          "1.2.3",
                                          "0.0.0.0",
                                          "[::1]",
                                          "[::FFFF:127.0.0.1]",
                                          "www.\xc3\xb6ko.de",
                                          "%c3%b6ko.de",
                                          "xn--ko-eka.de",
                                          "a..b",
                                          "-a.b",
                                          "a.b.",
                                          "1.2.3.4.5",
                                          "0x100.0.0.1",
                                          "999999999999",
                                          "\xef\xbc\x91.1",
                                          "%2e",
                                          "a%2eb"};
  const std::vector<std::string> ports = {"",   ":80",    ":443",   ":8080",
                                          ":0", ":00080", ":65536", ":"};
  const std::vector<std::string> segments = {"a",     ".",   "..",   "%2e",      "%2E%2e",
                                             "%7e",   "%7E", "b c",  "\xc3\xa9", "%zz",
                                             "x%2fy", "",    "A%3a", "\\"};
  const std::vector<std::string> queries = {"", "?", "?a=b", "?%41=%zz", "?a b", "?x#f", "#f"};
  std::mt19937 rng(20261204);
  auto pick = [&rng](const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng)];
  };
  int normal = 0;
  for (int i = 0; i < 5000; ++i) {
    std::string url = pick(schemes) + pick(users) + pick(hosts) + pick(ports);
    const int depth = std::uniform_int_distribution<int>(0, 4)(rng);
    for (int d = 0; d < depth; ++d) url += "/" + pick(segments);
    url += pick(queries);
    auto once = normalize_url(url);
    if (!once) continue;
    ++normal;
    ASSERT_EQ(normalize_url(*once), once) << "input: " << url;
  }
  EXPECT_GT(normal, 1000);  // the generator mostly makes URLs, not garbage
}

}  // namespace
}  // namespace sitepatrol::crawler
