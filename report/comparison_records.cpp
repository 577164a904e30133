#include "report/comparison_records.hpp"

#include <cstddef>

namespace ccsim::report {

namespace {

struct key_figure {
    const char* key;
    const char* label;
    int decimals;
    bool group;  // a group figure (all groups), else a queue figure (all queues)
    int figure;
    bool compact;  // the text table keeps to these; CSV and JSON have all
};

constexpr key_figure key_figures[] = {
    {"offered", "offered", 1, false, static_cast<int>(sim::queue_figure::offered), false},
    {"service_level", "SL", 4, false, static_cast<int>(sim::queue_figure::service_level), true},
    {"answer_rate", "answered", 4, false, static_cast<int>(sim::queue_figure::answer_rate), true},
    {"abandon_rate", "abandoned", 4, false, static_cast<int>(sim::queue_figure::abandon_rate),
     false},
    {"asa_s", "ASA s", 2, false, static_cast<int>(sim::queue_figure::asa_s), true},
    {"p90_wait_s", "90% wait s", 2, false, static_cast<int>(sim::queue_figure::p90_wait_s), false},
    {"occupancy", "occupancy", 4, true, static_cast<int>(sim::group_figure::occupancy), true},
};

estimate day_figure(const sim::simulation_summary& s, const key_figure& f) {
    const std::size_t all_queues = s.queues() > 1 ? s.queues() : 0;
    const std::size_t all_groups = s.groups() > 1 ? s.groups() : 0;
    if (f.group)
        return s.group(all_groups, s.intervals(), static_cast<sim::group_figure>(f.figure));
    return s.queue(all_queues, s.intervals(), static_cast<sim::queue_figure>(f.figure));
}

record variant_record(const sim::comparison& c, const variant_labels& labels, std::size_t v,
                      bool compact) {
    record row{{"variant", "#", static_cast<long>(v)}};
    for (std::size_t k = 0; k < labels.keys.size(); ++k)
        row.push_back(
            {labels.keys[k], labels.keys[k],
             v > 0 ? field_value{labels.values[v - 1][k]} : field_value{std::string("base")}});
    for (const key_figure& f : key_figures) {
        if (compact && !f.compact) continue;
        row.push_back({f.key, f.label, day_figure(c.variants[v], f), f.decimals, true});
        field difference{std::string(f.key) + "_diff",
                         std::string("Δ ") + f.label,
                         field_value{},
                         f.decimals,
                         true,
                         true};
        if (v > 0) difference.value = day_figure(c.differences[v], f);
        row.push_back(std::move(difference));
    }
    return row;
}

}  // namespace

std::vector<record> comparison_records(const sim::comparison& c, const variant_labels& labels,
                                       bool compact) {
    std::vector<record> rows;
    for (std::size_t v = 0; v < c.variants.size(); ++v)
        rows.push_back(variant_record(c, labels, v, compact));
    return rows;
}

}  // namespace ccsim::report
