#pragma once
// Everything `ccsim calibrate` estimates from a call log's tally: volumes by weekday x slot
// and their forecast, busyness, handle-time and patience fits, redials, effective staffing,
// and the observed figures per day that a simulation of the calibrated scenario is judged by.
#include <optional>
#include <string>
#include <vector>

#include "calib/arrival_profile.hpp"
#include "calib/call_log_tally.hpp"
#include "calib/distribution_fit.hpp"
#include "calib/forecast.hpp"
#include "calib/kaplan_meier.hpp"

namespace ccsim::calib {

/// Which head count the scenario's agents_by_interval takes from the log.
enum class staffing_basis {
    served,     // agents who served a call in the slot (an upper bound of those available)
    busy,       // agent-seconds of service / slot length (a lower bound: agents always busy)
    available,  // busy time + idle time while nobody waited (calib/agent_availability.hpp)
};

/// "served", "busy", "available".
const char* basis_name(staffing_basis b);
/// What the basis counts, for reports and comments.
const char* basis_description(staffing_basis b);

struct calibration_settings {
    double slot = 1800.0;
    double threshold = 15.0;
    double redial_window = 3600.0;  // a call within this after an abandonment is a redial
    staffing_basis staffing = staffing_basis::available;
    /// The scenario's handle_time: the best fit's shape, or the observed times (empirical).
    bool empirical_handle_times = false;
};

struct quantile_row {
    double p = 0.0, empirical = 0.0, fitted = 0.0;
};

struct handle_time_fit {
    double calls = 0.0, mean = 0.0;
    std::vector<fitted_distribution> fits;  // exponential, lognormal, gamma
    std::vector<double> ks;                 // per fit
    std::size_t best = 0;                   // by AIC
    std::vector<quantile_row> quantiles;    // of the best
};

struct patience_fit {
    double abandoned = 0.0, answered = 0.0;
    double naive_mean = 0.0;       // mean wait of abandoners: what one would type in
    double restricted_mean = 0.0;  // area under Kaplan-Meier up to the longest wait
    double longest_wait = 0.0;
    std::vector<survival_step> kaplan_meier;
    std::vector<fitted_distribution> fits;  // censored MLE: exponential, lognormal, gamma, weibull
    std::size_t best = 0;                   // by AIC: the scenario's patience
    std::vector<std::pair<double, double>> early_hazard;  // (t, mean hazard per s over [0, t])
};

/// Redials of identified customers: an abandoned call followed by the same customer's next
/// call within the window into the same queue (the engine's redials come back to the queue
/// they left; a next call into another queue stays a fresh call there).
struct redial_estimate {
    double abandoned = 0.0;    // abandonments by identified customers
    double redialled = 0.0;    // followed by a call into the same queue within the window
    double other_queue = 0.0;  // followed within the window by a call into another queue
    double delay_sum = 0.0;
    weighted_sample delays;                  // of the redials, in seconds
    int longest_run = 0;                     // most redials in a row by one customer
    std::vector<double> abandoned_by_queue;  // per queue: identified abandonments
    std::vector<double> redialled_by_queue;  // per queue: of which redialled
    std::vector<day_slot_counts> arrivals;   // per queue: the redials by arrival day and slot
    double probability() const { return abandoned > 0.0 ? redialled / abandoned : 0.0; }
    double mean_delay() const { return redialled > 0.0 ? delay_sum / redialled : 0.0; }
};

/// What the scenario's queue gets: redials as feedback, fresh calls as its volumes.
struct queue_redials {
    double probability = 0.0;  // of a redial after an abandonment (identified customers)
    double offered = 0.0;      // calls in the log
    double redials = 0.0;      // of which redials: identified ones / identified share of abandoners
    double fresh_share() const { return offered > 0.0 ? 1.0 - redials / offered : 1.0; }
};

struct staffing_estimate {
    // Agents per slot by basis, for a typical week (Monday first, the mean over the log's
    // dates of each weekday) and for every slot of the log's period (first date first).
    std::array<std::array<std::vector<double>, weekday_count>, 3> weekly;
    std::array<std::vector<double>, 3> dated;
    double served_agent_seconds = 0.0, busy_seconds = 0.0, available_seconds = 0.0;

