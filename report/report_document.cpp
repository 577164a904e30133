#include "report/report_document.hpp"

#include <fmt/format.h>

#include "report/messages.hpp"

namespace ccsim::report {

verdict_cell verdict_of(verdict v, language l) {
    switch (v) {
        case verdict::met:
            return {v, std::string(text(l, msg::verdict_met))};
        case verdict::not_met:
            return {v, std::string(text(l, msg::verdict_not_met))};
        case verdict::uncertain:
            return {v, std::string(text(l, msg::verdict_uncertain))};
        case verdict::undefined:
            break;
    }
    return {verdict::undefined, std::string(text(l, msg::verdict_undefined))};
}

std::string chart_id(std::size_t section_index, std::size_t block_index) {
    return fmt::format("chart-{}-{}", section_index, block_index);
}

}  // namespace ccsim::report
