// TLS-CERT (docs/codes.md): the homepage's certificate, when it is served over HTTPS.
//
// One finding per site at most, the first that applies: error when the certificate has
// expired, is not yet valid, failed verification (wrong host, unknown issuer: curl's message
// in verify_error) or the handshake failed; warning when it expires within 30 days.
// Subject is the host of the homepage's final URL (where the certificate was presented).
#pragma once

#include "checks/registry.h"

namespace sitepatrol::checks {

// SiteCheck, judged against ctx.now.
void check_tls(const SiteContext& ctx, const SiteResult& result, Findings& out);

}  // namespace sitepatrol::checks
