#include "store/sql_store.h"

#include <gtest/gtest.h>

#include "tests/store/store_fixture.h"

namespace sitepatrol::store {
namespace {

using checks::LinkRef;
using checks::Severity;
using testing::finding;
using testing::link;
using testing::page;
using testing::query_int;
using testing::query_text;
using testing::ref;

constexpr const char* kHome = "http://www.site.example/";

class PagesTest : public ::testing::TestWithParam<testdb::Engine> {
 protected:
  void SetUp() override {
    auto opened = open_store(file());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
    auto run = store_->begin_run("2026-11-01T02:00:00Z", {"s1", "s2"});
    ASSERT_TRUE(run);
    run_ = *run;
  }

  const std::string& file() const { return db_.name(); }

  void save(const PageRecord& record) {
    auto ok = store_->save_pages(run_, std::span(&record, 1));
    ASSERT_TRUE(ok) << ok.error().message;
  }

  PageMemory memory(const std::string& site, const std::string& url) {
    auto got = store_->page_memory(site, url);
    EXPECT_TRUE(got) << got.error().message;
    EXPECT_TRUE(got && *got) << url;
    return got && *got ? **got : PageMemory{};
  }

  // Ends the current run and starts the next one.
  void next_run(const char* started) {
    ASSERT_TRUE(store_->finish_run(run_, started, {}));
    auto run = store_->begin_run(started, {"s1", "s2"});
    ASSERT_TRUE(run);
    run_ = *run;
  }

