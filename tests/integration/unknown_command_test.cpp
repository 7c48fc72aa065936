// A mistyped command is named, with the commands there are (issue 14): `sitepatrol foo`
// must not answer only "A subcommand is required".
#include <gtest/gtest.h>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

ProcessResult sitepatrol(std::vector<std::string> args) {
  args.insert(args.begin(), testsupport::sitepatrol_binary());
  return testsupport::run_process(args);
}

TEST(UnknownCommand, IsNamedWithTheCommandsThereAre) {
  const ProcessResult r = sitepatrol({"foo"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(contains(r.err, "sitepatrol: unknown command 'foo'")) << r.err;
  for (const char* command : {"crawl", "findings", "check", "config", "report", "daemon"})
    EXPECT_TRUE(contains(r.err, command)) << command << "\n" << r.err;
  EXPECT_TRUE(contains(r.err, "sitepatrol --help")) << r.err;
}

TEST(UnknownCommand, AfterAGlobalOptionAndInACommandGroup) {
  const ProcessResult after_option = sitepatrol({"--log-level", "info", "fidnings"});
  EXPECT_EQ(after_option.exit_code, 2);
  EXPECT_TRUE(contains(after_option.err, "unknown command 'fidnings'")) << after_option.err;

  const ProcessResult group = sitepatrol({"config", "chek"});
  EXPECT_EQ(group.exit_code, 2);
  EXPECT_TRUE(contains(group.err, "sitepatrol config: unknown command 'chek'")) << group.err;
  EXPECT_TRUE(contains(group.err, "check")) << group.err;
}

TEST(UnknownCommand, OtherUsageErrorsKeepTheirMessages) {
  const ProcessResult none = sitepatrol({});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_FALSE(contains(none.err, "unknown command")) << none.err;
  const ProcessResult option = sitepatrol({"findings", "--bogus"});
  EXPECT_EQ(option.exit_code, 2);
  EXPECT_FALSE(contains(option.err, "unknown command")) << option.err;
  EXPECT_TRUE(contains(option.err, "--bogus")) << option.err;
}

}  // namespace
}  // namespace sitepatrol::integration
