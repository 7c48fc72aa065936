// The alert rules (issue 7): which alerts a probe or a patrol raises. Pure functions of
// plain values; the daemon feeds them what the store holds and queues what they return.
//
// Probes: the site is down when its newest `down_after` probes all failed; the alert is
// raised by the probe that completes the streak (key: that probe's time), so a longer streak
// does not raise it again. The first good probe after such a streak raises site_up.
// Working from the stored probes alone keeps this right across daemon restarts.
//
// A patrol's findings (its run, status new) raise, per site: `critical` for new critical
// findings (dark links, spam, tampering, unanswered messages, stale homepage, AVAIL-RATIO;
// AVAIL-DOWN is left to the probes), `homepage_links` for new dead links on the homepage,
// and `dead_links`, the digest of every new dead link with the page that carries it. A
// finding is `new` in one run only, so each is alerted once; keys carry the run id. A finding
// a human review sets aside (store/review.h) raises nothing.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "alerts/alert.h"
#include "config/config.h"
#include "store/store.h"

namespace sitepatrol::alerts {

// `newest_first` holds at least the newest down_after + 1 probes of the site when it has
// them. nullopt when the newest probe changes nothing. site_down's `since` is the streak's
// first failed probe; site_up's `since` the oldest failure of the streak found in
// `newest_first` (pass the whole streak: kOutageLookback) and `outage` the time from it to
// the good probe.
inline constexpr int kOutageLookback = 10080;  // probes read back for site_up (a week at 1/min)
std::optional<Alert> probe_alert(const config::SiteConfig& site,
                                 std::span<const store::ProbeRecord> newest_first,
                                 int down_after);

// Alerts for the findings of run `run_id` (any status; only `new` ones count).
// `homepage_only` limits them to homepage_links (what the daemon checks while a patrol is
// still running, so a broken homepage link is told at once).
std::vector<Alert> run_alerts(std::int64_t run_id, std::span<const store::FindingRow> rows,
                              std::span<const config::SiteConfig> sites,
                              std::chrono::system_clock::time_point now,
                              bool homepage_only = false);

// Dead-link codes: LINK-BROKEN, LINK-TIMEOUT, LINK-REDIRECT-LOOP.
bool is_dead_link(std::string_view code);

}  // namespace sitepatrol::alerts
