// Issue 11 section 3, end to end: the cases where the test suites of LinkChecker, lychee and
// muffet expected another verdict than sitepatrol gave (docs/peer-cases.md).
// Each runs the real binary against loopback servers and asserts the findings a user reads.
#include <gtest/gtest.h>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {
namespace {

bool mentions(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// A 200 answer of the given type.
HttpReply typed(std::string content_type, std::string body) {
  HttpReply reply;
  reply.headers.emplace_back("Content-Type", std::move(content_type));
  reply.body = std::move(body);
  return reply;
}


// LinkChecker tests/test_url.py test_idn_encoding (www.öko.de), and a .政务 name: an IDN host
// is converted to punycode by sitepatrol itself, so it is fetched in the C locale too, and
// an allowed domain written in Unicode approves it.
TEST(Peers, IdnHostsAreFetchedInTheCLocale) {
  FixtureServer site;
  FixtureServer oko;
  oko.page("/ok.html", html("<p>Öko</p>"));
  FixtureServer gov;
  gov.page("/xxgk/", html("<p>政务公开</p>"));
  const std::string oko_url = "http://www.öko.de:" + std::to_string(oko.port());
  const std::string gov_url = "http://北京.政务:" + std::to_string(gov.port());
  site.page("/", html("<a href='" + oko_url +
                      "/ok.html'>Öko</a>"
                      "<a href='" +
                      oko_url +
                      "/missing.html'>Öko alt</a>"
                      "<a href='" +
                      gov_url + "/xxgk/'>北京</a>"));
  Patrol patrol(site, "allowed_domains = [\"öko.de\"]");
  patrol.resolve("www.öko.de", oko.port());
  patrol.resolve("北京.政务", gov.port());
  patrol.set("allow_private_networks", "true");
  patrol.env("LC_ALL", "C");
  patrol.env("LANG", "C");
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));

  EXPECT_EQ(oko.hits("/ok.html"), 1u) << r.findings.describe();
  EXPECT_EQ(gov.hits("/xxgk/"), 1u) << r.findings.describe();
  for (const auto& request : oko.requests()) {
    EXPECT_EQ(request.header("host"), "www.xn--ko-eka.de:" + std::to_string(oko.port()));
  }
  const std::string oko_ascii = "http://www.xn--ko-eka.de:" + std::to_string(oko.port());
  EXPECT_FALSE(r.findings.find("LINK-BROKEN", oko_ascii + "/ok.html")) << r.findings.describe();
  auto broken = r.findings.find("LINK-BROKEN", oko_ascii + "/missing.html");
  ASSERT_TRUE(broken) << r.findings.describe();
  EXPECT_EQ(broken->detail, "HTTP 404");
  for (const auto& f : r.findings.all) {
    EXPECT_FALSE(mentions(f.detail, "bad/illegal format")) << r.findings.describe();
  }
  // öko.de is approved in Unicode; 北京.政务 is not approved, and is named in punycode.
  EXPECT_FALSE(r.findings.find("LINK-UNAPPROVED", "www.xn--ko-eka.de")) << r.findings.describe();
  EXPECT_TRUE(r.findings.find("LINK-UNAPPROVED", "xn--1lq90i.xn--zfr164b"))
      << r.findings.describe();
}

// LinkChecker tests/checker/test_http_redirect.py redirect4 and redirect5: a redirect to ftp:
// or file: is an error, not a valid link.
TEST(Peers, RedirectToANonHttpTargetIsBroken) {
  FixtureServer server;
  server.redirect("/dl/soft.zip", "ftp://ftp.site.example/pub/soft.zip", 302);
  server.redirect("/old/readme.html", "file:///etc/passwd", 302);
  server.redirect("/moved.html", "/new.html", 302);
  server.page("/new.html", html("<p>新</p>"));
  server.page("/", html("<a href='/dl/soft.zip'>下载</a><a href='/old/readme.html'>说明</a>"
                        "<a href='/moved.html'>新版</a>"));
  Patrol patrol(server);
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  auto ftp = r.findings.find("LINK-BROKEN", on_site(server, "/dl/soft.zip"));
  ASSERT_TRUE(ftp) << r.findings.describe();
  EXPECT_TRUE(mentions(ftp->detail, "non-HTTP(S) target (ftp:)")) << ftp->detail;
  EXPECT_EQ(ftp->page, home(server));
  auto file = r.findings.find("LINK-BROKEN", on_site(server, "/old/readme.html"));
  ASSERT_TRUE(file) << r.findings.describe();
  EXPECT_TRUE(mentions(file->detail, "non-HTTP(S) target (file:)")) << file->detail;
  EXPECT_FALSE(r.findings.find("LINK-BROKEN", on_site(server, "/moved.html")));
}

// LinkChecker tests/checker/data/http_invalid_host.html: an href that cannot be parsed is an
// error; it used to disappear.
TEST(Peers, MalformedHrefIsReportedAsWritten) {
  FixtureServer server;
  server.page("/", std::string("<a href=\"http://localhost]\">invalid host</a>") +
                       "<a href='http://'>空</a><a href='http://exa mple.com/'>空格</a>"
                       "<a href='javascript:void(0)'>脚本</a><a href='mailto:a@b.example'>信</a>"
                       "<a href='tel:12345'>电话</a><a href='#top'>顶部</a>");
  Patrol patrol(server);
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  for (const char* href : {"http://localhost]", "http://", "http://exa mple.com/"}) {
    auto f = r.findings.find("LINK-BROKEN", href);
    ASSERT_TRUE(f) << href << "\n" << r.findings.describe();
    EXPECT_EQ(f->detail, "malformed URL");
    EXPECT_EQ(f->page, home(server));
  }
  EXPECT_EQ(r.findings.with_code("LINK-BROKEN").size(), 3u) << r.findings.describe();

  // The next patrol reports them again: they are the page's findings, kept with it.
  const Round again = patrol.round();
  ASSERT_TRUE(round_ok(again));
  EXPECT_TRUE(again.findings.find("LINK-BROKEN", "http://localhost]")) << again.findings.describe();
}

