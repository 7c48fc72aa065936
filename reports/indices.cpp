#include "reports/indices.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "reports/report_terms.h"

namespace sitepatrol::reports {

namespace {

std::set<std::string> subjects(const SiteMonth& site, std::string_view code) {
  std::set<std::string> out;
  for (const store::FindingRow& row : site.current) {
    if (row.finding.code == code) out.insert(row.finding.subject);
  }
  return out;
}

bool has(const SiteMonth& site, std::string_view code) { return !subjects(site, code).empty(); }

// Share of the category's required columns of `group` that are not COLUMN-MISSING, and how
// many were found; 1 when the category requires none.
std::pair<double, int> presence(const SiteMonth& site, ColumnGroup group) {
  const auto required = required_columns(site.site.category, group);
  if (required.empty()) return {1.0, 0};
  const auto missing = subjects(site, "COLUMN-MISSING");
  int found = 0;
  for (std::string_view key : required) found += missing.contains(std::string(key)) ? 0 : 1;
  return {static_cast<double>(found) / required.size(), found};
}

bool channel_ok(const SiteMonth& site, std::string_view kind) {
  const std::string k(kind);
  return !subjects(site, "INTERACT-MISSING").contains(k) &&
         !subjects(site, "INTERACT-BROKEN").contains(k);
}

}  // namespace

double round4(double v) { return std::round(v * 10000.0) / 10000.0; }

double weighted_mean(const std::vector<IndexComponent>& components) {
  double sum = 0;
  double weights = 0;
  for (const IndexComponent& c : components) {
    if (!c.value) continue;
    sum += c.weight * *c.value;
    weights += c.weight;
  }
  return weights > 0 ? sum / weights : 0.0;
}

IndexResult disclosure_index(const SiteMonth& site, const config::DisclosureWeights& w) {
  IndexResult r;
  r.name = "disclosure";
  const auto [present, found] = presence(site, ColumnGroup::disclosure);
  std::optional<double> fresh;
  const auto required = required_columns(site.site.category, ColumnGroup::disclosure);
  const std::set<std::string_view> keys(required.begin(), required.end());
  if (site.columns) {
    int seen = 0;
    int good = 0;
    for (const ColumnStat& c : *site.columns) {
      if (!keys.contains(c.key)) continue;
      ++seen;
      good += (c.stale || c.empty) ? 0 : 1;
    }
    if (seen > 0) fresh = static_cast<double>(good) / seen;
  }
  if (!fresh && found > 0) {
    // No column statistics: every stale or blank column the findings name counts against one
    // of the found disclosure columns.
    const auto bad = subjects(site, "FRESH-COLUMN").size() + subjects(site, "COLUMN-EMPTY").size();
    fresh = static_cast<double>(found - std::min<std::size_t>(bad, found)) / found;
  }
  r.components = {{"presence", w.presence, present}, {"freshness", w.freshness, fresh}};
  r.value = weighted_mean(r.components);
  return r;
}

IndexResult service_index(const SiteMonth& site, const config::ServiceWeights& w) {
  IndexResult r;
  r.name = "service";
  std::optional<double> forms;
  if (site.attachments > 0) {
    forms = static_cast<double>(site.attachments - site.attachments_failed) / site.attachments;
  }
  std::optional<double> available;
  if (site.probes && site.probes->probes > 0) {
    available = 1.0 - static_cast<double>(site.probes->failed) / site.probes->probes;
  } else if (site.runs > 0) {
    available = 1.0 - static_cast<double>(site.runs_down) / site.runs;
  }
  r.components = {{"columns", w.columns, presence(site, ColumnGroup::service).first},
                  {"forms", w.forms, forms},
                  {"availability", w.availability, available}};
  r.value = weighted_mean(r.components);
  return r;
}

IndexResult interaction_index(const SiteMonth& site, const config::InteractionWeights& w) {
  IndexResult r;
  r.name = "interaction";
  int ok = 0;
  for (std::string_view kind : interaction_channels()) ok += channel_ok(site, kind) ? 1 : 0;
  const double channels = static_cast<double>(ok) / interaction_channels().size();

  std::optional<double> replies;
  std::optional<double> interviews;
  std::optional<double> solicitations;
  if (site.interaction) {
    const InteractionStats& s = *site.interaction;
    if (s.messages > 0) {
      const double rate = static_cast<double>(s.answered) / s.messages;
      const double days = s.mean_reply_days.value_or(0);
      replies = rate * std::clamp((90.0 - days) / 90.0, 0.0, 1.0);
    }
    interviews = std::min(
        1.0, static_cast<double>(s.interviews_this_year) / required_interviews(site.site.category));
    if (s.solicitations > 0) {
      solicitations = static_cast<double>(s.solicitations_with_feedback) / s.solicitations;
    }
  } else {
    replies = (has(site, "INTERACT-UNANSWERED") || !channel_ok(site, "message_board")) ? 0.0 : 1.0;
    interviews = (has(site, "INTERACT-TOO-FEW") || !channel_ok(site, "interview")) ? 0.0 : 1.0;
    solicitations = channel_ok(site, "solicitation") ? 1.0 : 0.0;
  }
  r.components = {{"channels", w.channels, channels},
                  {"replies", w.replies, replies},
                  {"interviews", w.interviews, interviews},
                  {"solicitations", w.solicitations, solicitations}};
  r.value = weighted_mean(r.components);
  return r;
}

void apply_target(IndexResult& index, const config::IndexTarget& target,
                  std::optional<double> baseline, std::string baseline_source) {
  index.average_2011 = target.average_2011;
  index.growth = target.growth;
  index.target.reset();
  index.meets.reset();
  index.baseline = baseline;
  index.baseline_source = baseline ? std::move(baseline_source) : std::string();
  if (baseline) {
    if (target.average_2011 && *baseline < *target.average_2011) {
      index.target = target.average_2011;
    } else {
      index.target = std::min(1.0, *baseline * (1.0 + target.growth));
    }
  } else {
    index.target = target.average_2011;
  }
  // Compared as shown (4 decimals), so a report never says 0.5600 misses 0.5600.
  if (index.target) index.meets = round4(index.value) >= round4(*index.target);
}

SiteIndices compute_indices(const SiteMonth& site, const config::IndicesConfig& weights,
                            const SiteMonth* year_ago) {
  SiteIndices out{disclosure_index(site, weights.disclosure), service_index(site, weights.service),
                  interaction_index(site, weights.interaction)};
  const auto targets = config::category_targets(site.site.category);
  if (!targets) return out;
  // The same month a year earlier, computed with this year's weights.
  std::optional<SiteIndices> before;
  if (year_ago) {
    before = SiteIndices{disclosure_index(*year_ago, weights.disclosure),
                         service_index(*year_ago, weights.service),
                         interaction_index(*year_ago, weights.interaction)};
  }
  auto apply = [&](IndexResult& index, const config::IndexTarget& target,
                   std::optional<double> configured, const IndexResult* earlier) {
    if (configured) {
      apply_target(index, target, configured, "config");
    } else if (earlier) {
      apply_target(index, target, earlier->value, "year_ago");
    } else {
      apply_target(index, target, std::nullopt, "");
    }
  };
  const config::IndexBaseline& b = site.site.baseline;
  apply(out.disclosure, targets->disclosure, b.disclosure, before ? &before->disclosure : nullptr);
  apply(out.service, targets->service, b.service, before ? &before->service : nullptr);
  apply(out.interaction, targets->interaction, b.interaction,
        before ? &before->interaction : nullptr);
  return out;
}

}  // namespace sitepatrol::reports