  testdb::TestDatabase db_{GetParam()};
  std::unique_ptr<Store> store_;
  std::int64_t run_ = 0;
};

TEST_P(PagesTest, NotModifiedPageKeepsLinksBodyAndPageFindings) {
  PageRecord full = page("s1", kHome,
                         {ref("http://www.site.example/tzgg/", "a", "通知公告"),
                          ref("http://www.site.example/logo.png", "img", "")});
  full.etag = "\"e1\"";
  full.last_modified = "Sun, 01 Nov 2026 01:00:00 GMT";
  full.page_findings = {finding("s1", "ID-MISSING", "icp", Severity::warning, "no ICP")};
  save(full);

  next_run("2026-11-08T02:00:00Z");
  PageRecord not_modified = page("s1", kHome);  // a 304 carries no body, links or findings
  not_modified.page.not_modified = true;
  not_modified.page.status = 304;
  not_modified.page.title.clear();
  not_modified.page.charset.clear();
  not_modified.content_hash.clear();
  save(not_modified);

  PageMemory kept = memory("s1", kHome);
  ASSERT_EQ(kept.links.size(), 2u);
  EXPECT_EQ(kept.links[0].url, "http://www.site.example/tzgg/");
  EXPECT_EQ(kept.links[0].kind, "a");
  EXPECT_EQ(kept.links[0].text, "通知公告");
  EXPECT_EQ(kept.links[1].kind, "img");
  EXPECT_EQ(kept.title, full.page.title);
  EXPECT_EQ(kept.charset, "utf-8");
  EXPECT_EQ(kept.content_hash, full.content_hash);
  EXPECT_EQ(kept.etag, "\"e1\"");
  EXPECT_EQ(kept.last_modified, full.last_modified);
  ASSERT_EQ(kept.page_findings.size(), 1u);
  EXPECT_EQ(kept.page_findings[0].code, "ID-MISSING");
  EXPECT_EQ(kept.page_findings[0].severity, Severity::warning);
  EXPECT_EQ(kept.page_findings[0].detail, "no ICP");
  EXPECT_EQ(query_int(file(), "SELECT not_modified FROM page_fetches WHERE run_id = 2"), 1);
  // The row stays the page as last read; the 304 itself is the run's fetch.
  EXPECT_EQ(query_int(file(), "SELECT status FROM pages"), 200);
  EXPECT_EQ(query_int(file(), "SELECT last_run FROM pages"), 1);
  EXPECT_EQ(query_int(file(), "SELECT status FROM page_fetches WHERE run_id = 2"), 304);

  // A 304 that carries a new validator updates it.
  not_modified.etag = "\"e2\"";
  save(not_modified);
  EXPECT_EQ(memory("s1", kHome).etag, "\"e2\"");
  EXPECT_EQ(memory("s1", kHome).links.size(), 2u);

  // A 304 reached by another way moves the page, and still keeps the last read.
  not_modified.page.depth = 3;
  save(not_modified);
  EXPECT_EQ(query_int(file(), "SELECT depth FROM pages"), 3);
  EXPECT_EQ(query_int(file(), "SELECT status FROM pages"), 200);
  EXPECT_EQ(memory("s1", kHome).links.size(), 2u);

  // A full answer replaces links, body facts and validators (none sent: none kept).
  PageRecord changed = page("s1", kHome, {ref("http://www.site.example/new.html", "a", "新")});
  save(changed);
  PageMemory replaced = memory("s1", kHome);
  ASSERT_EQ(replaced.links.size(), 1u);
  EXPECT_EQ(replaced.links[0].url, "http://www.site.example/new.html");
  EXPECT_EQ(replaced.etag, "");
  EXPECT_TRUE(replaced.page_findings.empty());
  EXPECT_EQ(query_int(file(), "SELECT count(*) FROM page_links"), 1);
}

TEST_P(PagesTest, ValidatorsListPagesWithEitherValidatorOfThatSite) {
  PageRecord with_etag = page("s1", "http://s1/a.html");
  with_etag.etag = "W/\"abc\"";
  PageRecord with_date = page("s1", "http://s1/b.html");
  with_date.last_modified = "Sun, 01 Nov 2026 01:00:00 GMT";
  PageRecord with_none = page("s1", "http://s1/c.html");
  PageRecord other_site = page("s2", "http://s2/a.html");
  other_site.etag = "\"x\"";
  std::vector records{with_etag, with_date, with_none, other_site};
  ASSERT_TRUE(store_->save_pages(run_, records));

  auto got = store_->validators("s1");
  ASSERT_TRUE(got) << got.error().message;
  ASSERT_EQ(got->size(), 2u);
  EXPECT_EQ((*got)[0].first, "http://s1/a.html");
  EXPECT_EQ((*got)[0].second.etag, "W/\"abc\"");
  EXPECT_EQ((*got)[1].first, "http://s1/b.html");
  EXPECT_EQ((*got)[1].second.last_modified, "Sun, 01 Nov 2026 01:00:00 GMT");

  // Pages are per site: the same URL under another site is another page.
  auto unknown = store_->page_memory("s2", "http://s1/a.html");
  ASSERT_TRUE(unknown);
  EXPECT_FALSE(*unknown);
}

TEST_P(PagesTest, HostileStringsRoundTripThroughBoundParameters) {
  const std::string quotes = "it's \"quoted\" '); DROP TABLE pages; -- ?1 %s \\";
  const std::string chinese = "湖北省交通运输厅 · 通知公告【2026】";
  const std::string binaryish = "\x01\x02\x1f\x7f\xff\xfe\xc3(\r\n\t)";
  const std::string url = "http://www.site.example/搜索?q=" + quotes;
  // SQLite keeps the bytes; PostgreSQL's text is UTF-8, each invalid byte stored as U+FFFD.
  const std::string stored = GetParam() == testdb::Engine::sqlite
                                 ? binaryish
                                 : "\x01\x02\x1f\x7f\uFFFD\uFFFD\uFFFD(\r\n\t)";

  PageRecord record =
      page("s1", url, {ref(url + "#1", quotes, chinese), ref(chinese, binaryish, binaryish)});
  record.page.title = quotes + chinese + binaryish;
  record.etag = quotes;
  record.page_findings = {finding("s1", "SEC-SPAM", quotes, Severity::critical, chinese)};
  save(record);

  PageMemory got = memory("s1", url);
  EXPECT_EQ(got.title, quotes + chinese + stored);
  EXPECT_EQ(got.etag, quotes);
  ASSERT_EQ(got.links.size(), 2u);
  EXPECT_EQ(got.links[0].url, url + "#1");
  EXPECT_EQ(got.links[0].kind, quotes);
  EXPECT_EQ(got.links[0].text, chinese);
  EXPECT_EQ(got.links[1].url, chinese);
  EXPECT_EQ(got.links[1].text, stored);
  ASSERT_EQ(got.page_findings.size(), 1u);
  EXPECT_EQ(got.page_findings[0].subject, quotes);
  EXPECT_EQ(got.page_findings[0].detail, chinese);

  // Findings are columns, so even bytes that are not UTF-8 come back as they went in.
  const std::string site = "s1";
  checks::Finding hostile{site,    "LINK-BROKEN", Severity::error, stored + quotes,
                          chinese, stored};
  ASSERT_TRUE(store_->save_findings(run_, std::vector{hostile}));
  ASSERT_TRUE(store_->finish_run(run_, "2026-11-01T03:00:00Z", {}));
  auto rows = store_->findings({run_, {site}, StatusFilter::all});
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].finding.subject, stored + quotes);
  EXPECT_EQ((*rows)[0].finding.page, chinese);
  EXPECT_EQ((*rows)[0].finding.detail, stored);
  EXPECT_EQ(query_int(file(), "SELECT count(*) FROM pages"), 1);  // nothing was dropped
}

