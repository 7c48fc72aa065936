#include "crawler/url.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace sitepatrol::crawler {
namespace {

struct ResolveCase {
  const char* base;
  const char* ref;
  std::optional<std::string> want;
};

void PrintTo(const ResolveCase& c, std::ostream* os) { *os << c.base << " + [" << c.ref << "]"; }

class ResolveTest : public testing::TestWithParam<ResolveCase> {};

TEST_P(ResolveTest, ResolvesAndNormalises) {
  const ResolveCase& c = GetParam();
  EXPECT_EQ(resolve_url(c.base, c.ref), c.want);
}

constexpr const char* kPage = "http://www.site.example/tzgg/2026/t1.html";
const auto kNone = std::nullopt;

INSTANTIATE_TEST_SUITE_P(
    Refs, ResolveTest,
    testing::Values(
        // Relative forms.
        ResolveCase{kPage, "t2.html", "http://www.site.example/tzgg/2026/t2.html"},
        ResolveCase{kPage, "./202611/t20261125_1.html",
                    "http://www.site.example/tzgg/2026/202611/t20261125_1.html"},
        ResolveCase{kPage, "../a", "http://www.site.example/tzgg/a"},
        ResolveCase{kPage, "../../../../a", "http://www.site.example/a"},
        ResolveCase{kPage, "/", "http://www.site.example/"},
        ResolveCase{kPage, "//cdn.Example.ORG/x.js", "http://cdn.example.org/x.js"},
        ResolveCase{"https://www.site.example/a/b", "//cdn.example.org/x.js",
                    "https://cdn.example.org/x.js"},
        ResolveCase{kPage, "?page=2", "http://www.site.example/tzgg/2026/t1.html?page=2"},
        ResolveCase{kPage, "#top", "http://www.site.example/tzgg/2026/t1.html"},
        ResolveCase{kPage, "#", "http://www.site.example/tzgg/2026/t1.html"},
        ResolveCase{kPage, "t2.html#sec", "http://www.site.example/tzgg/2026/t2.html"},
        ResolveCase{kPage, "www.gov.cn", "http://www.site.example/tzgg/2026/www.gov.cn"},
        // What browsers strip or rewrite.
        ResolveCase{kPage, "  \n t2.html \t", "http://www.site.example/tzgg/2026/t2.html"},
        ResolveCase{kPage, "t2\n.ht\tml", "http://www.site.example/tzgg/2026/t2.html"},
        ResolveCase{kPage, "..\\files\\a.pdf", "http://www.site.example/tzgg/files/a.pdf"},
        ResolveCase{kPage, "http:\\\\www.gov.cn\\a", "http://www.gov.cn/a"},
        ResolveCase{kPage, "HTTP://WWW.GOV.CN", "http://www.gov.cn/"},
        ResolveCase{kPage, "http:t3.html", "http://www.site.example/tzgg/2026/t3.html"},
        ResolveCase{kPage, "https:www.gov.cn/x", "https://www.gov.cn/x"},
        ResolveCase{kPage, "java\nscript:alert(1)", kNone},
        // Normal form.
        ResolveCase{kPage, "HTTP://Www.Site.Example:80/A/./b/../C?X=1#f",
                    "http://www.site.example/A/C?X=1"},
        ResolveCase{kPage, "https://www.site.example:443/", "https://www.site.example/"},
        ResolveCase{kPage, "https://www.site.example:8443/", "https://www.site.example:8443/"},
        ResolveCase{kPage, "http://www.site.example:443/", "http://www.site.example:443/"},
        ResolveCase{kPage, "/%7euser/%2f%e4%b8%ad", "http://www.site.example/~user/%2F%E4%B8%AD"},
        ResolveCase{kPage, "/a%2E%2E/%2e%2e/b", "http://www.site.example/b"},
        ResolveCase{kPage, "/100%/a", "http://www.site.example/100%25/a"},
        ResolveCase{kPage, "/a b/c|d{e}", "http://www.site.example/a%20b/c%7Cd%7Be%7D"},
        ResolveCase{kPage, "/s?q=a b&t=x+y", "http://www.site.example/s?q=a%20b&t=x+y"},
        ResolveCase{kPage, "/s?", "http://www.site.example/s"},
        ResolveCase{kPage, "/s?a?", "http://www.site.example/s?a?"},
        ResolveCase{kPage, "http://[::1]/s?", "http://[::1]/s"},
        ResolveCase{kPage, "http://[::1]/s?a?", "http://[::1]/s?a?"},
        ResolveCase{kPage, "/a/.//b/", "http://www.site.example/a//b/"},
        ResolveCase{kPage, "../", "http://www.site.example/tzgg/"},
        ResolveCase{kPage, "/通知公告/列表.html",
                    "http://www.site.example/%E9%80%9A%E7%9F%A5%E5%85%AC%E5%91%8A/"
                    "%E5%88%97%E8%A1%A8.html"},
        ResolveCase{kPage, "/s?kw=交通", "http://www.site.example/s?kw=%E4%BA%A4%E9%80%9A"},
        // IDN hosts in punycode, whatever the locale (issue 11; LinkChecker's www.öko.de).
        ResolveCase{kPage, "http://交通.政府.CN/", "http://xn--tlqv90n.xn--mxtq1m.cn/"},
        ResolveCase{kPage, "http://www.öko.de/", "http://www.xn--ko-eka.de/"},
        ResolveCase{kPage, "http://WWW.ÖKO.de:8080/a?b=ö",
                    "http://www.xn--ko-eka.de:8080/a?b=%C3%B6"},
        ResolveCase{kPage, "https://中国政府网.政务/xxgk/",
                    "https://xn--fiqs8sirgfmhq98a.xn--zfr164b/xxgk/"},
        ResolveCase{kPage, "//北京。政务/", "http://xn--1lq90i.xn--zfr164b/"},
        ResolveCase{kPage, "http://user@北京.政务/", "http://user@xn--1lq90i.xn--zfr164b/"},
        ResolveCase{kPage, "http://a\xE4\x80.cn/", kNone},  // not UTF-8
        ResolveCase{kPage, "http://[::1]:8080/x", "http://[::1]:8080/x"},
        ResolveCase{kPage, "http://2130706433/", "http://127.0.0.1/"},
        // IPv4 addresses: the dotted quad is kept, every other spelling is rewritten to it.
        ResolveCase{kPage, "http://127.0.0.1:8080/a/../b", "http://127.0.0.1:8080/b"},
        ResolveCase{kPage, "http://192.168.10.255:80/", "http://192.168.10.255/"},
        ResolveCase{kPage, "http://010.0.0.1/", "http://8.0.0.1/"},
        ResolveCase{kPage, "http://127.1/", "http://127.0.0.1/"},
        ResolveCase{kPage, "http://0x7f.0.0.1/", "http://127.0.0.1/"},
        ResolveCase{kPage, "http://User:Pw@Host.Example/x", "http://User:Pw@host.example/x"},
        // Not fetchable.
        ResolveCase{kPage, "", kNone}, ResolveCase{kPage, "   ", kNone},
        ResolveCase{kPage, "mailto:ban@site.example", kNone},
        ResolveCase{kPage, "javascript:void(0)", kNone},
        ResolveCase{kPage, " JavaScript:void(0);", kNone}, ResolveCase{kPage, "tel:12345", kNone},
        ResolveCase{kPage, "data:image/png;base64,AAAA", kNone},
        ResolveCase{kPage, "ftp://ftp.site.example/a", kNone}, ResolveCase{kPage, "http://", kNone},
        ResolveCase{kPage, "http://a:99999/", kNone}, ResolveCase{"not a url", "x.html", kNone},
        // Malformed (LinkChecker's http_invalid_host.html and friends): reported by the
        // crawler as "malformed URL" (crawler/html.h), never fetched.
        ResolveCase{kPage, "http://localhost]", kNone}, ResolveCase{kPage, "http://[::1", kNone},
        ResolveCase{kPage, "http://exa mple.com/", kNone},
        ResolveCase{"not a url", "https://www.gov.cn/", "https://www.gov.cn/"}));

TEST(NormalizeUrl, GivesTheContractsNormalForm) {
  EXPECT_EQ(normalize_url("HTTP://WWW.Site.Example"), "http://www.site.example/");
  EXPECT_EQ(normalize_url("https://www.site.example:443/a/../b#x"), "https://www.site.example/b");
  EXPECT_EQ(normalize_url(" http://www.site.example/a%2fb%7E "), "http://www.site.example/a%2Fb~");
  EXPECT_EQ(normalize_url("/relative/path"), std::nullopt);
  EXPECT_EQ(normalize_url("mailto:x@y"), std::nullopt);
  EXPECT_EQ(normalize_url("www.site.example"), std::nullopt);
}

TEST(NormalizeUrl, IsIdempotent) {
  for (const char* raw : {"HTTP://A.Example:80/x/./y/../%7e%41?q=%e4%b8%ad b",
                          "https://b.example/通知?x=1#f", "http://c.example/a%25b/%ZZ"}) {
    auto once = normalize_url(raw);
    ASSERT_TRUE(once) << raw;
    EXPECT_EQ(normalize_url(*once), once) << raw;
  }
}

TEST(SplitUrl, GivesSchemeHostPortAndPath) {
  auto p = split_url("HTTPS://Www.Site.Example/a/b?c=1#frag");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->scheme, "https");
  EXPECT_EQ(p->host, "www.site.example");
  EXPECT_EQ(p->port, 443);
  EXPECT_EQ(p->path, "/a/b?c=1");

