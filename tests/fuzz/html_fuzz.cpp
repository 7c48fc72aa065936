// Fuzzes the HTML parser (crawler/html.h) and what the checks read of its result
// (checks/page_facts.h): a page is written by whoever runs the site, attackers included.
// Any input must parse without a crash, a sanitizer report or runaway memory.
#include <chrono>
#include <cstddef>
#include <cstdint>

#include "checks/page_facts.h"
#include "crawler/html.h"
#include "tests/fuzz/fuzz_input.h"

using namespace sitepatrol;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto page = fuzz::as_text(data, size);
  crawler::ParseOptions options;
  // The first byte picks the options, so both paths are explored from the same seeds.
  options.structure = size > 0 && (data[0] & 1) != 0;
  options.charset = size > 0 && (data[0] & 2) != 0 ? "gbk" : "";
  const char* url = "http://www.example.gov.cn/col/col123/index.html";
  auto parsed = crawler::parse_html(page, url, options);
  using namespace std::chrono;
  checks::PageContent content{url, url, parsed.text, parsed.meta, parsed.rows};
  (void)checks::page_facts(content, checks::Date{year{2026}, month{12}, day{4}});
  return 0;
}
