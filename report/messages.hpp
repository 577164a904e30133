#pragma once
// The message catalogue: every text a report shows (HTML reports, and the terminal tables when
// a language is asked for), one file per language (messages_en.cpp, messages_zh.cpp). Each
// file lists every message in the order of `msg`; the compiler rejects a file with a message
// missing, doubled or out of order. Texts with {} are fmt format strings; both languages take
// the same arguments in the same order (a test checks the placeholders).
//
// Figure names are looked up by the key a record field carries ("service_level", "asa_s"),
// so records built in English can be relabelled (localize_labels).
#include <fmt/format.h>
#include <optional>
#include <string>
#include <string_view>

#include "report/language.hpp"

namespace ccsim::report {

enum class msg : int {
    // Figures, by record key (figure_name): names with their unit.
    fig_offered,
    fig_answered,
    fig_abandoned,
    fig_redials,
    fig_waiting_at_end,
    fig_outside_hours,
    fig_service_level,
    fig_service_level_answered,
    fig_answer_rate,
    fig_abandon_rate,
    fig_p_wait,
    fig_asa_s,
    fig_mean_abandon_wait_s,
    fig_p90_wait_s,
    fig_longest_queue,
    fig_met_service_level,
    fig_met_answer_rate,
    fig_occupancy,
    fig_agents_logged_in,
    fig_agents_busy,
    fig_overtime_h,
    fig_not_ready_share,
    fig_agents_not_ready,
    fig_calls,
    fig_aht_s,
    fig_patience_s,
    fig_load_erlangs,
    fig_agents,
    fig_scheduled_agents,
    fig_fractional_agents,
    fig_fractional_scheduled,
    fig_agent_hours,
    fig_scheduled_hours,
    fig_p_abandon,
    fig_mean_wait_s,
    fig_queue_length,
    fig_peak_agents,
    fig_peak_scheduled_agents,
    fig_interval_start,
    fig_queue,
    fig_group,
    fig_day,
    fig_variant,
    fig_file,
    fig_status,
    fig_message,
    fig_replications,
    fig_seed,
    fig_wall_s,
    difference_of,  // "Δ {}": a figure's difference from the base

    // Verdicts.
    verdict_met,
    verdict_not_met,
    verdict_uncertain,
    verdict_undefined,

    // Page furniture and axes.
    contents,
    data_table,
    footer,
    all_queues,
    all_groups,
    axis_interval,
    axis_day,
    axis_scenario,
    axis_percent,
    axis_seconds,
    axis_calls,
    axis_agents,
    confidence_band,
    target_line,
    threshold_line,
    per_interval,
    per_interval_by_group,
    per_day,

    // Standards.
    standards,
    col_standard,
    col_target,
    col_result,
    col_verdict,
    col_share_met,
    col_intervals_below,
    col_figure,
    col_value,
    col_plain_value,
    col_verdict_of,
    standard_service_level,
    standard_answer_rate,
    standard_asa,
    standard_abandon,
    standard_occupancy,
    target_at_least,
    target_at_most,
    no_targets,
    met_least_often,
    key_figures,

    // Run description.
    about_run,
    run_scenario,
    run_file,
    run_quick_form,
    run_horizon,
    run_horizon_days,
    run_interval,
    run_replications,
    run_seed,
    run_confidence,
    run_batch_means,
    run_random_numbers,
    run_common_random_numbers,
    run_independent_seeds,
    run_version,
    run_generated,
    run_forecast,
    run_model,
    run_erlang_c,
    run_erlang_a,
    run_shrinkage,
    run_threshold,
    run_result_folder,

    // simulate
    simulate_title,
    simulate_subtitle,
    simulate_subtitle_batch_means,
    section_service_level,
    section_volumes,
    chart_volumes,
    section_waits,
    chart_waits,
    section_groups,
    section_queue_length,
    section_days,
    chart_days,
    section_queue,

    // staff
    staff_title,
    staff_subtitle,
    section_totals,
    section_agents,
    chart_agents,
    section_predicted,
    chart_predicted,
    col_predicted,

    // whatif
    whatif_title,
    whatif_subtitle,
    section_variants,
    section_differences,
    section_variant_intervals,
    col_changes,
    variant_base,
    variant_number,

    // batch
    batch_title,
    batch_subtitle,
    section_scenarios,
    section_failed,
    section_each_scenario,
    chart_scenarios,
    col_scenario,
    status_ok,
    status_resumed,
    status_error,
    scenario_failed,

    // plan
    plan_title,
    plan_subtitle,
    plan_intervals_met,
    plan_cost,
    plan_paid_hours,
    plan_people,
    plan_agent_shifts,
    plan_rounds,
    plan_gap,
    plan_solver,
    plan_optimal,
    plan_time_limit,
    plan_section_coverage,
    plan_shortfall,
    plan_section_simulated,
    plan_chart_simulated,
    plan_section_roster,
    plan_line,
    plan_day_off,
    plan_breaks,
    plan_section_rounds,
    plan_round,
    plan_intervals_short,
    plan_worst_interval,
    plan_method,
    plan_sipp,
    plan_isa,
    plan_pool,

    // Terminal tables (`--lang`): the English texts are those the tables always printed.
    table_header,
    table_header_batch_means,
    table_corner_queue,
    table_corner_group,
    table_days_heading,
    table_sl_target,
    table_answer_rate_target,
    table_met,
    table_not_met,
    table_uncertain,
    table_uncertain_long,
    table_no_ci,
    table_no_calls,
    table_targets_days,
    table_targets_day,
    table_all_queues,
    table_all_voice_queues,
    table_standards_days,
    table_standards_day,
    table_target_line,
    table_intervals_below,
    table_met_least_often,
    table_run,
    table_service_level,
    table_answer_rate,
    table_totals,
    table_whatif_header,
    table_whatif_common,
    table_whatif_independent,
    table_whatif_formats,
    table_whatif_run,

    count_
};

inline constexpr int msg_count = static_cast<int>(msg::count_);

/// The text of `m` in `l`.
std::string_view text(language l, msg m);

/// text(l, m) with the arguments put in.
template <class... Args>
std::string format_message(language l, msg m, const Args&... args) {
    return fmt::format(fmt::runtime(text(l, m)), args...);
}

/// The name of the figure a record field's key stands for ("service_level" -> "service
/// level", "应答及时率"); a "KEY_diff" key reads "Δ name". nullopt for keys the catalogue does
/// not know (a varied scenario key, for instance).
std::optional<std::string> figure_name(language l, std::string_view key);

}  // namespace ccsim::report
