// Attachment text: the plain UTF-8 text of a PDF, DOCX or XLSX file that a site's page links,
// so the text checks (checks::text_checks(): personal data, content errors) read it as they
// read a page (issue 13). Government sites publish their 公示 lists as such files, and that
// is where resident ID numbers leak.
//
// The bytes come from the web, so everything here is bounded and nothing is trusted: the
// file's size, each zip member's inflated size (its declared size and the bytes actually
// inflated), all members together, the text kept, and a PDF's pages. A file that breaks a
// bound, is encrypted, corrupt or of another kind is skipped with a reason, never an
// exception and never a crash. The format is told from the bytes (%PDF-, a zip holding
// word/document.xml or xl/workbook.xml), not from the URL or the content type.
//
// PDF through poppler-cpp (crawler/pdf_text.h), DOCX and XLSX through libzip and expat
// (crawler/zip_archive.h, crawler/ooxml_text.h). Pure and thread-safe: the crawl calls it on
// the parse pool, never on the I/O thread.
#pragma once

#include <atomic>
#include <cstddef>
#include <string>
#include <string_view>

namespace sitepatrol::crawler {

struct AttachmentLimits {
  std::size_t max_bytes = 10u << 20;        // the file itself ([patrol] attachment_max_bytes)
  std::size_t max_entry_bytes = 32u << 20;  // one zip member, inflated
  std::size_t max_total_bytes = 64u << 20;  // every zip member read, inflated, together
  std::size_t max_text_bytes = 2u << 20;    // text kept; the rest is cut, not skipped
  int max_pdf_pages = 2000;                 // pages read; the rest are left
};

struct AttachmentText {
  std::string format;   // "pdf", "docx", "xlsx"; "" when not recognised
  std::string text;     // UTF-8, lines separated by '\n'; "" when skipped
  std::string skipped;  // why the file was not read ("" when it was), e.g. "encrypted PDF"
  bool cut = false;     // a bound was reached (text, pages): `text` is the beginning only
};

// Reads the text of `bytes`. `stop` (may be null) is polled between pages and chunks: when it
// turns true the reading ends at once with skipped = "cancelled".
AttachmentText attachment_text(std::string_view bytes, const AttachmentLimits& limits = {},
                               const std::atomic<bool>* stop = nullptr);

// Whether a link names a file whose text is read, by its path's extension (.pdf, .docx,
// .xlsx, any case), or an answer's Content-Type says so (application/pdf and the two
// OOXML types; parameters ignored).
bool is_attachment_url(std::string_view url);
bool is_attachment_type(std::string_view content_type);

}  // namespace sitepatrol::crawler
