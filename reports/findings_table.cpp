#include "reports/findings_table.h"
#include "reports/detail_text.h"

#include <algorithm>
#include <array>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "reports/link_display.h"
#include "reports/summary.h"
#include "reports/terminal_width.h"
#include "reports/text_wrap.h"

namespace sitepatrol::reports {
namespace {

constexpr int kIndent = 2;
constexpr int kGap = 2;
constexpr int kMinFlexible = 8;  // subject, page and detail never get narrower than this
constexpr int kMinWidth = 40;    // below this, lines overflow rather than lose their headings

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";

std::string_view severity_color(checks::Severity s) {
  switch (s) {
    case checks::Severity::critical:
      return "\x1b[1;31m";
    case checks::Severity::error:
      return "\x1b[31m";
    case checks::Severity::warning:
      return "\x1b[33m";
    case checks::Severity::info:
      return "\x1b[36m";
  }
  return "";
}

// One finding, every string already safe for the terminal.
struct Row {
  std::size_t site_index;
  checks::Severity severity;
  std::string code;
  std::string status;
  std::string subject;
  std::string page;
  std::string detail;
};

enum Flexible { kSubject, kPage, kDetail, kFlexibleCount };

struct Widths {
  int severity = 0;
  int code = 0;
  int status = 0;
  std::array<int, kFlexibleCount> flexible{};
};

// Shares `room` among the flexible columns so that narrow ones keep their natural width and
// the wide ones split the rest evenly (max-min fair).
std::array<int, kFlexibleCount> share_room(std::array<int, kFlexibleCount> natural, int room) {
  std::array<int, kFlexibleCount> order{kSubject, kPage, kDetail};
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return natural[a] < natural[b]; });
  std::array<int, kFlexibleCount> widths{};
  int left = room;
  for (int i = 0; i < kFlexibleCount; ++i) {
    int column = order[i];
    int share = left / (kFlexibleCount - i);
    widths[column] = std::max(kMinFlexible, std::min(natural[column], share));
    left -= widths[column];
  }
  return widths;
}

Widths measure(const std::vector<Row>& rows, int width) {
  Widths w;
  w.severity = display_width("SEVERITY");
  w.code = display_width("CODE");
  w.status = display_width("STATUS");
  std::array<int, kFlexibleCount> natural{display_width("SUBJECT"), display_width("PAGE"),
                                          display_width("DETAIL")};
  for (const Row& r : rows) {
    w.severity = std::max(w.severity, display_width(checks::to_string(r.severity)));
    w.code = std::max(w.code, display_width(r.code));
    w.status = std::max(w.status, display_width(r.status));
    natural[kSubject] = std::max(natural[kSubject], display_width(r.subject));
    natural[kPage] = std::max(natural[kPage], display_width(r.page));
    natural[kDetail] = std::max(natural[kDetail], display_width(r.detail));
  }
  int fixed = kIndent + w.severity + w.code + w.status + 5 * kGap;
  w.flexible = share_room(natural, width - fixed);
  return w;
}

bool is_url(std::string_view text) { return text.find("://") != std::string_view::npos; }

// "https://www.site.example:8443" of "https://www.site.example:8443/index.html"; "" when
// `home` is not an absolute http(s) URL.
std::string origin_of(std::string_view home) {
  const auto scheme = home.find("://");
  if (scheme == std::string_view::npos) return "";
  const auto path = home.find_first_of("/?#", scheme + 3);
  return std::string(home.substr(0, path));
}

// A URL on the site's own origin as its path ("/" for the origin itself); anything else whole.
std::string relative_to(std::string_view url, std::string_view origin) {
  if (origin.empty() || !url.starts_with(origin)) return std::string(url);
  std::string_view rest = url.substr(origin.size());
  if (rest.empty()) return "/";
  if (rest.front() != '/' && rest.front() != '?' && rest.front() != '#') return std::string(url);
  return rest.front() == '/' ? std::string(rest) : "/" + std::string(rest);
}

const SiteLabel* label_of(const std::vector<SiteLabel>& labels, std::string_view id) {
  for (const SiteLabel& label : labels)
    if (label.id == id) return &label;
  return nullptr;
}

