#include "checks/tamper.h"

#include "checks/emit.h"

namespace sitepatrol::checks {

bool is_tampered(const SketchDiff& diff, double threshold) {
  return diff.structure_changed >= threshold || diff.new_block > 0 || !diff.new_scripts.empty() ||
         !diff.new_iframes.empty();
}

void check_tamper(const SiteContext& ctx, const PageResult& page, Findings& out) {
  if (!page.sketch || page.sketch->elements == 0 || ctx.baselines == nullptr) return;
  const auto baseline = ctx.baselines->find(page.url);
  // A sketch without elements means nothing was parsed: there is no template to compare.
  if (baseline == ctx.baselines->end() || baseline->second.elements == 0) return;
  const SketchDiff diff = compare(baseline->second, *page.sketch);
  const double threshold =
      ctx.security != nullptr ? ctx.security->tamper_threshold : kDefaultTamperThreshold;
  if (!is_tampered(diff, threshold)) return;
  emit(ctx, out, "SEC-TAMPER", Severity::critical, page.url, page.url,
       Detail{diff.summary, "sec.tamper", diff.args});
}

}  // namespace sitepatrol::checks
