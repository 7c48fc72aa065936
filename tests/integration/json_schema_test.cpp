// The findings JSON against its published schema, docs/schemas/findings.schema.json: what
// `findings --format json` prints over two real patrols (new, open, resolved and carried-over
// findings, so every optional key appears) must validate. The schema forbids keys it does not
// list, so a key added to the output without being documented fails here. The validator is
// python3-jsonschema (deploy/install-deps.sh), run as a real process.
#include <gtest/gtest.h>

#include "tests/integration/json_schema.h"

namespace sitepatrol::integration {
namespace {

ProcessResult validate(const std::filesystem::path& schema, const std::filesystem::path& doc) {
  return validate_json(schema, doc);
}

const std::filesystem::path kSchema = schema_path("findings.schema.json");

TEST(JsonSchema, FindingsOfTwoPatrolsValidate) {
  FixtureServer server;
  server.page("/", html("<a href=\"/a.html\">通知</a> <a href=\"/b.html\">动态</a>"));
  server.page("/a.html", html("<a href=\"/files/gone.pdf\">附件一</a>"));
  server.page("/b.html", html("<a href=\"/files/old.doc\">附件二</a>"));
  Patrol patrol(server);
  ASSERT_EQ(patrol.crawl().exit_code, 0);
  // Second night: /a.html fails (its finding is carried over unverified), /b.html lost its
  // broken link (resolved).
  server.status("/a.html", 500);
  server.page("/b.html", html("<p>已更新</p>"));
  ASSERT_EQ(patrol.crawl().exit_code, 0);
  // A human review (docs/review.md) gives the finding its `review` object.
  const ProcessResult reviewed = patrol.run(
      {"review", "accept", "-c", patrol.config_path().string(), "--site", "site", "--code",
       "LINK-BROKEN", "--subject", on_site(server, "/files/gone.pdf"), "--reason",
       "the archive moves", "--until", "2099-12-31"});
  ASSERT_EQ(reviewed.exit_code, 0) << reviewed.err;

  const ProcessResult r = patrol.run(
      {"findings", "-c", patrol.config_path().string(), "--format", "json", "--status", "all"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_NE(r.out.find("\"verified\": false"), std::string::npos) << r.out;
  ASSERT_NE(r.out.find("\"resolved\""), std::string::npos) << r.out;
  ASSERT_NE(r.out.find("\"set_aside\": true"), std::string::npos) << r.out;
  const auto doc = patrol.dir().write_file("findings.json", r.out);

  const ProcessResult v = validate(kSchema, doc);
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err << "\n" << r.out;
}

TEST(JsonSchema, AnUndocumentedKeyFails) {
  // The test above is only worth something if the schema refuses what it does not list.
  TempDir dir("sitepatrol-schema");
  const auto doc = dir.write_file(
      "f.json",
      R"({"run": {"id": 1, "started_at": "2026-12-05T01:00:00Z", "finished_at": null,
                  "sites": 1, "pages": 1, "links_checked": 0},
          "findings": [{"site": "a", "code": "LINK-BROKEN", "severity": "error",
                        "subject": "http://a/x", "page": "", "detail": "HTTP 404",
                        "status": "new", "first_seen": "2026-12-05T01:00:00Z",
                        "last_seen": "2026-12-05T01:00:00Z", "colour": "red"}]})");
  const ProcessResult v = validate(kSchema, doc);
  EXPECT_EQ(v.exit_code, 1) << v.out << v.err;
  EXPECT_NE(v.out.find("colour"), std::string::npos) << v.out;
}

}  // namespace
}  // namespace sitepatrol::integration
