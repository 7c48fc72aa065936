// The text of Office Open XML files (crawler/attachment_text.h): a DOCX's body and an XLSX's
// cells, read from their zip members with a streaming XML reader (crawler/xml_stream.h).
//
// DOCX: word/document.xml; the text of every t element (w:t, and a:t in text boxes and
// shapes), a paragraph per line, table cells separated by tabs and rows by lines, w:tab and
// w:br kept. Deleted text (w:delText), field codes and the fallback copy of alternate
// content (mc:Fallback, which repeats a text box) are not the document's text.
// XLSX: every worksheet (xl/worksheets/sheetN.xml, in N's order), a row per line and cells
// separated by tabs, shared strings (xl/sharedStrings.xml) resolved, inline strings and the
// values of number and formula cells included (a phone number is often a number cell).
//
// Bounds as in AttachmentLimits. Pure and thread-safe.
#pragma once

#include <atomic>

#include "crawler/attachment_text.h"
#include "crawler/zip_archive.h"

namespace sitepatrol::crawler {

// format "docx" / "xlsx"; skipped with a reason when a member cannot be read or its XML
// is broken.
AttachmentText docx_text(const ZipArchive& zip, const AttachmentLimits& limits,
                         const std::atomic<bool>* stop);
AttachmentText xlsx_text(const ZipArchive& zip, const AttachmentLimits& limits,
                         const std::atomic<bool>* stop);

}  // namespace sitepatrol::crawler
