#include "report/localized_labels.hpp"

#include <optional>
#include <string>

#include "report/messages.hpp"

namespace ccsim::report {

void localize_labels(record& row, language l) {
    if (l == language::en) return;
    for (field& f : row)
        if (std::optional<std::string> name = figure_name(l, f.key)) f.label = std::move(*name);
}

void localize_labels(std::vector<record>& rows, language l) {
    for (record& row : rows) localize_labels(row, l);
}

}  // namespace ccsim::report
