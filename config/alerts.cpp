// [[alert]]: channel values and reading them (config/alerts.h).
#include "config/alerts.h"

#include <algorithm>
#include <cstdlib>

#include "config/schedule_section.h"

namespace sitepatrol::config {

const std::vector<std::string>& alert_events() {
  static const std::vector<std::string> events = {"site_down", "site_up", "critical",
                                                  "homepage_links", "dead_links"};
  return events;
}

bool AlertChannel::wants(const std::string& event, const std::string& site) const {
  if (event == "test") return true;
  if (std::ranges::find(events, event) == events.end()) return false;
  return sites.empty() || site.empty() || std::ranges::find(sites, site) != sites.end();
}

namespace detail {

namespace {

const std::vector<std::string> kKinds = {"webhook", "dingtalk", "wecom", "email"};

std::string check_event(std::string& event) {
  const auto& events = alert_events();
  if (std::ranges::find(events, event) != events.end()) return "";
  return "'" + event + "' is not an alert event (" + join(events) + ")" +
         did_you_mean(event, events);
}

// `key` or `key_env` (the name of an environment variable holding the value); not both.
// Returns true when a value was found.
bool read_secret(TableReader& r, const std::string& key, std::string& out) {
  const std::string env_key = key + "_env";
  const bool has_value = r.read(key, out);
  std::string variable;
  if (!r.read(env_key, variable)) return has_value;
  const toml::node* at = r.node(env_key);
  if (has_value) {
    r.problems().add(at->source(), r.path_of(env_key),
                     "give " + key + " or " + env_key + ", not both");
    return true;
  }
  if (const char* value = std::getenv(variable.c_str()); value && *value) {
    out = value;
    return true;
  }
  r.problems().add(at->source(), r.path_of(env_key),
                   "environment variable '" + variable + "' is not set");
  return true;  // reported already
}

// lang, base_url, at_mobiles, at_all: how the channel's messages read.
void read_message_keys(TableReader& r, AlertChannel& out) {
  if (r.read("lang", out.lang) && out.lang != "zh" && out.lang != "en") {
    r.problems().add(r.node("lang")->source(), r.path_of("lang"),
                     "'" + out.lang + "' is not zh or en");
  }
  if (r.read("base_url", out.base_url) && !out.base_url.starts_with("http://") &&
      !out.base_url.starts_with("https://")) {
    r.problems().add(r.node("base_url")->source(), r.path_of("base_url"),
                     "'" + out.base_url + "' is not an http(s) URL");
  }
  r.read("at_mobiles", out.at_mobiles);
  r.read("at_all", out.at_all);
  const bool mentions = r.node("at_mobiles") || r.node("at_all");
  if (mentions && out.kind != "dingtalk" && out.kind != "wecom" && !out.kind.empty()) {
    const char* key = r.node("at_mobiles") ? "at_mobiles" : "at_all";
    r.problems().add(r.node(key)->source(), r.path_of(key),
                     "mentions are for kind dingtalk and wecom, not " + out.kind);
  }
  for (const auto& mobile : out.at_mobiles) {
    const bool digits = std::ranges::all_of(mobile, [](char c) { return c >= '0' && c <= '9'; });
    if (mobile.empty() || !digits) {
      r.problems().add(r.node("at_mobiles")->source(), r.path_of("at_mobiles"),
                       "'" + mobile + "' is not a mobile number (digits only)");
    }
  }
}

}  // namespace

void read_alert(TableReader& r, AlertChannel& out, std::size_t index,
                const std::vector<SiteConfig>& sites) {
  if (!r.read("kind", out.kind)) {
    if (!r.node("kind")) r.problems().add(r.where(), r.path_of("kind"), "missing key");
  } else if (std::ranges::find(kKinds, out.kind) == kKinds.end()) {
    r.problems().add(r.node("kind")->source(), r.path_of("kind"),
                     "'" + out.kind + "' is not one of " + join(kKinds) +
                         did_you_mean(out.kind, kKinds));
  }
  if (!r.read("name", out.name) || out.name.empty())
    out.name = out.kind + "-" + std::to_string(index + 1);

  if (!r.read("events", out.events, check_event) || out.events.empty())
    out.events = alert_events();
  std::vector<std::string> site_ids;
  if (r.read("sites", site_ids)) {
    for (const auto& id : site_ids) {
      if (std::ranges::none_of(sites, [&](const SiteConfig& s) { return s.id == id; })) {
        r.problems().add(r.node("sites")->source(), r.path_of("sites"),
                         "'" + id + "' is not the id of a [[site]]");
      }
    }
    out.sites = std::move(site_ids);
  }
  std::string quiet;
  if (r.read("quiet_hours", quiet)) {
    out.quiet_hours = parse_quiet_hours(quiet);
    if (!out.quiet_hours) {
      r.problems().add(r.node("quiet_hours")->source(), r.path_of("quiet_hours"),
                       "'" + quiet + "' is not HH:MM-HH:MM (e.g. \"22:00-07:00\")");
    }
  }
  r.read("max_attempts", out.max_attempts, 1, 100);
  std::string retry;
  if (r.read("retry_after", retry)) {
    if (auto d = parse_duration(retry)) {
      out.retry_after = *d;
    } else {
      r.problems().add(r.node("retry_after")->source(), r.path_of("retry_after"),
                       "'" + retry + "' is not a duration such as \"30s\"");
    }
  }
  r.read("timeout_s", out.timeout_s, 1, 300);
  read_message_keys(r, out);

  if (out.kind == "email") {
    if (!r.read("smtp_url", out.smtp_url)) {
      if (!r.node("smtp_url")) r.problems().add(r.where(), r.path_of("smtp_url"), "missing key");
    } else if (!out.smtp_url.starts_with("smtp://") && !out.smtp_url.starts_with("smtps://")) {
      r.problems().add(r.node("smtp_url")->source(), r.path_of("smtp_url"),
                       "'" + out.smtp_url + "' is not an smtp:// or smtps:// URL");
    }
    if (!r.read("from", out.from) && !r.node("from"))
      r.problems().add(r.where(), r.path_of("from"), "missing key");
    if (!r.read("to", out.to) && !r.node("to")) {
      r.problems().add(r.where(), r.path_of("to"), "missing key");
    } else if (out.to.empty() && r.node("to")) {
      r.problems().add(r.node("to")->source(), r.path_of("to"), "needs at least one address");
    }
    r.read("username", out.username);
    read_secret(r, "password", out.password);
    r.read("starttls", out.starttls);
  } else if (!out.kind.empty()) {
    if (!read_secret(r, "url", out.url)) {
      r.problems().add(r.where(), r.path_of("url"), "missing key (or url_env)");
    } else if (!out.url.empty() && !out.url.starts_with("http://") &&
               !out.url.starts_with("https://")) {
      r.problems().add(r.node("url") ? r.node("url")->source() : r.node("url_env")->source(),
                       r.path_of("url"), "not an http(s) URL");
    }
    if (out.kind == "dingtalk") read_secret(r, "secret", out.secret);
  }
  r.reject_unknown_keys();
}

void check_alert_names(const toml::table& root, const std::vector<AlertChannel>& alerts,
                       Problems& problems) {
  const auto* array = root.get_as<toml::array>("alert");
  for (std::size_t i = 0; i < alerts.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (alerts[i].name != alerts[j].name) continue;
      const auto* table = array->get(i)->as_table();
      const toml::node* at = table->get("name") ? table->get("name") : table;
      problems.add(at->source(), "alert[" + std::to_string(i + 1) + "].name",
                   "duplicate alert name '" + alerts[i].name + "'");
      break;
    }
  }
}

}  // namespace detail
}  // namespace sitepatrol::config