    const std::array<std::vector<double>, weekday_count>& typical_week(staffing_basis b) const {
        return weekly[static_cast<std::size_t>(b)];
    }
    const std::vector<double>& period(staffing_basis b) const {
        return dated[static_cast<std::size_t>(b)];
    }
    /// Busy time over the slots in which agents served: the share of their time on calls.
    double busy_share() const {
        return served_agent_seconds > 0.0 ? busy_seconds / served_agent_seconds : 0.0;
    }
    /// Available time over the same: the share of their time they were ready or on calls.
    double available_share() const {
        return served_agent_seconds > 0.0 ? available_seconds / served_agent_seconds : 0.0;
    }
};

/// A queue's calls of one priority value (as the log writes it), when a queue has several.
struct class_estimate {
    std::size_t queue = 0;
    std::string priority;
    std::string name;           // "priority 2": the scenario's class name
    double share = 0.0;         // of the queue's calls
    std::vector<double> calls;  // every slot of the log's period, first date first
    // From slots in which some class of at least 5 calls was all answered at once (agents
    // were free): this class's calls there, answered, answered at once, and their waits.
    double quiet_calls = 0.0, quiet_answered = 0.0, quiet_at_once = 0.0, quiet_wait_sum = 0.0;
    /// The mean routing delay (exponential, abandoned calls censored), when the class's calls
    /// waited even while agents were free (most answered calls waited); else none.
    std::optional<double> routing_delay;
};

struct forecast_evaluation {
    bool evaluated = false;          // at least two weeks: one to learn from, one held out
    bool method_backtested = false;  // three weeks: the method chosen on the one before
    std::int64_t holdout_first_day = 0;
    forecast_error method, last_week, pooled;
};

struct observed_day {
    std::int64_t day = 0;
    outcome_counts counts;
};

struct calibration {
    calibration_settings settings;
    std::vector<std::string> queues;
    std::vector<day_slot_counts> volumes;  // per queue, every date from the first to the last
    std::vector<std::vector<double>> period_aht;  // per queue, every slot of those dates; 0: none
    std::vector<weekday_slot_table> weekly;       // per queue
    weekday_slot_table weekly_total;
    double busyness_cv = 0.0;
    forecast_method method;
    forecast_evaluation evaluation;
    std::int64_t forecast_first_day = 0;                     // the coming week
    std::vector<std::vector<std::vector<double>>> forecast;  // per queue: 7 days x slots
    std::vector<handle_time_fit> handle;                     // per queue
    std::vector<weighted_sample> handle_times;               // per queue: observed, whole seconds
    std::vector<patience_fit> patience;                      // per queue
    redial_estimate redial;
    std::vector<queue_redials> redials;     // per queue
    std::vector<weekday_slot_table> fresh;  // per queue: weekly volumes less the redials
    handle_time_fit redial_delay;           // complete-sample fits of the redial delays
    staffing_estimate staffing;
    std::vector<observed_day> days;
    std::vector<std::pair<std::string, outcome_counts>> priorities;
    std::vector<class_estimate> classes;  // only for queues with calls of several priorities
    std::vector<std::string> notes;       // what the report must say it changed
};

/// Estimates everything from a tally. Throws domain_error for an empty log.
calibration calibrate(const call_log_tally& tally, const calibration_settings& settings);

/// The pieces, for tests.
handle_time_fit fit_handle_times(const weighted_sample& handle_times);
patience_fit fit_patience(const censored_sample& waits);
redial_estimate estimate_redials(const call_log_tally& tally, double window);
std::vector<class_estimate> estimate_classes(const call_log_tally& tally);

}  // namespace ccsim::calib
