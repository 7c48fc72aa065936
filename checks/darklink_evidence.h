// What makes a hidden link a dark link (SEC-DARKLINK, checks/darklink.h): the evidence, one
// pure function per kind, taken from what dark links really are — SEO link blocks for
// gambling (博彩, 六合彩, 时时彩, 棋牌), pornography, lotteries, games, loans and 代开发票,
// injected into compromised government pages, usually many at once.
//
//  - spam terms: the built-in (or configured) SEC-SPAM term list, matched in the link's text
//    and in its URL (percent-decoded, so /博彩/ in a path counts);
//  - a suspicious host name (suspicious_host below);
//  - a link farm: many hidden links on one page to distinct unrelated registrable domains.
//
// And what makes one harmless: government infrastructure (infrastructure_link below) and the
// approved hosts (checks/host.h). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace sitepatrol::checks {

// "www.bet365.example" -> "bet365.example"; "a.b.com.cn" -> "b.com.cn" (second-level labels
// com/net/org/gov/edu/ac under a two-letter country code); IP addresses unchanged. Lower case.
std::string registrable_domain(std::string_view host);

// Why a host name looks like a spam host, "" when it does not. Conservative on purpose: only
// names that no legitimate partner of a government site carries.
//  - a TLD made for gambling or adult content: .bet .casino .poker .porn .sex .sexy .xxx .adult;
//  - a run of letters that is a spam word: bet (bet365-am, tyc-bet), bocai, dubo, duchang,
//    caipiao, qipai, pujing, casino, poker, baccarat, porn, sex, xxx;
//  - a longer spam stem anywhere in a label: bocai, caipiao, duchang, xinpujing, weinisiren,
//    yulecheng, baijiale, liuhecai, shishicai, casino, baccarat.
// Digits alone are no evidence: 12306.cn, 12315.cn, 95598.cn and 10086.cn are the railway,
// consumer-complaint, power-grid and telecom services portals link to.
// Returns e.g. "host name says bocai", "TLD .bet".
std::string suspicious_host(std::string_view host);

// True for government infrastructure a portal may link to invisibly: any gov.cn host, and the
// 找错 service linked by IP address (http://121.43.68.40/exposure/jiucuo.html?site_code=...:
// an IPv4 host with a path under /exposure/ naming jiucuo).
bool infrastructure_link(std::string_view url, std::string_view host);

// `url` with %XX escapes decoded (invalid escapes kept as written).
std::string percent_decoded(std::string_view url);

}  // namespace sitepatrol::checks
