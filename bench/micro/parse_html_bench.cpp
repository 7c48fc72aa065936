// Micro-benchmark: Gumbo link extraction rate on a TRS-style list page (CPU time).
#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <iterator>
#include <string>

#include "crawler/html.h"

namespace sitepatrol::crawler {
namespace {

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(SITEPATROL_TEST_DATA) + "/html/" + name, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// Not a pass/fail test: pages per second on the TRS list page. Built with -DSITEPATROL_MICROBENCH=ON.
TEST(ParseHtml, Benchmark) {
  std::string page = read_fixture("trs_list_utf8.html");
  std::string body = page.substr(0, page.find("<div class=\"list\">"));
  std::string item = page.substr(page.find("<div class=\"list\">"));
  std::string big = body + repeat(item.substr(0, item.find("</body>")), 20) + "</body></html>";
  constexpr int kRounds = 300;
  std::clock_t start = std::clock();  // CPU time: the build machine is shared
  std::size_t links = 0;
  for (int i = 0; i < kRounds; ++i) {
    links +=
        parse_html(big, "http://www.site.example/xxgk/tzgg/index_" + std::to_string(i) + ".shtml")
            .links.size();
  }
  double s = double(std::clock() - start) / CLOCKS_PER_SEC;
  std::printf("parse_html: %zu KiB page, %.0f pages/s, %.1f MB/s, %zu links\n", big.size() / 1024,
              kRounds / s, big.size() * kRounds / s / 1e6, links / kRounds);
}

}  // namespace
}  // namespace sitepatrol::crawler
