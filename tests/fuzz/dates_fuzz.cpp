// Fuzzes date recognition (checks/dates.h): the dates of columns and articles are read from
// page text and URLs, both written by the site. Any input must give dates or none, never a
// crash; a date found must print (to_string) and count days without overflow.
#include <chrono>
#include <cstddef>
#include <cstdint>

#include "checks/dates.h"
#include "tests/fuzz/fuzz_input.h"

using namespace sitepatrol;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto text = fuzz::as_text(data, size);
  using namespace std::chrono;
  const checks::Date today{year{2026}, month{12}, day{4}};
  checks::DateContext context{today, std::nullopt};
  if (size > 0 && (data[0] & 1) != 0) context.year = 2025;

  for (const auto& d : checks::find_dates(text, context)) {
    (void)checks::to_string(d);
    (void)checks::days_between(d, today);
  }
  (void)checks::first_date(text, context);
  if (auto d = checks::date_in_url(text)) (void)checks::to_string(*d);
  (void)checks::year_in_url(text);
  if (auto d = checks::parse_iso_date(text)) (void)checks::days_between(*d, today);
  return 0;
}