  auto q = split_url("http://u:p@[2001:db8::1]:8080");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->host, "2001:db8::1");
  EXPECT_EQ(q->port, 8080);
  EXPECT_EQ(q->path, "/");

  auto r = split_url("http://127.0.0.1:9469/metrics");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->host, "127.0.0.1");
  EXPECT_EQ(r->port, 9469);

  EXPECT_FALSE(split_url("ftp://x/"));
}

TEST(UrlHost, IsLowerCaseOrEmpty) {
  EXPECT_EQ(url_host("http://WWW.MOT.GOV.CN/zx/"), "www.mot.gov.cn");
  EXPECT_EQ(url_host("http://www.Öko.de/"), "www.xn--ko-eka.de");
  EXPECT_EQ(url_host("/just/a/path"), "");
}

// url_host reads a plain authority off directly (crawler/url.cpp plain_host); every other
// URL is normalised first. Both ways must give the host split_url gives.
TEST(UrlHost, GivesSplitUrlsHostForEveryKindOfAuthority) {
  const std::vector<std::string> schemes = {"http://", "https://", "HTTP://", " http://",
                                            "ftp://",  "http:",    "http:/",  "http:\\\\"};
  const std::vector<std::string> authorities = {
      "Host.Example", "a.com.",       "a..com",      "-a.com",       ".a.com",
      "127.0.0.1",    "127.1",        "0x7f.0.0.1",  "999.1.1.1",    "1.2.3.04",
      "a.com:80",     "a.com:443",    "a.com:8080",  "a.com:0",      "a.com:08",
      "a.com:65536",  "a.com:",       "a.com:x",     "u:p@a.com",    "[::1]:81",
      "%61.com",      "a.c\tom",     "ex ample.com", "例子.中国",     "a_b.com",
      "",             "a.com\\@b.com", "a.com@b.com", "xn--fsq.com", "A.COM:81"};
  const std::vector<std::string> tails = {"",  "/",   "/x/../y", "?q",  "#f",     "\\x",
                                          " ", "/%zz", "/中文",   "\t/", "/a b?c#d"};
  int plain = 0;
  for (const auto& scheme : schemes) {
    for (const auto& authority : authorities) {
      for (const auto& tail : tails) {
        const std::string url = scheme + authority + tail;
        auto parts = split_url(url);
        EXPECT_EQ(url_host(url), parts ? parts->host : "") << url;
        plain += parts.has_value();
      }
    }
  }
  EXPECT_GT(plain, 300);  // most of them are URLs with a host
}

