// Attachments end to end (issue 13): a 公示 page links its list as DOCX, PDF and XLSX files
// with an unmasked resident ID number, and `crawl` raises CONTENT-PRIVACY on each file, the
// file's URL as page and subject. Beside them, files that cannot be read (a zip bomb, a
// corrupt DOCX, an encrypted one, a PDF that needs a password, a 50 MB PDF) are skipped
// with a log line naming the file and the reason, raise nothing, and the patrol finishes.
// The content checks read the files as well (a 错别字 in a DOCX is CONTENT-TYPO on the file).
// Fixtures: tests/data/attachments/ (make_fixtures.py).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

constexpr std::string_view kPdf = "application/pdf";
constexpr std::string_view kDocx =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr std::string_view kXlsx =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::string_view kMaskedId = "110105********002X";
constexpr std::string_view kFullId = "11010519491231002X";

std::string attachment(std::string_view name) {
  const auto path = std::filesystem::path(SITEPATROL_TEST_DATA) / "attachments" / name;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void serve(FixtureServer& server, const std::string& path, std::string body,
           std::string_view type) {
  HttpReply reply;
  reply.headers = {{"Content-Type", std::string(type)}};
  reply.body = std::move(body);
  server.route(path, reply);
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Attachments, ResidentIdsInTheSitesFilesAreFoundAndBadFilesSkipped) {
  FixtureServer server;
  server.page("/", html("<a href=\"/gsgg/list.html\">关于2026年度公益性岗位拟录用人员的公示</a>"));
  server.page("/gsgg/list.html",
              html("<p>关于2026年度公益性岗位拟录用人员的公示，名单见附件。</p>"
                   "<a href=\"/files/gs.docx\">附件1</a><a href=\"/files/gs.pdf\">附件2</a>"
                   "<a href=\"/files/gs.xlsx\">附件3</a><a href=\"/files/bomb.docx\">附件4</a>"
                   "<a href=\"/files/corrupt.docx\">附件5</a>"
                   "<a href=\"/files/locked.docx\">附件6</a><a href=\"/files/locked.pdf\">附件7</a>"
                   "<a href=\"/files/big.pdf\">附件8</a>"));
  serve(server, "/files/gs.docx", attachment("resident-id.docx"), kDocx);
  serve(server, "/files/gs.pdf", attachment("resident-id.pdf"), kPdf);
  serve(server, "/files/gs.xlsx", attachment("resident-id.xlsx"), kXlsx);
  serve(server, "/files/bomb.docx", attachment("bomb-lying.docx"), kDocx);
  serve(server, "/files/corrupt.docx", attachment("corrupt.docx"), kDocx);
  serve(server, "/files/locked.docx", attachment("encrypted.docx"), kDocx);
  serve(server, "/files/locked.pdf", attachment("encrypted.pdf"), kPdf);
  serve(server, "/files/big.pdf", "%PDF-1.4\n" + std::string(50'000'000, ' '), kPdf);
  Patrol patrol(server);

  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));

  for (std::string file : {"/files/gs.docx", "/files/gs.pdf", "/files/gs.xlsx"}) {
    const auto leak = r.findings.find("CONTENT-PRIVACY", on_site(server, file));
    ASSERT_TRUE(leak) << file << "\n" << r.findings.describe() << r.crawl.err;
    EXPECT_EQ(leak->page, on_site(server, file));
    EXPECT_EQ(leak->severity, "critical");
    EXPECT_TRUE(has(leak->detail, "1 resident ID number (" + std::string(kMaskedId) + ")"))
        << leak->detail;
    EXPECT_FALSE(has(leak->detail, std::string(kFullId))) << leak->detail;
  }
  // The files and only they: the page itself shows no number.
  EXPECT_EQ(r.findings.with_code("CONTENT-PRIVACY").size(), 3u) << r.findings.describe();

  // The rest is skipped, each named with its reason, and is no finding of any kind.
  const auto skipped = [&](std::string_view path, std::string reason) {
    return has(r.crawl.err, "attachment " + on_site(server, path) + " skipped: " + reason);
  };
  EXPECT_TRUE(skipped("/files/bomb.docx", "zip member word/document.xml inflates to more than"))
      << r.crawl.err;
  EXPECT_TRUE(skipped("/files/corrupt.docx", "corrupt zip archive")) << r.crawl.err;
  EXPECT_TRUE(skipped("/files/locked.docx", "encrypted zip member word/document.xml"))
      << r.crawl.err;
  EXPECT_TRUE(skipped("/files/locked.pdf", "encrypted PDF")) << r.crawl.err;
  EXPECT_TRUE(skipped("/files/big.pdf", "larger than 10485760 bytes (attachment_max_bytes)"))
      << r.crawl.err;
  EXPECT_EQ(r.findings.all.size(), 3u) << r.findings.describe();  // not even LINK-BROKEN

  // Each file was read once with GET, never checked with HEAD; nothing else was asked.
  for (std::string file :
       {"/files/gs.docx", "/files/gs.pdf", "/files/gs.xlsx", "/files/bomb.docx",
        "/files/corrupt.docx", "/files/locked.docx", "/files/locked.pdf", "/files/big.pdf"}) {
    EXPECT_EQ(server.hits(file, "GET"), 1u) << file;
    EXPECT_EQ(server.hits(file, "HEAD"), 0u) << file;
  }
  for (const auto& request : server.requests())
    EXPECT_TRUE(request.method == "GET" || request.method == "HEAD") << request.method;

  // Fixed on the site: the next patrol resolves the finding.
  serve(server, "/files/gs.docx", attachment("corrupt.docx"), kDocx);
  const Round next = patrol.round();
  ASSERT_TRUE(round_ok(next));
  EXPECT_FALSE(next.findings.find("CONTENT-PRIVACY", on_site(server, "/files/gs.docx")))
      << next.findings.describe();
  EXPECT_TRUE(next.findings.find("CONTENT-PRIVACY", on_site(server, "/files/gs.pdf")))
      << next.findings.describe();
}

