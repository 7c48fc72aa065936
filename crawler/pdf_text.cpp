#include "crawler/pdf_text.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <mutex>
#include <string_view>

#include "crawler/bounded_text.h"

namespace sitepatrol::crawler {

namespace {

// A one-page PDF with nothing on it.
constexpr std::string_view kEmptyPdf =
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    "trailer<</Root 1 0 R>>\n%%EOF\n";

void prepare_poppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    // poppler-cpp builds its global state (font and CMap tables) when the first document
    // opens and frees it when the last one closes, so reading one PDF at a time paid for it
    // on every file: 2.9 ms for a one-page PDF instead of 0.07 ms (2,000 attachments of the
    // 20,000-page bench: 6 CPU seconds). One empty document, open for the life of the
    // process, keeps that state.
    static const poppler::document* keep =
        poppler::document::load_from_raw_data(kEmptyPdf.data(), static_cast<int>(kEmptyPdf.size()));
    (void)keep;
  });
}

}  // namespace

AttachmentText pdf_text(std::string_view bytes, const AttachmentLimits& limits,
                        const std::atomic<bool>* stop) {
  prepare_poppler();
  AttachmentText result;
  result.format = "pdf";
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    result.skipped = "PDF too large to read";
    return result;
  }
  // Reads `bytes` in place; they outlive the document.
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    result.skipped = "corrupt PDF (poppler cannot load it)";
    return result;
  }
  if (doc->is_locked()) {
    result.skipped = "encrypted PDF (a password is needed to open it)";
    return result;
  }
  const int pages = doc->pages();
  if (pages <= 0) {
    result.skipped = "corrupt PDF (no pages)";
    return result;
  }
  BoundedText out(limits.max_text_bytes);
  const int read = std::min(pages, limits.max_pdf_pages);
  for (int i = 0; i < read && !out.full(); ++i) {
    if (stop && stop->load()) {
      result.skipped = "cancelled";
      return result;
    }
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    const poppler::byte_array utf8 = page->text().to_utf8();
    out.append(std::string_view(utf8.data(), utf8.size()));
    out.end_line();
  }
  result.cut = out.full() || read < pages;
  result.text = out.take();
  return result;
}

}  // namespace sitepatrol::crawler