TEST(LooksLikeResource, GoesByThePathsExtension) {
  for (const char* url :
       {"http://a/files/通知.PDF", "http://a/x.docx?v=2", "http://a/x.wps", "http://a/x.xlsx",
        "http://a/img/logo.png#x", "http://a/s/app.js", "http://a/s/site.css", "http://a/a.7z",
        "http://a/a.jpeg", "http://a/m.mp4", "http://a/sitemap.xml", "http://a/a.rar",
        "http://a/a.apk", "http://a/a.exe", "http://a/a.ofd"}) {
    EXPECT_TRUE(looks_like_resource(url)) << url;
  }
  for (const char* url : {"http://a/", "http://a/index.html", "http://a/list.shtml",
                          "http://a/view.jsp?f=a.pdf", "http://a/dir.pdf/page", "http://a/art.htm",
                          "http://a/a.php", "http://a.pdf", "http://a/x.", "http://a/noext"}) {
    EXPECT_FALSE(looks_like_resource(url)) << url;
  }
}

TEST(ResolveUrl, IsThreadSafe) {
  std::vector<std::thread> threads;
  std::vector<int> failures(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([t, &failures] {
      std::string base = "http://h" + std::to_string(t) + ".example/a/b.html";
      for (int i = 0; i < 2000; ++i) {
        auto got = resolve_url(base, "../c/" + std::to_string(i) + ".html");
        std::string want =
            "http://h" + std::to_string(t) + ".example/c/" + std::to_string(i) + ".html";
        if (got != want) ++failures[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int f : failures) EXPECT_EQ(f, 0);
}


}  // namespace
}  // namespace sitepatrol::crawler
