// Short human-readable words for why a fetch failed, shared by the availability and link
// checks so a user reads the same "DNS: could not resolve host" in every finding.
#pragma once

#include <string>

#include "checks/finding.h"
#include "checks/inputs.h"

namespace sitepatrol::checks {

// "HTTP 503" when there was an answer and no error; otherwise the error, e.g.
// "timeout after 15 s", "DNS: could not resolve host", "TLS: certificate has expired".
// `error_text` (curl's message) is used when given, else a generic wording.
std::string describe_fetch(int status, FetchError error, std::string_view error_text,
                           int timeout_s);

// The same as a finding's detail: the text above, code "fetch.http" (status), "fetch.timeout"
// (seconds) or "fetch.<error>" (error_text, curl's message, possibly empty).
Detail fetch_detail(int status, FetchError error, std::string_view error_text, int timeout_s);

}  // namespace sitepatrol::checks