// LinkChecker tests/checker/data/file.css: url()s in stylesheets are links. Here in a style
// attribute, a <style> block, the site's own stylesheet and a stylesheet it @imports.
TEST(Peers, CssReferencesAreChecked) {
  FixtureServer server;
  server.page("/", html("<link rel='stylesheet' href='/css/site.css'>"
                        "<style>@font-face{font-family:x;src:url(/fonts/gone.woff2)}"
                        ".ok{background:url(/img/ok.png)}"
                        ".d{background:url(data:image/png;base64,AAAA)}</style>"
                        "<div style=\"background-image:url('/img/banner-gone.jpg')\">横幅</div>"));
  server.route("/css/site.css", typed("text/css",
                                      "@import url(more.css);\n"
                                      "body{background:url(../img/bg-gone.png)}\n"
                                      "/* .old{background:url(../img/commented.png)} */\n"
                                      ".logo{background:url(../img/ok.png)}\n"));
  server.route("/css/more.css",
               typed("text/css; charset=utf-8", ".icon{background:url(icons/gone.svg)}"));
  server.route("/img/ok.png", typed("image/png", "PNG"));
  Patrol patrol(server);
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  const std::string sheet = on_site(server, "/css/site.css");
  struct Want {
    std::string subject, page;
  };
  for (const Want& w :
       {Want{on_site(server, "/fonts/gone.woff2"), home(server)},
        Want{on_site(server, "/img/banner-gone.jpg"), home(server)},
        Want{on_site(server, "/img/bg-gone.png"), sheet},
        Want{on_site(server, "/css/icons/gone.svg"), on_site(server, "/css/more.css")}}) {
    auto f = r.findings.find("LINK-BROKEN", w.subject);
    ASSERT_TRUE(f) << w.subject << "\n" << r.findings.describe();
    EXPECT_EQ(f->page, w.page);
    EXPECT_EQ(f->detail, "HTTP 404");
  }
  EXPECT_EQ(r.findings.with_code("LINK-BROKEN").size(), 4u) << r.findings.describe();
  EXPECT_EQ(server.hits("/img/commented.png"), 0u);
  EXPECT_EQ(server.hits("/css/site.css", "GET"), 1u);
  EXPECT_EQ(server.hits("/img/ok.png"), 1u);  // once per run, however many refer to it
}

// WHATWG URL (what browsers do; LinkChecker's http_url_quote.html is the Latin-1 case): on a
// GBK page the query is sent in GBK, the path in UTF-8.
TEST(Peers, QueryOfAGbkPageIsSentInGbk) {
  FixtureServer server;
  server.gbk_page("/",
                  "<html><head><title>首页</title></head><body>"
                  "<a href='/search?q=交通'>搜索交通</a>"
                  "<a href='/路径/a.html'>路径</a></body></html>");
  server.route("/search?q=%BD%BB%CD%A8", typed("text/html", "<html><body>结果</body></html>"));
  server.status("/search", 404);
  server.page("/%E8%B7%AF%E5%BE%84/a.html", html("<p>路径</p>"));
  Patrol patrol(server);
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  EXPECT_EQ(server.hits("/search?q=%BD%BB%CD%A8"), 1u) << r.findings.describe();
  EXPECT_EQ(server.hits("/%E8%B7%AF%E5%BE%84/a.html"), 1u) << r.findings.describe();
  EXPECT_TRUE(r.findings.with_code("LINK-BROKEN").empty()) << r.findings.describe();
}

// LinkChecker tests/checker/data/html5.html: <button formaction> is a reference. Checked like
// a GET form's action; nothing is ever submitted.
TEST(Peers, ButtonFormactionIsChecked) {
  FixtureServer server;
  server.page("/", html("<form action='/search.jsp'><input name=q>"
                        "<button formaction='/search-old.jsp'>旧版搜索</button></form>"
                        "<form method=post action='/liuyan/save.do'>"
                        "<button formaction='/liuyan/save-old.do'>提交</button></form>"));
  server.page("/search.jsp", html("<p>搜索</p>"));
  Patrol patrol(server);
  const Round r = patrol.round();
  ASSERT_TRUE(round_ok(r));
  auto f = r.findings.find("LINK-BROKEN", on_site(server, "/search-old.jsp"));
  ASSERT_TRUE(f) << r.findings.describe();
  EXPECT_EQ(f->page, home(server));
  EXPECT_FALSE(r.findings.find("LINK-BROKEN", on_site(server, "/search.jsp")));
  // POST targets are neither requested nor reported.
  EXPECT_EQ(server.hits("/liuyan/save.do"), 0u);
  EXPECT_EQ(server.hits("/liuyan/save-old.do"), 0u);
  EXPECT_EQ(server.hits("/search.jsp", "POST"), 0u);
}

}  // namespace
}  // namespace sitepatrol::integration
