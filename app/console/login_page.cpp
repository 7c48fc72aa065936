#include "app/console/login_page.h"

#include "app/console/form.h"

namespace sitepatrol::app::console {

std::string login_page(Lang lang, std::string_view message, std::string_view back) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"";
  out += lang == Lang::zh ? "zh-CN" : "en";
  out +=
      "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\"><title>" +
      tr(lang, "登录", "Sign in") +
      " · sitepatrol</title><link rel=\"stylesheet\" href=\"/static/console.css\"></head>"
      "<body class=\"login\"><main><h1>sitepatrol</h1><p>" +
      tr(lang, "政府网站巡查控制台", "Government website patrol console") + "</p>";
  if (!message.empty()) out += "<p class=\"bad\" role=\"alert\">" + esc(message) + "</p>";
  out += "<form method=\"post\" action=\"/login\"><input type=\"hidden\" name=\"back\" value=\"" +
         esc(back) + "\"><label>" + tr(lang, "用户名", "User name") +
         " <input name=\"name\" autocomplete=\"username\" required></label><label>" +
         tr(lang, "密码", "Password") +
         " <input name=\"password\" type=\"password\" autocomplete=\"current-password\" "
         "required></label><button type=\"submit\">" +
         tr(lang, "登录", "Sign in") + "</button></form><p><a href=\"/lang/" +
         std::string(lang == Lang::zh ? "en" : "zh") + "?back=" + esc(url_encode("/login")) +
         "\">" + (lang == Lang::zh ? "English" : "中文") + "</a></p></main></body></html>\n";
  return out;
}

}  // namespace sitepatrol::app::console
