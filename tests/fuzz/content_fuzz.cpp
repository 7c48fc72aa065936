// Fuzzes the content checks (checks/content.h): the text they read is written by the site,
// or extracted from its attachments. Any input must give findings or none, never a crash;
// every hit must lie inside the text, and the text's byte and character views must agree.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "checks/content.h"
#include "tests/fuzz/fuzz_input.h"

using namespace sitepatrol;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = fuzz::as_text(data, size);
  const checks::ContentText normal(text);
  if (normal.char_at(normal.utf8().size()) != normal.size()) std::abort();
  static const checks::ContentMatcher matcher(config::builtin_content_dictionary());
  for (const checks::ContentHit& hit : matcher.scan(normal, std::nullopt)) {
    if (hit.found.empty() || hit.at >= normal.size()) std::abort();
  }
  checks::PageResult page;
  page.url = "https://www.site.example/a.html";
  page.status = 200;
  page.text = std::string(text);
  checks::Findings out;
  checks::check_content(checks::SiteContext{}, page, out);
  if (out.size() > 3) std::abort();  // one finding per code at most
  return 0;
}
