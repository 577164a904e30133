#include "report/messages.hpp"

#include <utility>

#include "report/message_catalogue.hpp"

namespace ccsim::report {

namespace {

// Record keys and the figure names they stand for.
constexpr std::pair<std::string_view, msg> figure_keys[] = {
    {"offered", msg::fig_offered},
    {"answered", msg::fig_answered},
    {"abandoned", msg::fig_abandoned},
    {"redials", msg::fig_redials},
    {"waiting_at_end", msg::fig_waiting_at_end},
    {"outside_hours", msg::fig_outside_hours},
    {"service_level", msg::fig_service_level},
    {"service_level_answered", msg::fig_service_level_answered},
    {"answer_rate", msg::fig_answer_rate},
    {"abandon_rate", msg::fig_abandon_rate},
    {"p_wait", msg::fig_p_wait},
    {"asa_s", msg::fig_asa_s},
    {"mean_abandon_wait_s", msg::fig_mean_abandon_wait_s},
    {"p90_wait_s", msg::fig_p90_wait_s},
    {"longest_queue", msg::fig_longest_queue},
    {"met_service_level", msg::fig_met_service_level},
    {"met_answer_rate", msg::fig_met_answer_rate},
    {"occupancy", msg::fig_occupancy},
    {"agents_logged_in", msg::fig_agents_logged_in},
    {"agents_busy", msg::fig_agents_busy},
    {"overtime_h", msg::fig_overtime_h},
    {"not_ready_share", msg::fig_not_ready_share},
    {"agents_not_ready", msg::fig_agents_not_ready},
    {"calls", msg::fig_calls},
    {"aht_s", msg::fig_aht_s},
    {"patience_s", msg::fig_patience_s},
    {"load_erlangs", msg::fig_load_erlangs},
    {"agents", msg::fig_agents},
    {"scheduled_agents", msg::fig_scheduled_agents},
    {"fractional_agents", msg::fig_fractional_agents},
    {"fractional_scheduled", msg::fig_fractional_scheduled},
    {"agent_hours", msg::fig_agent_hours},
    {"scheduled_hours", msg::fig_scheduled_hours},
    {"p_abandon", msg::fig_p_abandon},
    {"mean_wait_s", msg::fig_mean_wait_s},
    {"queue_length", msg::fig_queue_length},
    {"peak_agents", msg::fig_peak_agents},
    {"peak_scheduled_agents", msg::fig_peak_scheduled_agents},
    {"interval_start", msg::fig_interval_start},
    {"queue", msg::fig_queue},
    {"group", msg::fig_group},
    {"day", msg::fig_day},
    {"variant", msg::fig_variant},
    {"file", msg::fig_file},
    {"status", msg::fig_status},
    {"message", msg::fig_message},
    {"replications", msg::fig_replications},
    {"seed", msg::fig_seed},
    {"wall_s", msg::fig_wall_s},
};

constexpr std::string_view diff_suffix = "_diff";

}  // namespace

std::string_view text(language l, msg m) {
    return l == language::zh ? detail::chinese_text(m) : detail::english_text(m);
}

std::optional<std::string> figure_name(language l, std::string_view key) {
    if (key.size() > diff_suffix.size() && key.ends_with(diff_suffix)) {
        const std::optional<std::string> name =
            figure_name(l, key.substr(0, key.size() - diff_suffix.size()));
        if (!name) return std::nullopt;
        return format_message(l, msg::difference_of, *name);
    }
    for (const auto& [k, m] : figure_keys)
        if (k == key) return std::string(text(l, m));
    return std::nullopt;
}

}  // namespace ccsim::report