// A link whose URL holds bytes PostgreSQL cannot keep (an invalid byte, a NUL): interned and
// found again the same way by a batch (one statement for all its URLs) and by a single row.
TEST_P(PagesTest, ALinkUrlThatIsNotUtf8IsKeptAndFoundAgain) {
  const std::string bad_url = std::string(kHome) + '\xff' + '\0' + "x.html";
  const std::string stored_url =
      GetParam() == testdb::Engine::sqlite ? bad_url : "http://www.site.example/\uFFFD\uFFFDx.html";
  save(page("s1", kHome,
            {ref(bad_url, "a", "坏链接"), ref(std::string(kHome) + "ok.html", "a", "好")}));
  // The same URL again, as a link check of its own: the same interned row.
  ASSERT_TRUE(store_->save_links(run_, std::vector{link("s1", bad_url, 404)}));
  PageMemory got = memory("s1", kHome);
  ASSERT_EQ(got.links.size(), 2u);
  EXPECT_EQ(got.links[0].url, stored_url);
  EXPECT_EQ(got.links[0].text, "坏链接");
  EXPECT_EQ(got.links[1].url, std::string(kHome) + "ok.html");
  EXPECT_EQ(query_int(file(),
                      "SELECT count(*) FROM urls WHERE url LIKE 'http://www.site.example/_%' "
                      "AND url NOT LIKE '%ok.html'"),
            1);
}

TEST_P(PagesTest, BytesThatAreNotUtf8AreReplacedInsidePageFindingsJson) {
  PageRecord record = page("s1", kHome);
  record.page_findings = {finding("s1", "SEC-SPAM", kHome, Severity::critical, "bad \xff byte")};
  save(record);
  PageMemory got = memory("s1", kHome);
  ASSERT_EQ(got.page_findings.size(), 1u);
  EXPECT_EQ(got.page_findings[0].detail, "bad \xEF\xBF\xBD byte");  // U+FFFD
}

TEST_P(PagesTest, LinkChecksAreStoredOncePerRunSiteAndTarget) {
  LinkRecord broken = link("s1", "http://gone.example/a.pdf", 404);
  broken.link.redirects = {"http://gone.example/b", "http://gone.example/a.pdf"};
  broken.link.error = checks::FetchError::none;
  LinkRecord timeout = link("s1", "http://slow.example/", 0);
  timeout.link.error = checks::FetchError::timeout;
  timeout.link.error_text = "Operation timed out after 15000 ms";
  ASSERT_TRUE(store_->save_links(run_, std::vector{broken, timeout}));
  broken.link.status = 410;  // saved again in the same run: the later record wins
  ASSERT_TRUE(store_->save_links(run_, std::vector{broken}));

  EXPECT_EQ(query_int(file(), "SELECT count(*) FROM link_checks"), 2);
  EXPECT_EQ(query_text(file(),
                       "SELECT l.status || ' ' || l.redirects FROM link_checks l "
                       "JOIN urls u ON u.id = l.url_id WHERE u.url LIKE '%a.pdf'"),
            "410 [\"http://gone.example/b\",\"http://gone.example/a.pdf\"]");
  EXPECT_EQ(query_text(file(),
                       "SELECT error || ': ' || error_text FROM link_checks "
                       "WHERE status = 0"),
            "timeout: Operation timed out after 15000 ms");
}

TEST_P(PagesTest, TenThousandLinkRecordsInOneBatch) {
  std::vector<LinkRecord> links;
  for (int i = 0; i < 10'000; ++i) {
    links.push_back(link(i % 2 ? "s1" : "s2",
                         "http://www.site.example/art/" + std::to_string(i) + ".html",
                         i % 97 == 0 ? 404 : 200));
  }
  auto saved = store_->save_links(run_, links);
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(query_int(file(), "SELECT count(*) FROM link_checks"), 10'000);
  EXPECT_EQ(query_int(file(), "SELECT count(*) FROM link_checks WHERE status = 404"), 104);

  // And one page carrying ten thousand links, read back in page order.
  std::vector<LinkRef> refs;
  for (int i = 0; i < 10'000; ++i) {
    refs.push_back(ref("http://www.site.example/art/" + std::to_string(i) + ".html", "a",
                       "文章 " + std::to_string(i)));
  }
  save(page("s1", kHome, refs));
  PageMemory got = memory("s1", kHome);
  ASSERT_EQ(got.links.size(), 10'000u);
  EXPECT_EQ(got.links[9'999].text, "文章 9999");
  // Targets are interned once: the page's links reuse the link checks' URLs.
  EXPECT_EQ(query_int(file(), "SELECT count(*) FROM urls"), 10'003);  // + 2 found_on, home
}

TEST_P(PagesTest, WritesIntoARunThatIsNotRunningAreRefused) {
  auto next = store_->begin_run("2026-11-08T02:00:00Z", {"s1"});  // aborts run_
  ASSERT_TRUE(next);
  auto pages = store_->save_pages(run_, std::vector{page("s1", kHome)});
  ASSERT_FALSE(pages);
  EXPECT_NE(pages.error().message.find("not running"), std::string::npos);
  EXPECT_FALSE(store_->save_links(run_, std::vector{link("s1", kHome)}));
  EXPECT_FALSE(store_->save_links(12345, std::vector{link("s1", kHome)}));
  EXPECT_EQ(query_int(file(), "SELECT count(*) FROM pages"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, PagesTest, testdb::all_engines(), testdb::engine_name);

}  // namespace
}  // namespace sitepatrol::store
