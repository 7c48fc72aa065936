#include "checks/columns.h"

#include <algorithm>
#include <functional>
#include <map>
#include <string_view>
#include <utility>

#include "checks/column_names.h"
#include "checks/host.h"

namespace sitepatrol::checks {
namespace {

using namespace std::chrono;

constexpr int kMaxColumnDepth = 2;
constexpr std::size_t kMaxNavText = 60;  // bytes; about twenty Chinese characters
constexpr int kMinDatedEntries = 3;

bool is_article(const PageFacts& f) {
  return (f.meta & (kArticleTitle | kPubDate)) != 0 || f.published.has_value();
}

class Finder {
 public:
  Finder(const SiteContext& ctx, const PageSummaries& pages) : ctx_(ctx), pages_(pages) {
    by_identity_.reserve(pages.size());
    for (std::size_t i = 0; i < pages.size(); ++i) {
      const std::string id = column_identity(pages[i].url);
      by_identity_.emplace_back(std::hash<std::string>{}(id), i);
      if (pages[i].is_homepage) home_ = id;
    }
    std::ranges::sort(by_identity_);
  }

  std::vector<Column> run() {
    from_configuration();
    from_navigation();
    from_pages();
    for (Column& c : columns_) fill(c);
    return std::move(columns_);
  }

 private:
  const std::vector<config::ColumnKind>& kinds() const {
    static const std::vector<config::ColumnKind> none;
    return ctx_.config ? ctx_.config->column_kinds : none;
  }

  std::optional<int> limit(const Column& c, std::optional<int> own) const {
    if (own) return own;
    if (!ctx_.config) return std::nullopt;
    return config::max_age_days(*ctx_.config, c.column_class);
  }

  // Adds a column unless one with the same identity exists; returns it either way.
  Column* add(const std::string& url, Column column) {
    const std::string id = column_identity(url);
    if (id == home_) return nullptr;
    if (auto it = index_.find(id); it != index_.end()) return &columns_[it->second];
    column.url = column_first_page(url);
    index_.emplace(id, columns_.size());
    columns_.push_back(std::move(column));
    return &columns_.back();
  }

  void from_configuration() {
    if (!ctx_.site) return;
    for (const config::ColumnConfig& cc : ctx_.site->columns) {
      Column c;
      c.name = cc.name;
      c.key = cc.key;
      if (c.key.empty()) {
        if (const auto* kind = column_kind_for(kinds(), cc.name)) c.key = kind->key;
      }
      c.column_class = cc.column_class;
      c.max_age_days = limit(c, cc.max_age_days);
      c.configured = true;
      add(cc.url, std::move(c));
    }
  }

  void add_named(const std::string& url, const std::string& name, const config::ColumnKind& kind) {
    Column c;
    c.name = name;
    c.key = kind.key;
    c.column_class = kind.column_class;
    c.max_age_days = limit(c, std::nullopt);
    add(url, std::move(c));
  }

  void from_navigation() {
    // A site's menu is on every page: each (link, text) is named once, not once per page (at
    // the end of a 2,000-site patrol, naming them again and again was the I/O thread's top cost).
    std::map<const NavLink*, const config::ColumnKind*> named;
    for (const PageSummary& p : pages_) {
      if (!p.ok || p.depth > 1) continue;
      for (const NavLink* link : p.nav_links) {
        const auto& [url, text] = *link;
        auto [known, fresh] = named.try_emplace(link, nullptr);
        if (fresh) known->second = column_kind_for_link(kinds(), text, url);
        const auto* kind = known->second;
        if (!kind) continue;
        // The page's own ColumnName, when it has one, is the better name.
        const PageSummary* target = first_page(url);
        const std::string name =
            target && !target->facts.column_name.empty() ? target->facts.column_name : text;
        add_named(url, name, *kind);
      }
    }
  }

