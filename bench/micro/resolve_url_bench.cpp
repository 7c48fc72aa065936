// Micro-benchmark: the cost of resolving and normalising one link (CPU time).
#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>

#include "crawler/url.h"

namespace sitepatrol::crawler {
namespace {

// Not a pass/fail test: prints the cost per resolution. Built with -DSITEPATROL_MICROBENCH=ON.
TEST(ResolveUrl, Benchmark) {
  const char* refs[] = {"./202611/t20261125_123456.html",
                        "../../zwgk/index.html",
                        "/xxgk/tzgg/",
                        "http://www.gov.cn/",
                        "t1.html?x=1",
                        "/files/通知附件.docx"};
  constexpr int kRounds = 300'000;
  std::clock_t start = std::clock();  // CPU time: the build machine is shared
  std::size_t total = 0;
  for (int i = 0; i < kRounds; ++i) {
    auto r = resolve_url("http://www.site.example/tzgg/2026/t1.html", refs[i % 6]);
    total += r ? r->size() : 0;
  }
  double ns = double(std::clock() - start) / CLOCKS_PER_SEC * 1e9;
  std::printf("resolve_url: %.0f ns per call (%zu bytes)\n", ns / kRounds, total);
}

}  // namespace
}  // namespace sitepatrol::crawler
