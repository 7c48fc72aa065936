// Micro-benchmark: CPU the content checks (CONTENT-*, checks/content.h) add per page, beside
// what parsing the page costs (issue 13: "at most 10 % more CPU on the 20k-page bench").
//
// Reads every .html under $CONTENT_BENCH_DIR (default bench/work/site, the site bench/run.sh
// generates; a folder of saved real pages works too), parses each as the patrol does, then
// times check_content on the parsed pages (CPU time, best of 3 passes). Compare the printed
// ms/page with the crawl's CPU per page from bench/run.sh (user+sys ÷ pages).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "checks/content.h"
#include "crawler/html.h"

namespace sitepatrol::checks {
namespace {

namespace fs = std::filesystem;

double cpu_seconds() { return double(std::clock()) / CLOCKS_PER_SEC; }

TEST(ContentCheck, Benchmark) {
  const char* env = std::getenv("CONTENT_BENCH_DIR");
  const fs::path dir = env ? fs::path(env) : fs::path(SITEPATROL_SOURCE_DIR) / "bench/work/site";
  if (!fs::is_directory(dir)) GTEST_SKIP() << dir << " missing: run bench/run.sh first";
  std::vector<PageResult> pages;
  std::size_t bytes = 0;
  double parse = cpu_seconds();
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".html") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string html{std::istreambuf_iterator<char>(in), {}};
    bytes += html.size();
    auto parsed = crawler::parse_html(html, "http://bench.example/" + entry.path().string());
    PageResult page;
    page.url = entry.path().string();
    page.status = 200;
    page.title = std::move(parsed.title);
    page.text = std::move(parsed.text);
    page.meta = std::move(parsed.meta);
    pages.push_back(std::move(page));
  }
  parse = cpu_seconds() - parse;
  ASSERT_FALSE(pages.empty());
  double best = 1e9;
  std::size_t findings = 0;
  for (int pass = 0; pass < 3; ++pass) {
    Findings out;
    const double start = cpu_seconds();
    for (const PageResult& page : pages) check_content(SiteContext{}, page, out);
    best = std::min(best, cpu_seconds() - start);
    findings = out.size();
  }
  std::size_t text = 0;
  for (const auto& p : pages) text += p.text.size();
  std::printf(
      "content checks: %zu pages (%.1f MB HTML, %.1f MB text): parse %.3f ms/page, "
      "check_content %.3f ms/page (%.1f %% of parsing), %zu findings\n",
      pages.size(), bytes / 1e6, text / 1e6, parse * 1e3 / pages.size(),
      best * 1e3 / pages.size(), 100 * best / parse, findings);
}

}  // namespace
}  // namespace sitepatrol::checks
