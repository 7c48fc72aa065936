// What inline scripts write into a page with document.write / document.writeln.
//
// Injected spam blocks are usually written this way, so a parser that skips scripts misses
// them. We do not run JavaScript; we read the arguments of each document.write call when
// they are built from literals: string literals ('...', "...", `...` without ${}), joined by
// "+" or ",", with their escapes (\n, \x3C, \u003C, \u{...}), inside unescape(...),
// decodeURIComponent(...) / decodeURI(...) (percent-decoded) and String.fromCharCode(...).
// A term that is not a literal (a variable, a call, a ${} in a template) is written as
// kUnknownTerm, so that the parser can drop what it makes unknowable: the statistics
// snippets on most of these sites write "<script src='" + protocol + "hm.baidu.com/...'>",
// whose src without its first part would be a bogus relative URL on the site. Calls inside
// comments are skipped; calls under conditions (if (isSpider) document.write(...)) count,
// which is what we want: cloaked spam is spam.
//
// expand_document_writes() then does what a browser's parser does: the written markup goes
// into the page right after the </script> that wrote it, so a <div style="display:none">
// written by one script wraps the links that follow it in the page. Markup written by
// written scripts is expanded too, three levels deep. Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sitepatrol::crawler {

// Stands for a term whose value we do not know (U+E000, a private-use character no page
// means literally). A reference containing it is unknown; text drops it.
inline constexpr std::string_view kUnknownTerm = "\xEE\x80\x80";

// The markup a script's text writes, calls concatenated in order ("" when none).
std::string written_markup(std::string_view script);

// The page with written markup inserted after each writing inline script; nullopt when no
// script writes anything (almost every page: a single substring search decides).
std::optional<std::string> expand_document_writes(std::string_view html);

}  // namespace sitepatrol::crawler
