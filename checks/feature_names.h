// Telling interactive features apart (issue 4): which feature a link's text names, which form
// is a search box and which one takes a message, which link turns a list's page.
//
// The names come from config/features.toml (plus a user's names_file); the form and
// pagination tests are fixed heuristics over what government CMSs (TRS, Hanweb, 开普云) put
// in their markup. Pure functions; the crawler uses them to decide what to fetch and probe,
// the checks to judge what was fetched.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/inputs.h"
#include "checks/multi_matcher.h"
#include "config/config.h"

namespace sitepatrol::checks {

// The kind ("message_board", ..., or "mailbox_stats") whose names `text` contains and whose
// ignore words it does not; the more specific kinds win (mailbox_stats before mailbox,
// message_board last: 留言 is in many names). nullopt when none, and for texts over 60 bytes
// (20 Chinese characters): those are article titles that mention a feature.
std::optional<std::string> feature_kind_of(const config::FeaturesConfig& features,
                                           std::string_view text);

// feature_kind_of with the names read once into two automata (multi_matcher.h), one for the
// names and one for the words that rule a name out: the crawler asks it of every link of
// every page (issue 15: 11 % of the I/O thread's time when the names were looked up and
// folded per link, 1.8 % of a cold patrol's CPU when each name was searched for in turn).
class FeatureNamer {
 public:
  explicit FeatureNamer(const config::FeaturesConfig& features);
  std::optional<std::string> kind_of(std::string_view text) const;

 private:
  std::vector<std::string> kinds_;      // most specific first
  std::vector<std::size_t> name_kind_;  // names_' pattern i names kinds_[name_kind_[i]]
  std::vector<std::size_t> ignore_kind_;
  MultiMatcher names_;
  MultiMatcher ignores_;
};

// A search box: its attributes, field names, placeholder or button say search (search, query,
// keyword, 搜索, 检索, ...), and it has a text field for the query.
bool is_search_form(const FormInfo& form);

// The field a search form's query goes into: the first text/search input whose name says
// query, else the first text/search input; "" when there is none.
std::string search_field(const FormInfo& form);

// A form that takes a message: a textarea, or at least two text fields besides a search box.
bool is_message_form(const FormInfo& form);

// A link that turns a list's page: 下一页, 下页, 尾页, 末页, 上一页, a page number, », >, next.
bool is_pagination_text(std::string_view text);

// The config's features, or the built-in defaults when the context carries none.
const config::FeaturesConfig& features_of(const SiteContext& ctx);

}  // namespace sitepatrol::checks