// "湖北省交通运输厅 (hb-jtt), https://www.hb-jtt.gov.cn: 2 findings", or without a label
// "hb-jtt: 2 findings".
std::string site_heading(std::string_view id, const SiteLabel* label, int count) {
  std::string heading;
  if (label && !label->name.empty()) {
    heading = label->name + " (" + std::string(id) + ")";
  } else {
    heading = std::string(id);
  }
  if (label && !origin_of(label->home).empty()) heading += ", " + origin_of(label->home);
  heading += ": " + std::to_string(count) + (count == 1 ? " finding" : " findings");
  return sanitize_for_terminal(heading);
}

// A URL that does not fit first loses its scheme (a cut URL cannot be copied anyway, and the
// host is what tells a reader where it points), then its middle; other text loses its end.
std::string fit(std::string_view text, int width) {
  if (display_width(text) <= width) return std::string(text);
  // A path relative to the site is a URL too: its start and its file name both matter.
  if (text.starts_with('/')) return truncate_to_width(text, width, Elide::middle);
  if (!is_url(text)) return truncate_to_width(text, width, Elide::end);
  for (std::string_view scheme : {"http://", "https://"}) {
    if (text.starts_with(scheme)) text.remove_prefix(scheme.size());
  }
  return truncate_to_width(text, width, Elide::middle);
}

std::string cell(std::string_view text, int width) { return pad_to_width(fit(text, width), width); }

void write_line(std::ostream& out, std::string line) {
  line.erase(line.find_last_not_of(' ') + 1);
  out << line << '\n';
}

// One row; with `wrap`, a detail wider than its column continues on lines of its own under it.
std::string format_row(const Widths& w, std::string_view severity, std::string_view color,
                       std::string_view code, std::string_view status, std::string_view subject,
                       std::string_view page, std::string_view detail, bool wrap = false) {
  const std::string gap(kGap, ' ');
  std::string line(kIndent, ' ');
  if (!color.empty()) line += color;
  line += severity;
  if (!color.empty()) line += kReset;
  line += std::string(static_cast<std::size_t>(w.severity - display_width(severity)), ' ');
  line += gap + pad_to_width(code, w.code) + gap + pad_to_width(status, w.status);
  line += gap + cell(subject, w.flexible[kSubject]);
  line += gap + cell(page, w.flexible[kPage]);
  if (!wrap) return line + gap + fit(detail, w.flexible[kDetail]);
  const std::vector<std::string> lines = wrap_to_width(detail, w.flexible[kDetail]);
  line += gap + lines.front();
  const std::string indent(
      static_cast<std::size_t>(kIndent + w.severity + w.code + w.status + w.flexible[kSubject] +
                               w.flexible[kPage] + 5 * kGap),
      ' ');
  for (std::size_t i = 1; i < lines.size(); ++i) line += "\n" + indent + lines[i];
  return line;
}

// "Run 7  2026-11-25T02:00:03Z to 2026-11-25T02:41:10Z (41m 07s)", or for a run that did not
// finish "Run 7 (aborted)  started 2026-11-25T02:00:03Z".
std::string run_times(const store::RunInfo& run) {
  std::string line = "Run " + std::to_string(run.id);
  if (run.status == "finished" && !run.finished_at.empty()) {
    line += "  " + run.started_at + " to " + run.finished_at;
    if (auto duration = run_duration(run.started_at, run.finished_at)) {
      line += " (" + *duration + ")";
    }
  } else {
    line += " (" + (run.status.empty() ? std::string("unknown") : run.status) + ")  started " +
            run.started_at;
  }
  return sanitize_for_terminal(line);
}

// "Earlier runs: run 5 (2026-11-20T02:00:03Z) for hb-jtt, hn-jtt; run 3 (...) for cj-msa".
std::string earlier_runs_line(const std::vector<store::PeriodRun>& runs) {
  std::string line = "Earlier runs:";
  for (std::size_t i = 0; i < runs.size(); ++i) {
    line += (i ? "; run " : " run ") + std::to_string(runs[i].info.id) + " (" +
            runs[i].info.started_at + ") for";
    for (std::size_t k = 0; k < runs[i].sites.size(); ++k)
      line += (k ? ", " : " ") + runs[i].sites[k];
  }
  return sanitize_for_terminal(line);
}

std::string run_counts(const store::RunInfo& run) {
  return std::to_string(run.sites) + (run.sites == 1 ? " site, " : " sites, ") +
         std::to_string(run.pages) + (run.pages == 1 ? " page, " : " pages, ") +
         std::to_string(run.links_checked) +
         (run.links_checked == 1 ? " link checked" : " links checked");
}

}  // namespace

