#include "alerts/alert.h"

#include <ctime>
#include <nlohmann/json.hpp>

namespace sitepatrol::alerts {

namespace {

using Json = nlohmann::ordered_json;

Json carriers_json(const std::vector<store::LinkCarrier>& carriers) {
  Json out = Json::array();
  for (const auto& c : carriers) out.push_back(Json{{"page", c.page}, {"text", c.text}});
  return out;
}

// A finding as docs/findings.md prints it, with the pages carrying a link.
Json finding_json(const store::FindingRow& row) {
  const checks::Finding& f = row.finding;
  return Json{{"site", f.site},         {"code", f.code},
              {"severity", std::string(checks::to_string(f.severity))},
              {"subject", f.subject},   {"page", f.page},
              {"detail", f.detail},     {"status", row.status},
              {"first_seen", row.first_seen}, {"last_seen", row.last_seen},
              {"carriers", carriers_json(row.carriers)}};
}

std::chrono::system_clock::time_point parse_utc(const std::string& text) {
  std::tm tm{};
  if (!strptime(text.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm)) return {};
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

}  // namespace

std::string utc_time(std::chrono::system_clock::time_point t) {
  const std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::int64_t unix_ms(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

std::chrono::system_clock::time_point from_unix_ms(std::int64_t ms) {
  return std::chrono::system_clock::time_point(std::chrono::milliseconds(ms));
}

std::string to_json(const Alert& alert) {
  Json findings = Json::array();
  for (const auto& row : alert.findings) findings.push_back(finding_json(row));
  Json doc{{"event", alert.event},     {"site", alert.site},
           {"name", alert.name},       {"url", alert.url},
           {"time", utc_time(alert.time)}, {"findings", std::move(findings)},
           {"text", alert.text},       {"title", alert.title},
           {"since", alert.since ? Json(utc_time(*alert.since)) : Json(nullptr)},
           {"outage_s", alert.outage ? Json(alert.outage->count()) : Json(nullptr)},
           {"probe", alert.down_after > 0 ? Json{{"status", alert.probe_status},
                                                 {"error", alert.probe_error},
                                                 {"elapsed_ms", alert.probe_ms},
                                                 {"down_after", alert.down_after}}
                                          : Json(nullptr)}};
  return doc.dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

std::expected<Alert, std::string> alert_from_json(std::string_view json) {
  try {
    const auto doc = Json::parse(json);
    Alert a;
    a.event = doc.at("event").get<std::string>();
    a.site = doc.at("site").get<std::string>();
    a.name = doc.at("name").get<std::string>();
    a.url = doc.at("url").get<std::string>();
    a.time = parse_utc(doc.at("time").get<std::string>());
    a.text = doc.at("text").get<std::string>();
    a.title = doc.value("title", std::string());
    if (doc.contains("since") && doc["since"].is_string())
      a.since = parse_utc(doc["since"].get<std::string>());
    if (doc.contains("outage_s") && doc["outage_s"].is_number_integer())
      a.outage = std::chrono::seconds(doc["outage_s"].get<std::int64_t>());
    if (doc.contains("probe") && doc["probe"].is_object()) {
      const auto& p = doc["probe"];
      a.probe_status = p.value("status", 0);
      a.probe_error = p.value("error", std::string());
      a.probe_ms = p.value("elapsed_ms", 0L);
      a.down_after = p.value("down_after", 0);
    }
    for (const auto& item : doc.at("findings")) {
      store::FindingRow row;
      row.finding.site = item.at("site").get<std::string>();
      row.finding.code = item.at("code").get<std::string>();
      row.finding.severity =
          checks::parse_severity(item.at("severity").get<std::string>()).value_or(
              checks::Severity::error);
      row.finding.subject = item.at("subject").get<std::string>();
      row.finding.page = item.at("page").get<std::string>();
      row.finding.detail = item.at("detail").get<std::string>();
      row.status = item.at("status").get<std::string>();
      row.first_seen = item.at("first_seen").get<std::string>();
      row.last_seen = item.at("last_seen").get<std::string>();
      for (const auto& c : item.value("carriers", Json::array()))
        row.carriers.push_back({c.value("page", std::string()), c.value("text", std::string())});
      a.findings.push_back(std::move(row));
    }
    return a;
  } catch (const std::exception& e) {
    return std::unexpected(std::string("stored alert is not readable: ") + e.what());
  }
}

}  // namespace sitepatrol::alerts
