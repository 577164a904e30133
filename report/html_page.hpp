#pragma once
// The HTML renderer: a report model as one self-contained page. Tables, notes and headings
// are static markup (readable without script, printable, for screen readers); charts are
// canvases that the inlined script draws from the embedded JSON (document_json) with the
// inlined Chart.js. The page requests nothing: a Content-Security-Policy forbids any load.
// It is well-formed XML as well as HTML (void elements closed, scripts and the stylesheet in
// CDATA sections, the JSON with <, > and & escaped).
#include <string>

#include "report/report_document.hpp"

namespace ccsim::report {

std::string render_html(const document& d);

}  // namespace ccsim::report
