// URLs with an embedded NUL byte (found by tests/fuzz/url_fuzz.cpp). Such a reference must
// not become a URL whose host was never checked: curl reads only up to the NUL.
#include "crawler/url.h"

#include <gtest/gtest.h>

#include <string>

namespace sitepatrol::crawler {
namespace {

using namespace std::string_literals;

TEST(NormalizeUrlNul, AnEmbeddedNulGivesNoUrlWhoseNormalFormChanges) {
  // Before: "http://\xD0/", a host that normalize_url itself then refused.
  auto url = normalize_url("http:\xD0\0@"s);
  if (url) {
    EXPECT_EQ(normalize_url(*url), url);
  }
  EXPECT_EQ(normalize_url("http:\xFF\0@"s), std::nullopt);
}

TEST(NormalizeUrlNul, AnEmbeddedNulInTheHostIsNotAUrl) {
  EXPECT_EQ(normalize_url("http:\xD0\0@"s), std::nullopt);
  // As a reference it is relative ("http:" then a path), and percent-encoded.
  EXPECT_EQ(resolve_url("http://example.gov.cn/", "http:\xD0\0@"s),
            "http://example.gov.cn/%D0%00@");
}

}  // namespace
}  // namespace sitepatrol::crawler
