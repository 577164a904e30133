#pragma once
// What every HTML report inlines: its stylesheet and script (report/page/report.css and
// report.js) and Chart.js from Debian's libjs-chart.js. CMake embeds the three files into the
// binary at build time (the generated html_assets.cpp), so ccsim reads no file at run time.
#include <string_view>

namespace ccsim::report {

/// Chart.js 3 (chart.min.js), as Debian ships it, licence banner included.
std::string_view chart_js();
/// The page's stylesheet: screen, phone and print.
std::string_view report_css();
/// The page's script: draws each chart of the embedded data with Chart.js.
std::string_view report_js();

}  // namespace ccsim::report
