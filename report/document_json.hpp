#pragma once
// The report model as JSON: the data an HTML report embeds (the page draws its charts from
// it; programs and the golden tests read it). Numbers are numbers (NaN and infinities
// null), with the format the page shows them in.
#include <nlohmann/json.hpp>

#include "report/report_document.hpp"

namespace ccsim::report {

/// {"ccsim_report": 1, "kind", "lang", "title", "subtitle", "sections": [{"id", "title",
/// "level", "blocks": [...]}], "footer"}. A block is {"type": "table", "caption", "columns",
/// "rows"}, {"type": "chart", "id", "title", "x": {"title", "labels"}, "y": {axis}, "y2"?,
/// "horizontal", "series": [...]} or {"type": "note", "text"}. Cells: null, a string,
/// {"number", "decimals", "percent", "sign"}, {"mean", "ci_low", "ci_high", "decimals",
/// "percent", "sign"}, {"verdict", "text"} or {"text", "href"}.
nlohmann::ordered_json document_json(const document& d);

}  // namespace ccsim::report
