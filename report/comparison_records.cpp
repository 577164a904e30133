#include "report/comparison_records.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cstddef>
#include <string>

#include "core/target_verdict.hpp"
#include "report/target_checks.hpp"

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

// The figures of the department's other channels, one column per queue: a chat's service
// level, a back office's deadlines, an outbound queue's follow-ups in time and calls made.
struct channel_column {
    std::string key, label;
    std::size_t queue;
    sim::queue_figure figure;
};

std::vector<channel_column> channel_columns(const sim::scenario* s) {
    std::vector<channel_column> columns;
    if (!s) return columns;
    const auto voice_queues = std::count_if(s->queues.begin(), s->queues.end(), [](const auto& q) {
        return q.channel == sim::channel_kind::voice;
    });
    // Beside other channels, each voice line's own service level too (the all-voice figure
    // hides which line pays for the others' work).
    const bool each_voice = voice_queues > 1 && voice_queues < static_cast<long>(s->queues.size());
    auto add = [&](std::size_t q, sim::queue_figure f, const char* label) {
        const std::string& name = s->queues[q].name;
        columns.push_back({fmt::format("{}.{}", name, sim::info(f).key),
                           fmt::format("{} {}", name, label), q, f});
    };
    for (std::size_t q = 0; q < s->queues.size(); ++q) {
        switch (s->queues[q].channel) {
            case sim::channel_kind::voice:
                if (each_voice) add(q, sim::queue_figure::service_level, "SL");
                break;
            case sim::channel_kind::chat:
                add(q, sim::queue_figure::service_level, "SL");
                break;
            case sim::channel_kind::backoffice:
                add(q, sim::queue_figure::replied_within, "replied in time");
                add(q, sim::queue_figure::resolved_within, "resolved in time");
                break;
            case sim::channel_kind::outbound:
                add(q, sim::queue_figure::done_within, "in time");
                add(q, sim::queue_figure::attempts, "calls");
                break;
        }
    }
    return columns;
}

void append_with_difference(record& row, const std::string& key, const std::string& label,
                            int decimals, std::size_t v, const estimate& value,
                            const estimate& difference_value) {
    row.push_back({key, label, value, decimals, true});
    field difference{key + "_diff", "Δ " + label, field_value{}, decimals, true, true};
    if (v > 0) difference.value = difference_value;
    row.push_back(std::move(difference));
}

record variant_record(const sim::comparison& c, const variant_labels& labels, std::size_t v,
                      bool compact, const std::vector<channel_column>& channels,
                      const sim::scenario* base) {
    record row{{"variant", "#", static_cast<long>(v)}};
    for (std::size_t k = 0; k < labels.keys.size(); ++k)
        row.push_back(
            {labels.keys[k], labels.keys[k],
             v > 0 ? field_value{labels.values[v - 1][k]} : field_value{std::string("base")}});
    // The question a manager asks of each variant first: are the scenario's targets met?
    if (base && (base->service_level_target || base->answer_rate_target)) {
        std::vector<verdict> each;
        for (const target_check& t : check_targets(*base, c.variants[v]).checks)
            each.push_back(t.result);
        row.push_back({"targets", "targets", std::string(verdict_key(all_targets(each)))});
    }
    for (const key_figure& f : key_figures) {
        if (compact && !f.compact) continue;
        append_with_difference(row, f.key, f.label, f.decimals, v, day_figure(c.variants[v], f),
                               v > 0 ? day_figure(c.differences[v], f) : estimate{});
    }
    for (const channel_column& column : channels) {
        const sim::simulation_summary& variant = c.variants[v];
        append_with_difference(
            row, column.key, column.label, sim::info(column.figure).decimals, v,
            variant.queue(column.queue, variant.horizon(), column.figure),
            v > 0 ? c.differences[v].queue(column.queue, variant.horizon(), column.figure)
                  : estimate{});
    }
    return row;
}

}  // namespace

std::vector<record> comparison_records(const sim::comparison& c, const variant_labels& labels,
                                       bool compact, const sim::scenario* base) {
    const std::vector<channel_column> channels = channel_columns(base);
    std::vector<record> rows;
    for (std::size_t v = 0; v < c.variants.size(); ++v)
        rows.push_back(variant_record(c, labels, v, compact, channels, base));
    return rows;
}

}  // namespace ccsim::report
