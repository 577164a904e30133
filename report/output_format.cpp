#include "report/output_format.hpp"

namespace ccsim::report {

std::optional<output_format> parse_output_format(std::string_view text) {
    if (text == "table") return output_format::table;
    if (text == "csv") return output_format::csv;
    if (text == "json") return output_format::json;
    if (text == "html") return output_format::html;
    return std::nullopt;
}

}  // namespace ccsim::report
