// Character sets: finding out what a page is written in and converting it to UTF-8.
//
// Government sites still serve GBK, GB2312, GB18030 and Big5. Detection order: BOM, the
// Content-Type header's charset, then <meta charset> / <meta http-equiv> in the first 4 KiB,
// else UTF-8 when the bytes are valid UTF-8, else GB18030. GBK and GB2312 are decoded as
// GB18030 (a superset). Conversion uses iconv; invalid sequences become U+FFFD, never an
// error. Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace sitepatrol::crawler {

// Lower-case canonical name, e.g. "utf-8", "gbk", "gb18030", "big5".
std::string detect_charset(std::string_view content_type, std::string_view body);

// Converts `body` from `charset` to UTF-8 (a BOM is dropped).
std::string to_utf8(std::string_view body, std::string_view charset);

// A reference of a page written in `charset`, with the non-ASCII characters of its query
// percent-encoded in that charset, as browsers do (WHATWG URL: the query takes the
// document's encoding, the path is always UTF-8): on a GBK page "/s?q=交通" becomes
// "/s?q=%BD%BB%CD%A8". A character the charset cannot write becomes "%26%23N%3B" (&#N;).
// `ref` is UTF-8 (after to_utf8); unchanged for UTF-8 and UTF-16 pages.
std::string encode_query(std::string_view ref, std::string_view charset);

}  // namespace sitepatrol::crawler
