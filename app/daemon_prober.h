// Availability probes (issue 7): a GET of each homepage within timeout_s (15 s, the national
// indicator's limit), redirects followed, no retries (a probe is one sample). Every hop goes
// through the patrol's crawler::RequestPolicy: credentials only to the site's own hosts, and
// private addresses only for registered sites (a redirect elsewhere is a failed probe).
//
// probe_homepages runs one batch on its own io_context with the crawler's CurlFetcher,
// HostGate and Requester, hands each result to `done` as soon as it is in (on the calling
// thread), and returns when every probe is in or `stop` is set (probes still in flight are
// dropped then). A site that hangs costs one timeout, not the daemon. Blocking; call it from
// a worker thread.
#pragma once

#include <atomic>
#include <functional>
#include <vector>

#include "config/config.h"
#include "store/store.h"

namespace sitepatrol::app {

using NowMs = std::function<std::int64_t()>;

using ProbeDone = std::function<void(store::ProbeRecord)>;

void probe_homepages(const config::Config& config,
                     const std::vector<const config::SiteConfig*>& sites, const NowMs& now_ms,
                     const ProbeDone& done, const std::atomic<bool>* stop);

}  // namespace sitepatrol::app
