#include "checks/darklink.h"

#include <map>
#include <set>

#include "checks/darklink_evidence.h"
#include "checks/emit.h"
#include "checks/host.h"
#include "checks/spam.h"

namespace sitepatrol::checks {
namespace {

bool followable(const LinkRef& link) {
  return link.hidden && (link.kind == "a" || link.kind == "area") &&
         (link.url.starts_with("http://") || link.url.starts_with("https://"));
}

// The site's own links, approved hosts and government infrastructure: nothing to report.
bool harmless(const SiteContext& ctx, const LinkRef& link, std::string_view host) {
  return host.empty() || host_approved(ctx, host) || infrastructure_host(ctx, host) ||
         infrastructure_link(link.url, host);
}

// "澳门赌场, bet365": the spam terms in the link's text, title and decoded URL, strongest
// first.
std::string spam_terms_of(const SpamMatcher& matcher, const LinkRef& link) {
  const std::string url = percent_decoded(link.url);
  const SpamField fields[] = {{link.text, 1}, {link.title, 1}, {url, 1}};
  const SpamScore score = matcher.score(fields);
  std::string terms;
  for (std::size_t i = 0; i < score.terms.size() && i < 3; ++i) {
    if (!terms.empty()) terms += ", ";
    terms += matcher.term(score.terms[i].term).term;
  }
  if (score.terms.size() > 3) terms += ", …";
  return terms;
}

}  // namespace

void check_darklinks(const SiteContext& ctx, const PageResult& page, Findings& out) {
  // A hidden block that also holds the site's own or approved links is a menu, tab pane or
  // footer of the template; only blocks holding nothing but foreign links make a link farm.
  std::set<std::string_view> template_blocks;
  std::vector<const LinkRef*> foreign;
  for (const LinkRef& link : page.links) {
    if (!followable(link)) continue;
    if (harmless(ctx, link, host_of(link.url))) {
      template_blocks.insert(link.hidden_by);
    } else {
      foreign.push_back(&link);
    }
  }
  if (foreign.empty()) return;

  std::map<std::string, int> farm;  // registrable domain -> hidden links to it
  for (const LinkRef* link : foreign) {
    if (!template_blocks.contains(link->hidden_by)) ++farm[registrable_domain(host_of(link->url))];
  }
  std::size_t farm_links = 0;
  for (const auto& [domain, n] : farm) farm_links += static_cast<std::size_t>(n);
  const bool is_farm = farm.size() >= kLinkFarmHosts;

  const auto matcher = spam_matcher_for(ctx);
  for (const LinkRef* link : foreign) {
    const std::string_view host = host_of(link->url);
    std::string evidence;
    Detail detail{"", "sec.darklink", {{"hidden_by", link->hidden_by}, {"text", link->text}}};
    const auto add = [&](const std::string& e, std::string_view key, const std::string& value) {
      if (e.empty()) return;
      evidence += "; " + e;
      detail.args.push_back({std::string(key), value});
    };
    if (std::string terms = spam_terms_of(*matcher, *link); !terms.empty()) {
      add("spam terms " + terms, "spam_terms", terms);
    }
    // suspicious_host says "TLD .bet" or "host name says bocai": the value after the words.
    const std::string host_evidence = suspicious_host(host);
    add(host_evidence, host_evidence.starts_with("TLD") ? "tld" : "host_word",
        host_evidence.substr(host_evidence.rfind(' ') + 1));
    const bool in_template = template_blocks.contains(link->hidden_by);
    if (is_farm && !in_template) {
      add("one of " + std::to_string(farm_links) + " hidden links to " +
              std::to_string(farm.size()) + " unrelated hosts",
          "farm_links", std::to_string(farm_links));
      detail.args.push_back({"farm_hosts", std::to_string(farm.size())});
    }

    detail.text = "hidden by " + (link->hidden_by.empty() ? "style" : link->hidden_by);
    if (!link->text.empty()) detail.text += "; text " + link->text;
    // Without evidence, a link in a block of the template (one holding the site's own or
    // approved links: a 友情链接 drop-down, a tab pane) is navigation; elsewhere it is left
    // for review.
    if (evidence.empty() && in_template) continue;
    const Severity severity = evidence.empty() ? Severity::warning : Severity::critical;
    detail.text +=
        evidence.empty() ? "; no spam term, suspicious host or link farm: review" : evidence;
    if (evidence.empty()) detail.code = "sec.darklink_review";
    emit(ctx, out, "SEC-DARKLINK", severity, link->url, page.url, std::move(detail));
  }
}

}  // namespace sitepatrol::checks
