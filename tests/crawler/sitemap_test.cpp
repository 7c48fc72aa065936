#include "crawler/sitemap.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sitepatrol::crawler {
namespace {

using Urls = std::vector<std::string>;

TEST(Sitemap, ReadsAUrlset) {
  Sitemap s = parse_sitemap(R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <loc>http://www.site.example/</loc>
    <lastmod>2026-11-25</lastmod>
  </url>
  <url>
    <loc>
      http://www.site.example/xxgk/list.jsp?a=1&amp;b=2
    </loc>
    <image:image><image:loc>http://www.site.example/logo.png</image:loc></image:image>
  </url>
  <!-- <url><loc>http://www.site.example/commented-out</loc></url> -->
  <url><loc><![CDATA[http://www.site.example/通知公告/]]></loc></url>
  <url><loc>http://www.site.example/&#x4EA4;&#36890;.html</loc></url>
  <url><loc>mailto:not-a-page@site.example</loc></url>
  <url><loc>HTTP://WWW.SITE.EXAMPLE:80/a/../b.html#frag</loc></url>
</urlset>)");
  EXPECT_FALSE(s.is_index);
  EXPECT_FALSE(s.truncated);
  Urls want = {"http://www.site.example/", "http://www.site.example/xxgk/list.jsp?a=1&b=2",
               "http://www.site.example/%E9%80%9A%E7%9F%A5%E5%85%AC%E5%91%8A/",
               "http://www.site.example/%E4%BA%A4%E9%80%9A.html", "http://www.site.example/b.html"};
  EXPECT_EQ(s.urls, want);
}

TEST(Sitemap, RecognisesAnIndex) {
  Sitemap s = parse_sitemap(
      "\xEF\xBB\xBF<?xml version='1.0'?>\n"
      "<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
      "<sitemap><loc>https://www.site.example/sitemap-1.xml</loc></sitemap>"
      "<sitemap><loc>https://www.site.example/sitemap-2.xml.gz</loc><lastmod>2026-11-01</lastmod>"
      "</sitemap></sitemapindex>");
  EXPECT_TRUE(s.is_index);
  Urls want = {"https://www.site.example/sitemap-1.xml",
               "https://www.site.example/sitemap-2.xml.gz"};
  EXPECT_EQ(s.urls, want);
}

TEST(Sitemap, ReadsAPlainTextSitemap) {
  Sitemap s =
      parse_sitemap("http://www.site.example/a.html\r\n\r\nhttp://www.site.example/b.html\n");
  EXPECT_FALSE(s.is_index);
  Urls want = {"http://www.site.example/a.html", "http://www.site.example/b.html"};
  EXPECT_EQ(s.urls, want);
}

TEST(Sitemap, ToleratesBrokenXml) {
  Sitemap s = parse_sitemap(
      "<urlset><url><loc>http://a.example/1</loc><url><loc>http://a.example/2</loc>"
      "<url><loc/><url><loc>http://a.example/3");
  Urls want = {"http://a.example/1", "http://a.example/2", "http://a.example/3"};
  EXPECT_EQ(s.urls, want);
  Sitemap cdata = parse_sitemap(
      "<urlset><url><loc><![CDATA[http://a.example/q?x=</loc>]]></loc>"
      "</url><url><loc>http://a.example/next</loc></url></urlset>");
  Urls want_cdata = {"http://a.example/q?x=%3C/loc%3E", "http://a.example/next"};
  EXPECT_EQ(cdata.urls, want_cdata);
  EXPECT_TRUE(parse_sitemap("").urls.empty());
  EXPECT_TRUE(parse_sitemap("<html><body>404 Not Found</body></html>").urls.empty());
}

TEST(Sitemap, StopsAtTheProtocolLimit) {
  std::string xml = "<urlset>";
  for (int i = 0; i < 50'010; ++i) {
    xml += "<url><loc>http://a.example/p" + std::to_string(i) + "</loc></url>";
  }
  xml += "</urlset>";
  Sitemap s = parse_sitemap(xml);
  EXPECT_EQ(s.urls.size(), kMaxSitemapUrls);
  EXPECT_TRUE(s.truncated);
  EXPECT_EQ(s.urls.back(), "http://a.example/p49999");
}

}  // namespace
}  // namespace sitepatrol::crawler
