#include "app/console/assets.h"

namespace sitepatrol::app::console {

const std::string_view kConsoleCss = R"css(
body { font-family: "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif;
       margin: 0; color: #222; background: #f6f7f9; font-size: 14px; }
header { display: flex; align-items: center; gap: 1.5em; padding: .6em 1.2em;
         background: #1f3b63; color: #fff; }
header a { color: #fff; text-decoration: none; }
header .brand { font-weight: bold; font-size: 1.1em; }
header nav { flex: 1; }
header .who { display: flex; gap: .8em; align-items: center; }
form.inline { display: inline; }
main { padding: 1em 1.5em; }
h1 { font-size: 1.4em; margin: .2em 0 .6em; }
h2 { font-size: 1.15em; margin: 1.4em 0 .5em; border-bottom: 1px solid #ccd; }
table { border-collapse: collapse; background: #fff; width: 100%; }
th, td { border: 1px solid #d8dce3; padding: .35em .5em; text-align: left; vertical-align: top; }
th { background: #eef1f6; white-space: nowrap; }
th a { color: #1f3b63; text-decoration: none; }
table.findings th { cursor: pointer; }
td.num { text-align: right; white-space: nowrap; }
td.subject { word-break: break-all; max-width: 28em; }
.pass, .ok { color: #2e7d32; }
.fail, .bad { color: #c62828; }
.none { color: #777; }
.sev3 { color: #fff; background: #b71c1c; }
.sev2 { color: #b71c1c; font-weight: bold; }
.sev1 { color: #e65100; }
tr.reviewed td { color: #777; background: #f3f3f3; }
p.reviewed { color: #555; }
.filters { margin: .6em 0; display: flex; gap: .5em; }
.verdict { font-size: 1.1em; font-weight: bold; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .3em 1em; }
dt { font-weight: bold; }
dd { margin: 0; word-break: break-all; }
form.review { display: flex; flex-wrap: wrap; gap: .6em; align-items: end; margin: .6em 0; }
form.review label { display: flex; flex-direction: column; }
body.login main { max-width: 22em; margin: 8em auto; background: #fff; padding: 2em;
                  border: 1px solid #d8dce3; }
body.login form label { display: block; margin: .8em 0; }
body.login input { width: 100%; box-sizing: border-box; }
button { padding: .3em .9em; }
svg.avail { background: #fff; border: 1px solid #d8dce3; }
)css";

const std::string_view kConsoleJs = R"js(
// Sorts a table of findings by a header click; the server already sorts the overview.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('table.findings').forEach(function (table) {
    table.querySelectorAll('thead th').forEach(function (th, column) {
      th.addEventListener('click', function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var up = th.dataset.order !== 'asc';
        rows.sort(function (a, b) {
          var x = a.cells[column] ? a.cells[column].textContent : '';
          var y = b.cells[column] ? b.cells[column].textContent : '';
          var nx = parseFloat(x), ny = parseFloat(y);
          var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, 'zh');
          return up ? c : -c;
        });
        th.dataset.order = up ? 'asc' : 'desc';
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
});
)js";

}  // namespace sitepatrol::app::console