void write_findings_table(std::ostream& out, const store::RunInfo& run,
                          std::span<const store::FindingRow> rows, const TableOptions& options) {
  std::vector<std::string> sites;
  std::vector<Row> table;
  table.reserve(rows.size());
  for (const store::FindingRow& fr : rows) {
    const checks::Finding& f = fr.finding;
    auto it = std::find(sites.begin(), sites.end(), f.site);
    if (it == sites.end()) it = sites.insert(sites.end(), f.site);
    const SiteLabel* label = label_of(options.sites, f.site);
    const std::string origin = label ? origin_of(label->home) : "";
    // "open?": carried over unverified (the run could not examine it), see the legend.
    // "reviewed": set aside by a human review (docs/review.md), see the legend.
    const std::string status = fr.set_aside() ? "reviewed"
                               : fr.verified  ? fr.status
                                              : fr.status + "?";
    const bool is_link = f.code.starts_with("LINK-");
    std::string subject = relative_to(f.subject, origin);
    std::string page = relative_to(f.page, origin);
    std::string detail = detail_text(f, options.detail_lang);
    if (is_link) {
      // The link as a reader met it: its file name decoded, its text, and how many more
      // pages carry it (--format csv|json lists them all).
      subject = display_url(subject);
      if (fr.carriers.size() > 1) page += " (+" + std::to_string(fr.carriers.size() - 1) + ")";
      detail = quoted_link_text(fr, options.detail_lang) + detail;
    }
    table.push_back({static_cast<std::size_t>(it - sites.begin()), f.severity,
                     sanitize_for_terminal(f.code), sanitize_for_terminal(status),
                     sanitize_for_terminal(subject), sanitize_for_terminal(page),
                     sanitize_for_terminal(detail)});
  }
  std::stable_sort(table.begin(), table.end(), [](const Row& a, const Row& b) {
    if (a.site_index != b.site_index) return a.site_index < b.site_index;
    if (a.severity != b.severity) return a.severity > b.severity;
    return a.code < b.code;
  });

  // Not truncating: a width no line reaches, so every column keeps its natural width.
  const int width =
      options.truncate ? std::max(options.width, kMinWidth) : std::numeric_limits<int>::max() / 4;
  const Widths w = measure(table, width);
  const std::string_view bold = options.color ? kBold : "";
  const std::string_view reset = options.color ? kReset : "";

  write_line(out, truncate_to_width(run_times(run), width));
  write_line(out, truncate_to_width(run_counts(run), width));
  if (!options.earlier_runs.empty())
    write_line(out, truncate_to_width(earlier_runs_line(options.earlier_runs), width));
  out << '\n';
  if (table.empty()) out << "No findings.\n\n";
  for (std::size_t begin = 0; begin < table.size();) {
    std::size_t end = begin;
    while (end < table.size() && table[end].site_index == table[begin].site_index) ++end;
    int count = static_cast<int>(end - begin);
    const std::string& id = sites[table[begin].site_index];
    const std::string heading = site_heading(id, label_of(options.sites, id), count);
    out << bold << truncate_to_width(heading, width) << reset << '\n';
    write_line(out, format_row(w, "SEVERITY", "", "CODE", "STATUS", "SUBJECT", "PAGE", "DETAIL"));
    for (std::size_t i = begin; i < end; ++i) {
      const Row& r = table[i];
      write_line(out, format_row(w, checks::to_string(r.severity),
                                 options.color ? severity_color(r.severity) : "", r.code, r.status,
                                 r.subject, r.page, r.detail, options.truncate));
    }
    out << '\n';
    begin = end;
  }

  // Findings a human review sets aside count in no total (counted here, not copied).
  SeverityCounts counted;
  std::size_t reviewed = 0;
  for (const store::FindingRow& row : rows) {
    if (row.set_aside()) {
      ++reviewed;
    } else {
      counted.add(row.finding.severity);
    }
  }
  std::string totals = totals_line(counted);
  if (int resolved = count_changes(rows).resolved; resolved > 0) {
    totals += " (" + std::to_string(resolved) + " resolved)";
  }
  out << totals << '\n';
  const auto unverified = std::ranges::count(rows, false, &store::FindingRow::verified);
  if (unverified > 0) {
    out << unverified
        << " not verified in this run (open?): the site was down, the page failed or the walk "
           "was cut short; they stay open as last seen\n";
  }
  if (reviewed > 0) {
    out << reviewed
        << " set aside by human review (reviewed): false alarms or accepted, counted in no "
           "total (sitepatrol review list)\n";
  }
}

}  // namespace sitepatrol::reports