  void from_pages() {
    for (const PageSummary& p : pages_) {
      if (!p.ok || p.is_homepage || p.depth > kMaxColumnDepth || is_article(p.facts)) continue;
      if (column_first_page(p.url) != p.url) continue;  // a further page of a list
      const std::string& meta_name = p.facts.column_name;
      if (const auto* kind = meta_name.empty() ? nullptr : column_kind_for(kinds(), meta_name)) {
        add_named(p.url, meta_name, *kind);
        continue;
      }
      const auto dated =
          std::ranges::count_if(p.facts.entries, [](const Entry& e) { return e.date.has_value(); });
      if (dated < kMinDatedEntries) continue;
      const std::string name = !meta_name.empty() ? meta_name : p.title;
      const auto* kind = column_kind_for(kinds(), name);
      if (!kind && !looks_like_department(tidy_column_name(name))) {
        kind = column_kind_for_path(kinds(), p.url);  // a dated list in a /tzgg/-like folder
      }
      if (kind) {
        add_named(p.url, name, *kind);
        continue;
      }
      Column c;
      c.name = name;
      c.column_class = "other";
      c.max_age_days = limit(c, std::nullopt);
      add(p.url, std::move(c));
    }
  }

  // The pages of a column identity, in the order they were read.
  std::vector<std::size_t> pages_of(const std::string& id) const {
    const std::size_t hash = std::hash<std::string>{}(id);
    auto it = std::lower_bound(by_identity_.begin(), by_identity_.end(),
                               std::pair<std::size_t, std::size_t>{hash, 0});
    std::vector<std::size_t> out;
    for (; it != by_identity_.end() && it->first == hash; ++it) {
      const std::size_t i = it->second;
      if (column_identity(pages_[i].url) == id) out.push_back(i);  // not only the same hash
    }
    return out;
  }

  const PageSummary* first_page(const std::string& url) const {
    for (std::size_t i : pages_of(column_identity(url))) {
      if (pages_[i].ok && column_first_page(pages_[i].url) == pages_[i].url) return &pages_[i];
    }
    return nullptr;
  }

  // The column's entries and facts from its pages: the first page, then its pagination.
  void fill(Column& c) {
    std::vector<std::size_t> order = pages_of(column_identity(c.url));
    std::ranges::stable_sort(order, [&](std::size_t a, std::size_t b) {
      return (column_first_page(pages_[a].url) == pages_[a].url) >
             (column_first_page(pages_[b].url) == pages_[b].url);
    });
    for (std::size_t i : order) {
      const PageSummary& p = pages_[i];
      if (!p.ok) continue;
      const bool first = !c.fetched;
      c.fetched = true;
      for (const Entry& e : p.facts.entries) c.entries.push_back(e);
      c.undated_entries += p.facts.undated_entries;
      if (first) {
        c.placeholder = p.facts.placeholder;
        c.content_date = p.facts.published ? p.facts.published : p.facts.newest_in_text;
        c.text_length = p.facts.text_length;
      }
    }
  }

  const SiteContext& ctx_;
  const PageSummaries& pages_;
  std::string home_;
  // (hash of the page's column identity, page index), sorted: 16 bytes a page, where a map of
  // the identities held about 150 (5 MB at the end of a 20,000-page site).
  std::vector<std::pair<std::size_t, std::size_t>> by_identity_;
  std::map<std::string, std::size_t> index_;
  std::vector<Column> columns_;
};

}  // namespace

PageSummary summarize_page(const SiteContext& ctx, const PageResult& page, PageFacts facts,
                           NavLinkTable& nav) {
  PageSummary s;
  s.url = page.url;
  s.depth = page.depth;
  s.is_homepage = page.is_homepage;
  s.ok = (page.status >= 200 && page.status < 300) || page.not_modified;
  s.title = page.title;
  s.facts = std::move(facts);
  if (page.depth > 1) return s;
  for (const LinkRef& link : page.links) {
    // Hidden links count: second-level menus are hidden until hovered over, and a hidden
    // link of the site's own hosts is navigation, not an injected one (those are foreign).
    if (link.kind != "a" || link.text.empty() || link.text.size() > kMaxNavText) continue;
    if (!ctx.own_hosts.contains(std::string(host_of(link.url)))) continue;
    s.nav_links.push_back(nav.add(link.url, link.text));
  }
  return s;
}

std::vector<Column> find_columns(const SiteContext& ctx, const PageSummaries& pages) {
  return Finder(ctx, pages).run();
}

std::optional<Date> newest_date(const Column& column, Date today) {
  std::optional<Date> newest = newest_entry(column.entries, today);
  if (!newest && column.entries.empty() && column.content_date &&
      sys_days(*column.content_date) <= sys_days(today)) {
    newest = column.content_date;
  }
  return newest;
}

}  // namespace sitepatrol::checks
