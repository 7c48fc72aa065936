// Parsing the certificate dates libcurl reports in CURLINFO_CERTINFO
// ("Start date: Jan  1 00:00:00 2027 GMT"; OpenSSL's ASN1_TIME_print format).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace sitepatrol::crawler {

// Unix seconds, nullopt when the text is not such a date.
std::optional<std::int64_t> parse_cert_date(std::string_view text);

}  // namespace sitepatrol::crawler
