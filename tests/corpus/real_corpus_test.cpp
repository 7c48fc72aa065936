// The real-page corpus (issue 11): saved pages of real government sites, read the way the
// patrol reads them, against a truth written by hand from reading each page
// (tests/data/real/truth.json, provenance in tests/data/real/PROVENANCE.md).
//
// Per page: its bytes are decoded (crawler/charset.h), parsed (crawler/html.h), summarised
// (checks/columns.h) and its columns found as if it were the only page of its site; the
// homepages also go through COLUMN-MISSING, every page through SEC-DARKLINK and
// SEC-FOREIGN-SCRIPT, and the date the patrol gives the page is compared with the visible one.
// The tests print every disagreement, then assert the thresholds.
//
// The pages themselves are third-party material and are not kept in this repository
// (tests/data/real/README.md). CMake builds and registers these tests only when it finds them
// ($SITEPATROL_REAL_CORPUS, tests/data/real/pages/, or ../shared/real-pages/ beside the
// checkout) and compiles that folder in; a missing page then fails the test, it never passes
// on nothing.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "checks/column_names.h"
#include "checks/columns.h"
#include "checks/darklink.h"
#include "checks/foreign_script.h"
#include "checks/freshness.h"
#include "checks/page_facts.h"
#include "checks/personal_data.h"
#include "config/columns.h"
#include "config/security.h"
#include "crawler/charset.h"
#include "crawler/html.h"

namespace sitepatrol::checks {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

struct TruthPage {
  std::string file, url, role;
  std::set<std::string> hosts, columns;
  std::optional<Date> date;
};

// What the patrol makes of one page.
struct Seen {
  std::set<std::string> columns;          // keys of the columns found
  std::vector<std::string> column_names;  // "key=name" for the printout
  std::vector<Finding> missing;           // COLUMN-MISSING (homepages)
  std::vector<Finding> security;          // SEC-*
  std::optional<Date> date;
};

fs::path corpus_dir() { return SITEPATROL_REAL_CORPUS_DIR; }

std::vector<TruthPage> load_truth() {
  std::ifstream in(fs::path(SITEPATROL_TEST_DATA) / "real/truth.json");
  const nlohmann::json j = nlohmann::json::parse(in);
  std::vector<TruthPage> pages;
  for (const auto& e : j) {
    TruthPage t;
    t.file = e.at("file");
    t.url = e.at("url");
    t.role = e.at("role");
    for (const auto& h : e.at("hosts")) t.hosts.insert(h.get<std::string>());
    for (const auto& c : e.at("columns")) t.columns.insert(c.get<std::string>());
    if (!e.at("date").is_null()) t.date = parse_iso_date(e.at("date").get<std::string>());
    pages.push_back(std::move(t));
  }
  return pages;
}

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class RealCorpus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = corpus_dir();
    truth_ = load_truth();
    if (dir_.empty()) return;
    for (const TruthPage& t : truth_) seen_.push_back(read_page(t));
  }

  void SetUp() override {
    ASSERT_FALSE(dir_.empty()) << "the real-page corpus is not here: set SITEPATROL_REAL_CORPUS "
                                  "or see tests/data/real/README.md";
    ASSERT_GE(truth_.size(), 30u);
  }

  static Seen read_page(const TruthPage& t) {
    config_.column_kinds = config::builtin_column_kinds();
    config_.thresholds = config::default_thresholds();
    config::SiteConfig site;
    site.id = t.file;
    site.url = t.url;
    site.category = "local";
    config::SecurityConfig security = config::default_security();
    SiteContext ctx;
    ctx.site = &site;
    ctx.config = &config_;
    ctx.security = &security;
    ctx.own_hosts = t.hosts;
    ctx.registered_hosts = &t.hosts;
    ctx.now = sys_days{year{2025} / 12 / 31} + hours{2};
    const Date today = today_in_china(ctx.now);

    const std::string body = read_bytes(dir_ / t.file);
    const std::string utf8 = crawler::to_utf8(body, crawler::detect_charset("", body));
    const crawler::ParsedHtml parsed = crawler::parse_html(utf8, t.url);
    PageResult page;
    page.url = page.final_url = t.url;
    page.is_homepage = t.role == "home";
    page.depth = page.is_homepage ? 0 : 1;
    page.status = 200;
    page.title = parsed.title;
    page.text = parsed.text;
    page.hidden_text = parsed.hidden_text;
    page.links = parsed.links;
    page.meta = parsed.meta;
    page.rows = parsed.rows;
    page.forms = parsed.forms;

    const PageFacts facts = page_facts(page, today);
    SiteResult result;
    if (page.is_homepage) result.homepage = page;
    result.summaries.push_back(summarize_page(ctx, page, facts, result.nav_links));
    result.columns = find_columns(ctx, result.summaries);

    Seen seen;
    for (const Column& c : result.columns) {
      if (c.key.empty()) continue;
      seen.columns.insert(c.key);
      seen.column_names.push_back(c.key + "=" + c.name);
    }
    if (page.is_homepage) {
      Findings out;
      check_missing_columns(ctx, result, out);
      seen.missing = out;
    }
    Findings sec;
    check_darklinks(ctx, page, sec);
    for (const LinkRef& link : page.links) {
      if (link.kind != "script" && link.kind != "iframe" && link.kind != "frame") continue;
      LinkResult lr;
      lr.url = link.url;
      lr.found_on = page.url;
      lr.kind = link.kind;
      check_foreign_script(ctx, lr, sec);
    }
    for (const Finding& f : sec) {
      if (f.code.starts_with("SEC-")) seen.security.push_back(f);
    }
    seen.date = page.is_homepage ? newest_entry(facts.entries, today)
                                 : (facts.published ? facts.published : facts.newest_in_text);
    return seen;
  }

  static std::string join(const std::set<std::string>& s) {
    std::string out;
    for (const std::string& x : s) out += (out.empty() ? "" : " ") + x;
    return out;
  }

  static inline fs::path dir_;
  static inline std::vector<TruthPage> truth_;
  static inline std::vector<Seen> seen_;
  static inline config::Config config_;
};

