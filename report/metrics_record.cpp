#include "report/metrics_record.hpp"

#include <fmt/format.h>

namespace ccsim::report {

void append_metrics(record& row, const erlang::queue_metrics& m) {
    const std::string within = format_duration(m.threshold);
    row.push_back({"p_wait", "P(wait)", m.p_wait});
    row.push_back({"service_level", fmt::format("SL {} /offered", within), m.service_level});
    row.push_back({"service_level_answered", fmt::format("SL {} /answered", within),
                   m.service_level_answered});
    row.push_back({"answer_rate", "answer rate", m.answer_rate});
    row.push_back({"p_abandon", "abandoned", m.p_abandon});
    row.push_back({"asa_s", "ASA s", m.asa.count(), 2});
    row.push_back({"mean_wait_s", "mean wait s (all)", m.mean_wait.count(), 2});
    row.push_back({"queue_length", "mean queue", m.queue_length, 3});
    row.push_back({"occupancy", "occupancy", m.occupancy});
}

}  // namespace ccsim::report
