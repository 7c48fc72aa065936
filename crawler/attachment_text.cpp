#include "crawler/attachment_text.h"

#include <exception>
#include <new>

#include "crawler/ooxml_text.h"
#include "crawler/pdf_text.h"
#include "crawler/url.h"
#include "crawler/zip_archive.h"

namespace sitepatrol::crawler {

namespace {

AttachmentText skipped(std::string why, std::string format = {}) {
  AttachmentText result;
  result.format = std::move(format);
  result.skipped = std::move(why);
  return result;
}

bool is_pdf(std::string_view bytes) {
  // Readers accept the header anywhere in the first kilobyte (some servers prepend junk).
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

bool is_zip(std::string_view bytes) {
  return bytes.starts_with(std::string_view("PK\x03\x04", 4)) ||
         bytes.starts_with(std::string_view("PK\x05\x06", 4));  // an empty archive
}

// An OLE compound file: a password-protected Office file (its package encrypted inside
// one) or a pre-2007 .doc / .xls.
bool is_compound_file(std::string_view bytes) {
  return bytes.starts_with(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
}

AttachmentText office_text(std::string_view bytes, const AttachmentLimits& limits,
                           const std::atomic<bool>* stop) {
  auto zip = ZipArchive::open(bytes);
  if (!zip) return skipped(std::move(zip.error()));
  if (zip->contains("word/document.xml")) return docx_text(*zip, limits, stop);
  if (zip->contains("xl/workbook.xml")) return xlsx_text(*zip, limits, stop);
  return skipped("a zip archive that is neither DOCX nor XLSX");
}

AttachmentText read_text(std::string_view bytes, const AttachmentLimits& limits,
                         const std::atomic<bool>* stop) {
  if (bytes.size() > limits.max_bytes)
    return skipped("larger than " + std::to_string(limits.max_bytes) + " bytes");
  if (bytes.empty()) return skipped("empty file");
  if (is_pdf(bytes)) return pdf_text(bytes, limits, stop);
  if (is_zip(bytes)) return office_text(bytes, limits, stop);
  if (is_compound_file(bytes))
    return skipped("an encrypted Office file or an old binary .doc/.xls (not read)");
  return skipped("not a PDF, DOCX or XLSX file");
}

bool equals_lower(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] | 0x20) : text[i];
    if (c != lower[i]) return false;
  }
  return true;
}

}  // namespace

AttachmentText attachment_text(std::string_view bytes, const AttachmentLimits& limits,
                               const std::atomic<bool>* stop) {
  // Nothing crosses this boundary: the readers do not throw on bad input, but a library
  // may still run out of memory or throw on a case nobody foresaw.
  try {
    return read_text(bytes, limits, stop);
  } catch (const std::bad_alloc&) {
    return skipped("out of memory while reading");
  } catch (const std::exception& e) {
    return skipped(std::string("unreadable: ") + e.what());
  } catch (...) {
    return skipped("unreadable");
  }
}

bool is_attachment_url(std::string_view url) {
  const std::string ext = url_extension(url);
  return ext == "pdf" || ext == "docx" || ext == "xlsx";
}

bool is_attachment_type(std::string_view content_type) {
  std::string_view type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
  return equals_lower(type, "application/pdf") ||
         equals_lower(type,
                      "application/vnd.openxmlformats-officedocument.wordprocessingml.document") ||
         equals_lower(type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

}  // namespace sitepatrol::crawler
