// Byte-level helpers for fixtures and assertions: gzip (zlib) and GBK (iconv).
//
// Pure functions, thread-safe. They throw std::runtime_error on failure: test code wants
// a loud failure, and nothing here runs across an asynchronous boundary.
#pragma once

#include <string>
#include <string_view>

namespace sitepatrol::testsupport {

// A complete gzip member (RFC 1952) holding `data`.
std::string gzip_compress(std::string_view data);
// Inflates gzip (or zlib) data; throws on corrupt input.
std::string gzip_decompress(std::string_view data);

// Converts UTF-8 text to GBK; throws when a character has no GBK form.
std::string utf8_to_gbk(std::string_view utf8);

// True when `bytes` is well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes);

}  // namespace sitepatrol::testsupport