TEST(Attachments, ContentErrorsInAFileAreFoundAsInAPage) {
  FixtureServer server;
  server.page("/", html("<a href=\"/files/tb.docx\">关于表彰2026年度先进集体和先进个人的通报</a>"));
  serve(server, "/files/tb.docx", attachment("typo.docx"), kDocx);
  Patrol patrol(server);

  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  const auto typo = r.findings.find("CONTENT-TYPO", on_site(server, "/files/tb.docx"));
  ASSERT_TRUE(typo) << r.findings.describe() << r.crawl.err;
  EXPECT_EQ(typo->page, on_site(server, "/files/tb.docx"));
  EXPECT_TRUE(has(typo->detail, "再接再励")) << typo->detail;
  EXPECT_TRUE(has(typo->detail, "再接再厉")) << typo->detail;
}

TEST(Attachments, AFileServedByADownloadScriptIsReadByItsContentType) {
  FixtureServer server;
  server.page("/", html("<a href=\"/download.jsp?id=7\">拟录用人员名单</a>"));
  serve(server, "/download.jsp?id=7", attachment("resident-id.docx"), kDocx);
  Patrol patrol(server);

  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  const auto leak = r.findings.find("CONTENT-PRIVACY", on_site(server, "/download.jsp?id=7"));
  ASSERT_TRUE(leak) << r.findings.describe() << r.crawl.err;
  EXPECT_TRUE(has(leak->detail, std::string(kMaskedId))) << leak->detail;
}

TEST(Attachments, AFileBehindARedirectHasTheAttachmentCapNotThePageCap) {
  // A 2 MiB PDF (padded after its end, as some generators leave it) moved to a new path,
  // with pages capped at 1 MiB: the redirect's second hop kept the page cap, and the file
  // was skipped as too large.
  FixtureServer server;
  server.page("/", html("<a href=\"/old/gs.pdf\">名单</a>"));
  server.redirect("/old/gs.pdf", "/files/2026/gs.pdf", 302);
  serve(server, "/files/2026/gs.pdf", attachment("resident-id.pdf") + std::string(2 << 20, ' '),
        kPdf);
  Patrol patrol(server);
  patrol.set("max_body_mib", "1");

  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_TRUE(r.findings.find("CONTENT-PRIVACY", on_site(server, "/old/gs.pdf")))
      << r.findings.describe() << r.crawl.err;
  EXPECT_FALSE(has(r.crawl.err, "skipped")) << r.crawl.err;
}

TEST(Attachments, TurnedOffTheyAreOnlyCheckedWithHead) {
  FixtureServer server;
  server.page("/", html("<a href=\"/files/gs.docx\">名单</a>"));
  serve(server, "/files/gs.docx", attachment("resident-id.docx"), kDocx);
  Patrol patrol(server);
  patrol.set("attachments", "false");

  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_TRUE(r.findings.with_code("CONTENT-PRIVACY").empty()) << r.findings.describe();
  EXPECT_EQ(server.hits("/files/gs.docx", "HEAD"), 1u);
  EXPECT_EQ(server.hits("/files/gs.docx", "GET"), 0u);
}

TEST(Attachments, ABadValueIsAConfigErrorNamingTheKey) {
  FixtureServer server;
  server.page("/", html("<p>首页</p>"));
  Patrol patrol(server);
  patrol.set("attachment_max_bytes", "0");

  const ProcessResult crawl = patrol.crawl();
  EXPECT_EQ(crawl.exit_code, 2) << crawl.err;
  EXPECT_TRUE(has(crawl.err, "sites.toml:")) << crawl.err;
  EXPECT_TRUE(has(crawl.err, "patrol.attachment_max_bytes: must be between 1 and 268435456"))
      << crawl.err;
  EXPECT_EQ(server.requests_seen(), 0u);
}

}  // namespace
}  // namespace sitepatrol::integration
