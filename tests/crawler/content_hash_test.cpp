#include "crawler/content_hash.h"

#include <gtest/gtest.h>

#include <string>

namespace sitepatrol::crawler {
namespace {

using namespace std::string_literals;

TEST(ContentHash, KnownFnv1a64Values) {
  // Published FNV-1a 64-bit test vectors: the hash is stable across builds and machines.
  EXPECT_EQ(content_hash(""), "cbf29ce484222325");
  EXPECT_EQ(content_hash("a"), "af63dc4c8601ec8c");
  EXPECT_EQ(content_hash("foobar"), "85944171f73967e8");
}

TEST(ContentHash, SixteenLowerCaseHexDigits) {
  const std::string h = content_hash("<html><body>通知</body></html>");
  ASSERT_EQ(h.size(), 16u);
  for (char c : h) EXPECT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << h;
}

TEST(ContentHash, HashesBytesNotCharacters) {
  EXPECT_EQ(content_hash("通知"), "fe845d751a68dc1f");   // UTF-8 bytes
  EXPECT_EQ(content_hash("a\0b"s), "e5d29919042666b2");  // an embedded NUL counts
  EXPECT_NE(content_hash("a\0b"s), content_hash("a"));
}

TEST(ContentHash, EqualBodiesEqualHashesAndAChangeShows) {
  const std::string body = "<html><body>" + std::string(10000, 'x') + "</body></html>";
  std::string changed = body;
  changed[5000] = 'y';
  EXPECT_EQ(content_hash(body), content_hash(std::string(body)));
  EXPECT_NE(content_hash(body), content_hash(changed));
}

}  // namespace
}  // namespace sitepatrol::crawler
