#include "cli/print_record.hpp"

#include <iostream>

namespace ccsim::cli {

void print_record(const report::record& row, report::output_format format) {
    switch (format) {
        case report::output_format::table:
            std::cout << report::format_key_values(row);
            break;
        case report::output_format::csv:
            std::cout << report::format_csv({row});
            break;
        case report::output_format::json:
            std::cout << report::to_json(row).dump(2) << "\n";
            break;
        case report::output_format::html:  // not offered for single records: rejected earlier
            break;
    }
}

}  // namespace ccsim::cli
