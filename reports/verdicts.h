// Single-veto verdicts (单项否决) of the national inspection indicators (docs/codes.md), per site
// and month, from the site's findings at the month's end and, when present, the exact
// statistics of report_data.h.
//
// Items and thresholds (a site fails when any item is vetoed):
//   unreachable        failed share >= 5 % (probes; else an AVAIL-RATIO finding; else the
//                      month's runs that raised AVAIL-DOWN); early warning from 3 %
//   homepage_stale     FRESH-HOME open (no new homepage information for 2 weeks)
//   key_columns_stale  >= 5 stale news/notice/policy columns (FRESH-COLUMN)
//   columns_stale      >= 10 stale columns; early warning from 8
//   columns_blank      >= 5 blank columns (COLUMN-EMPTY); early warning from 2
//   poor_response      any INTERACT-UNANSWERED, or the message board missing or unusable
//   dark_links         any critical SEC-DARKLINK (a warning one is a hidden link left for review)
//   spam / tampering   any SEC-SPAM / SEC-TAMPER
// Pure functions; any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reports/report_data.h"
#include "reports/report_terms.h"

namespace sitepatrol::reports {

inline constexpr double kUnreachableVeto = 0.05;
inline constexpr double kUnreachableWarn = 0.03;
inline constexpr int kKeyColumnsStaleVeto = 5;
inline constexpr int kColumnsStaleVeto = 10;
inline constexpr int kColumnsStaleWarn = 8;
inline constexpr int kColumnsBlankVeto = 5;
inline constexpr int kColumnsBlankWarn = 2;

struct VetoCheck {
  std::string item;  // unreachable | homepage_stale | ... (see above)
  bool vetoed = false;
  bool warning = false;               // at or over the monitoring platforms' early level
  double value = 0;                   // the measured share or count
  double threshold = 0;               // the veto level
  std::string basis;                  // probes | AVAIL-RATIO | runs | columns | findings
  std::vector<std::string> evidence;  // subjects of the findings behind it
};

struct SiteVerdict {
  bool passed = true;
  std::vector<VetoCheck> checks;  // every item, in the order above
};

SiteVerdict judge_site(const SiteMonth& site);

// The failed share of the homepage over the month and where it came from: the probes when
// there are any, else the month's patrol runs; nullopt when nothing measured it.
struct Unavailability {
  double share = 0;
  std::string basis;
};
std::optional<Unavailability> unavailability(const SiteMonth& site);

// The label of an item, and the reason a vetoed item gives ("不可访问比例 6.7 % ≥ 5 %").
std::string veto_label(std::string_view item, Lang lang);
std::string veto_reason(const VetoCheck& check, Lang lang);

}  // namespace sitepatrol::reports
