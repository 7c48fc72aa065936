// The hostile inputs of issue 12 (bounded work), one at a time: what the parse pool does
// with a page (parse_html with tag paths, the template sketch, page facts), and what robots
// matching costs per URL. Run under /usr/bin/time -v by bench/hostile/run.sh; the pages come
// from gen_hostile.py. Not a test: it prints what it measured and exits 0.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "checks/fingerprint.h"
#include "checks/page_facts.h"
#include "crawler/html.h"
#include "crawler/robots.h"

namespace {

using namespace sitepatrol;

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// What SiteCrawl's parse job does with a page at depth <= 1.
int parse(const char* path) {
  const std::string page = read_file(path);
  const auto start = std::chrono::steady_clock::now();
  crawler::ParseOptions options;
  options.structure = true;
  crawler::ParsedHtml html = crawler::parse_html(page, "http://127.0.0.1/", options);
  checks::PageSketch sketch = checks::sketch_page(html.tag_paths, html.links, html.title);
  checks::PageFacts facts = checks::page_facts(
      checks::PageContent{"http://127.0.0.1/", "http://127.0.0.1/", html.text, html.meta,
                          html.rows},
      checks::Date{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{4}});
  std::printf("parse %s: %zu bytes, %zu elements, %zu links, %zu rows, %zu hidden bytes, %.2f s\n",
              path, page.size(), sketch.elements, html.links.size(), html.rows.size(),
              html.hidden_text.size(), seconds_since(start));
  std::printf("  %zu dated entries\n", facts.entries.size());
  return 0;
}

// robots.txt matching: `links` holds one path per line.
int robots(const char* robots_path, const char* links_path) {
  const std::string text = read_file(robots_path);
  const std::string links = read_file(links_path);
  const auto start = std::chrono::steady_clock::now();
  crawler::Robots r = crawler::parse_robots(text, "sitepatrol/1.0");
  const double parsed = seconds_since(start);
  std::size_t n = 0, allowed = 0;
  for (std::size_t pos = 0; pos < links.size();) {
    std::size_t end = links.find('\n', pos);
    if (end == std::string::npos) end = links.size();
    if (end > pos) {
      ++n;
      allowed += r.allowed(std::string_view(links).substr(pos, end - pos));
    }
    pos = end + 1;
  }
  const double total = seconds_since(start);
  std::printf(
      "robots %s: %zu bytes, %zu rules, parse %.3f s, %zu URLs matched in %.3f s "
      "(%.1f ms per URL), %zu allowed\n",
      robots_path, text.size(), r.rules.size(), parsed, n, total - parsed,
      n ? (total - parsed) * 1000 / double(n) : 0.0, allowed);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "parse" && argc == 3) return parse(argv[2]);
  if (mode == "robots" && argc == 4) return robots(argv[2], argv[3]);
  std::fprintf(stderr, "usage: hostile_bench parse PAGE | robots ROBOTS_TXT LINKS\n");
  return 2;
}