// Named-column recall and precision over every (page, column key) a reader sees in the
// pages' navigation: recall >= 0.9 at precision >= 0.95.
TEST_F(RealCorpus, NamedColumnsAreRecognised) {
  int found = 0, wrong = 0, missed = 0;
  std::set<std::string> families;
  for (std::size_t i = 0; i < truth_.size(); ++i) {
    const TruthPage& t = truth_[i];
    const Seen& s = seen_[i];
    families.insert(t.file.substr(0, t.file.find('/')));
    std::set<std::string> fp, fn;
    for (const std::string& k : s.columns) {
      if (t.columns.contains(k)) {
        ++found;
      } else {
        fp.insert(k);
        ++wrong;
      }
    }
    for (const std::string& k : t.columns) {
      if (!s.columns.contains(k)) {
        fn.insert(k);
        ++missed;
      }
    }
    if (!fp.empty() || !fn.empty()) {
      std::string names;
      for (const std::string& n : s.column_names) names += " " + n;
      std::cout << t.file << ": missed [" << join(fn) << "] wrongly [" << join(fp) << "]; found"
                << names << "\n";
    }
  }
  const double recall = found + missed ? double(found) / (found + missed) : 0;
  const double precision = found + wrong ? double(found) / (found + wrong) : 0;
  std::cout << "named columns over " << truth_.size() << " pages, " << families.size()
            << " families: " << found << " found, " << missed << " missed, " << wrong
            << " wrongly; recall " << recall << ", precision " << precision << "\n";
  EXPECT_GE(families.size(), 4u);
  EXPECT_GE(recall, 0.9);
  EXPECT_GE(precision, 0.95);
}

// A homepage is never told it lacks a column a reader sees on it.
TEST_F(RealCorpus, NoFalseColumnMissing) {
  int homepages = 0;
  for (std::size_t i = 0; i < truth_.size(); ++i) {
    if (truth_[i].role != "home") continue;
    ++homepages;
    for (const Finding& f : seen_[i].missing) {
      EXPECT_FALSE(truth_[i].columns.contains(f.subject))
          << truth_[i].file << ": " << f.code << " " << f.subject << ": " << f.detail;
    }
  }
  EXPECT_GE(homepages, 2);
}

// None of these pages carries a dark link or a foreign script.
TEST_F(RealCorpus, NoSecurityFalseAlarm) {
  for (std::size_t i = 0; i < truth_.size(); ++i) {
    for (const Finding& f : seen_[i].security) {
      ADD_FAILURE() << truth_[i].file << ": " << f.code << " " << f.subject << ": " << f.detail;
    }
  }
}

// The date the patrol gives each page is the one a reader sees: an article's publication
// date, a homepage's newest entry.
TEST_F(RealCorpus, VisibleDatesAreRight) {
  for (std::size_t i = 0; i < truth_.size(); ++i) {
    const TruthPage& t = truth_[i];
    if (!t.date) continue;
    const std::optional<Date>& got = seen_[i].date;
    EXPECT_TRUE(got && *got == *t.date)
        << t.file << ": reads " << (got ? to_string(*got) : "no date") << ", a reader sees "
        << to_string(*t.date);
  }
}

// CONTENT-PRIVACY precision (docs/content-checks.md): every page found under the corpus folder
// (the truth's pages and any further saved official pages put beside them) goes through the
// same decode and parse as the patrol, and its visible text through find_personal_data, the
// core of check_privacy. Correct official text must give no finding; every hit is printed
// masked so it can be judged (true leak or false positive).
TEST(RealCorpusPrivacy, NoFindingsOnOfficialText) {
  std::size_t pages = 0, hits = 0;
  for (const auto& entry : fs::recursive_directory_iterator(corpus_dir())) {
    if (!entry.is_regular_file()) continue;
    const std::string body = read_bytes(entry.path());
    const std::string utf8 = crawler::to_utf8(body, crawler::detect_charset("", body));
    const crawler::ParsedHtml parsed = crawler::parse_html(utf8, "http://example.gov.cn/");
    ++pages;
    const PersonalData found = find_personal_data(parsed.text);
    if (found.empty()) continue;
    ++hits;
    std::ostringstream line;
    line << fs::relative(entry.path(), corpus_dir()).string() << ":";
    for (const auto& id : found.resident_ids) line << " id " << mask_resident_id(id);
    for (const auto& card : found.bank_cards) line << " card " << mask_bank_card(card);
    for (const auto& m : found.mobiles) line << " mobile " << mask_mobile(m);
    ADD_FAILURE() << "CONTENT-PRIVACY hit: " << line.str();
  }
  std::printf("CONTENT-PRIVACY: %zu pages scanned, %zu with findings\n", pages, hits);
  EXPECT_GE(pages, 40u);
  EXPECT_EQ(hits, 0u);
}

}  // namespace
}  // namespace sitepatrol::checks
