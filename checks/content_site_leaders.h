// The site's own leaders ([[site.leader]]) in its pages (issue 13): a name one character off
// beside that leader's title (名字职务错误), and a leader whose term ended still listed on
// the site's leaders' page (已离任领导仍在任). Pure.
#pragma once

#include <chrono>
#include <span>
#include <vector>

#include "checks/content_matcher.h"
#include "config/content.h"

namespace sitepatrol::checks {

// Slips in the leaders' names beside their titles (kind misstatement).
std::vector<ContentHit> site_leader_slips(const ContentText& text,
                                          std::span<const config::Leader> leaders);

// A page that lists the site's leaders: its title or URL says so (领导信息, 领导之窗, 领导
// 简介, 领导班子, 领导分工, 现任领导, 单位领导, /ldxx/, /ldzc/ …).
bool is_leaders_page(std::string_view title, std::string_view url);

// Leaders whose term ended before `today` named on a leaders' page, unless an entry for the
// same name is current (kind outdated).
std::vector<ContentHit> former_leaders_listed(const ContentText& text,
                                              std::span<const config::Leader> leaders,
                                              std::chrono::sys_days today);

}  // namespace sitepatrol::checks
