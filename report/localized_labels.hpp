#pragma once
// Terminal tables in the language asked for: records are built with English labels, and
// with --lang zh their labels become the catalogue's figure names.
#include <vector>

#include "report/language.hpp"
#include "report/record.hpp"

namespace ccsim::report {

/// Relabels every field whose key names a figure the catalogue knows (figure_name); other
/// fields keep their label. English leaves the records as built, so English tables read as
/// they always have.
void localize_labels(record& row, language l);
void localize_labels(std::vector<record>& rows, language l);

}  // namespace ccsim::report
