// The text of a PDF (crawler/attachment_text.h), page by page through poppler-cpp, in the
// physical layout (a table's row stays on one line, so a name stays beside its number).
//
// A PDF that needs a password to open is skipped ("encrypted PDF"); one that is encrypted
// only against printing or copying (an owner password, no user password) opens for anyone
// and is read, as a reader's viewer would show it. A file poppler cannot load, or one with
// no page, is skipped as corrupt. Poppler's own error messages are silenced: a broken file
// from the web is data, not something for the patrol's stderr.
//
// Pure and thread-safe (one poppler document per call).
#pragma once

#include <atomic>
#include <string_view>

#include "crawler/attachment_text.h"

namespace sitepatrol::crawler {

AttachmentText pdf_text(std::string_view bytes, const AttachmentLimits& limits,
                        const std::atomic<bool>* stop);

}  // namespace sitepatrol::crawler
