// [patrol] attachments and attachment_max_bytes (issue 13): the attachments whose text is
// read, and how large one may be.
#include <gtest/gtest.h>

#include "config/config.h"

namespace sitepatrol::config {
namespace {

ConfigError parse_error(std::string_view text) {
  auto config = parse_config(text, "sites.toml");
  EXPECT_FALSE(config.has_value()) << "expected an error for:\n" << text;
  return config ? ConfigError{} : config.error();
}

TEST(AttachmentsConfig, OnByDefaultUpToTenMebibytes) {
  auto c = parse_config("", "sites.toml");
  ASSERT_TRUE(c) << c.error().to_string();
  EXPECT_TRUE(c->patrol.attachments);
  EXPECT_EQ(c->patrol.attachment_max_bytes, std::size_t{10} << 20);
}

TEST(AttachmentsConfig, BothKeysAreRead) {
  auto c =
      parse_config("[patrol]\nattachments = false\nattachment_max_bytes = 2097152\n", "sites.toml");
  ASSERT_TRUE(c) << c.error().to_string();
  EXPECT_FALSE(c->patrol.attachments);
  EXPECT_EQ(c->patrol.attachment_max_bytes, std::size_t{2} << 20);
}

TEST(AttachmentsConfig, BadValuesNameTheFileLineAndKey) {
  ConfigError e = parse_error("[patrol]\n\nattachments = \"yes\"\n");
  EXPECT_EQ(e.file, "sites.toml");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.key, "patrol.attachments");
  e = parse_error("[patrol]\nattachment_max_bytes = 0\n");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.key, "patrol.attachment_max_bytes");
  EXPECT_EQ(e.message, "must be between 1 and 268435456");
  e = parse_error("[patrol]\nattachment_max_bytes = 1073741824\n");
  EXPECT_EQ(e.key, "patrol.attachment_max_bytes");
  e = parse_error("[patrol]\nattachment_max_byte = 10\n");  // a typo is not ignored
  EXPECT_EQ(e.key, "patrol.attachment_max_byte");
}

}  // namespace
}  // namespace sitepatrol::config
