#include "checks/meta_tags.h"

#include <map>
#include <set>
#include <string>

#include "checks/column_names.h"
#include "checks/emit.h"

namespace sitepatrol::checks {
namespace {

struct Tally {
  int pages = 0;
  int missing = 0;
  std::string first_page;
};

void count(Tally& t, const PageSummary& p, MetaTag tag) {
  ++t.pages;
  if (p.facts.meta & tag) return;
  if (t.missing++ == 0) t.first_page = p.url;
}

}  // namespace

void check_meta_tags(const SiteContext& ctx, const SiteResult& result, Findings& out) {
  std::set<std::string> column_ids;
  std::set<std::string> article_urls;
  for (const Column& c : result.columns) {
    column_ids.insert(column_identity(c.url));
    for (const Entry& e : c.entries) article_urls.insert(e.url);
  }
  std::map<MetaTag, Tally> tallies;
  const char* kinds[] = {"homepage", "column", "article"};
  std::map<MetaTag, const char*> kind_of;
  for (const PageSummary& p : result.summaries) {
    if (!p.ok || p.facts.text_length == 0) continue;
    if (p.is_homepage) {
      for (MetaTag t : {kSiteName, kSiteDomain, kSiteIdCode}) {
        count(tallies[t], p, t);
        kind_of[t] = kinds[0];
      }
    } else if (column_ids.contains(column_identity(p.url))) {
      for (MetaTag t : {kColumnName, kColumnType}) {
        count(tallies[t], p, t);
        kind_of[t] = kinds[1];
      }
    } else if (article_urls.contains(p.url)) {
      for (MetaTag t : {kArticleTitle, kPubDate, kContentSource}) {
        count(tallies[t], p, t);
        kind_of[t] = kinds[2];
      }
    }
  }
  for (MetaTag tag : kAllMetaTags) {
    auto it = tallies.find(tag);
    if (it == tallies.end() || it->second.missing == 0) continue;
    const Tally& t = it->second;
    emit(ctx, out, "META-MISSING", Severity::info, std::string(meta_tag_name(tag)), t.first_page,
         Detail{"missing on " + std::to_string(t.missing) + " of " + std::to_string(t.pages) + " " +
                    kind_of[tag] + (t.pages == 1 ? " page" : " pages"),
                "meta.missing",
                {{"missing", std::to_string(t.missing)},
                 {"pages", std::to_string(t.pages)},
                 {"page_kind", kind_of[tag]}}});
  }
}

}  // namespace sitepatrol::checks
