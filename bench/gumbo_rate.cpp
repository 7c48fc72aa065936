// Gumbo parse rate: how many of the generated pages one thread can parse per second.
// This is the upper bound on what any Gumbo-based crawler can parse on one core, with no
// network, no link extraction beyond a tree walk, and no storage.
//
//   g++ -O2 -std=c++17 gumbo_rate.cpp -o gumbo_rate $(pkg-config --cflags --libs gumbo)
//   ./gumbo_rate SITE_ROOT PAGES_TXT [MIN_SECONDS]
//
// SITE_ROOT is the document root (bench/work/site/main), PAGES_TXT lists URL paths, one a line.
// All pages are read into memory first; then they are parsed in passes until MIN_SECONDS
// (default 5) have elapsed, at least one full pass.
#include <gumbo.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

static size_t count_links(const GumboNode* root) {
  size_t n = 0;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& el = node->v.element;
    if (el.tag == GUMBO_TAG_A || el.tag == GUMBO_TAG_IMG || el.tag == GUMBO_TAG_LINK ||
        el.tag == GUMBO_TAG_SCRIPT) {
      if (gumbo_get_attribute(&el.attributes, "href") || gumbo_get_attribute(&el.attributes, "src")) ++n;
    }
    for (unsigned i = 0; i < el.children.length; ++i)
      stack.push_back(static_cast<const GumboNode*>(el.children.data[i]));
  }
  return n;
}

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s SITE_ROOT PAGES_TXT [MIN_SECONDS]\n", argv[0]);
    return 2;
  }
  const std::string root = argv[1];
  const double min_seconds = argc > 3 ? std::atof(argv[3]) : 5.0;
  std::ifstream list(argv[2]);
  std::vector<std::string> pages;
  size_t bytes = 0;
  for (std::string line; std::getline(list, line);) {
    if (line.empty()) continue;
    std::ifstream f(root + line, std::ios::binary);
    if (!f) {
      std::fprintf(stderr, "cannot read %s%s\n", root.c_str(), line.c_str());
      return 1;
    }
    std::ostringstream ss;
    ss << f.rdbuf();
    pages.push_back(ss.str());
    bytes += pages.back().size();
  }
  if (pages.empty()) {
    std::fprintf(stderr, "no pages\n");
    return 1;
  }
  using clock = std::chrono::steady_clock;
  auto cpu_now = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
  };
  const double c0 = cpu_now();
  const auto t0 = clock::now();
  size_t parsed = 0, parsed_bytes = 0, links = 0;
  double elapsed = 0;
  do {
    for (const std::string& p : pages) {
      GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, p.data(), p.size());
      links += count_links(out->root);
      gumbo_destroy_output(&kGumboDefaultOptions, out);
      ++parsed;
      parsed_bytes += p.size();
    }
    elapsed = std::chrono::duration<double>(clock::now() - t0).count();
  } while (elapsed < min_seconds);
  const double cpu = cpu_now() - c0;
  // "pages/s" is per wall second; "cpu pages/s" per CPU second of the parsing thread, which
  // does not drop when other processes share the cores.
  std::printf("pages %zu  bytes %zu  parsed %zu  seconds %.2f  pages/s %.0f  MB/s %.1f  "
              "cpu_seconds %.2f  cpu pages/s %.0f  cpu MB/s %.1f  links/page %.1f\n",
              pages.size(), bytes, parsed, elapsed, parsed / elapsed, parsed_bytes / elapsed / 1e6, cpu,
              parsed / cpu, parsed_bytes / cpu / 1e6, static_cast<double>(links) / parsed);
  return 0;
}
