#pragma once
// What a call log is reduced to while it streams past: counts per queue and time slot,
// histograms of waits and handle times in whole seconds, agents and busy time per slot, and
// the few per-customer call times the redial estimate needs. Its size follows the log's span
// (days x slots), its queues, agents and distinct seconds, not its number of rows (except
// the identified customers' call times, and the services and waits agent_availability needs).
#include <compare>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "calib/agent_availability.hpp"
#include "calib/weighted_sample.hpp"
#include "io/call_log.hpp"

namespace ccsim::calib {

/// Counts per whole second: a weighted sample whose size is the number of distinct seconds.
class second_histogram {
  public:
    void add(double seconds);
    weighted_sample sample() const;
    double count() const { return count_; }
    double sum() const { return sum_; }  // of the exact values

  private:
    std::map<long, double> counts_;
    double count_ = 0.0, sum_ = 0.0;
};

struct queue_tally {
    std::string name;
    second_histogram handle;           // answered calls
    second_histogram answered_waits;   // censored observations of patience
    second_histogram abandoned_waits;  // events
};

/// Offered calls and their fate, for one day or one priority.
struct outcome_counts {
    double offered = 0.0, answered = 0.0, abandoned = 0.0, within_threshold = 0.0;
    double wait_sum = 0.0;
    void add(const io::call_record& call, double threshold);
};

/// The calls of one class (a queue's calls of one priority, as the log writes it) in a slot.
struct class_slot {
    double calls = 0.0, answered = 0.0;
    double answered_at_once = 0.0;  // answered with no wait
    double wait_sum = 0.0;          // waits of answered and abandoned calls
};

/// A queue's calls of one priority value.
struct call_class {
    std::size_t queue = 0;
    std::string priority;
};

/// One call of an identified customer, as the redial estimate needs it.
struct customer_call {
    double arrival = 0.0;
    bool abandoned = false;
    std::size_t queue = 0;
    auto operator<=>(const customer_call&) const = default;
};

struct slot_activity {
    std::vector<int> agents;  // agent indices who served in the slot (sorted, unique)
    double busy = 0.0;        // agent-seconds of service in the slot
};

class call_log_tally {
  public:
    /// slot: the time slot length in seconds (divides a day); threshold: the service level's
    /// answer threshold in seconds.
    call_log_tally(double slot, double threshold);

    void add(const io::call_record& call);

    double slot() const { return slot_; }
    double threshold() const { return threshold_; }
    const std::vector<queue_tally>& queues() const { return queues_; }
    std::size_t agent_count() const { return agent_index_.size(); }
    /// Day numbers (days since 1970-01-01) of the first and last arrival.
    std::int64_t first_day() const { return first_day_; }
    std::int64_t last_day() const { return last_day_; }
    bool empty() const { return first_day_ > last_day_; }
    int slots_per_day() const { return slots_per_day_; }

    /// Arrivals of queue q in the slot numbered `slot` since 1970-01-01 00:00.
    double arrivals(std::size_t q, std::int64_t slot) const;
    /// The classes seen (queue, priority), in order of first appearance.
    const std::vector<call_class>& classes() const { return classes_; }
    /// Class c's calls arriving in the slot (zeros when none).
    class_slot class_calls(std::size_t c, std::int64_t slot) const;
    /// The mean handle time of queue q's answered calls that arrived in the slot; 0 when none.
    double mean_handle(std::size_t q, std::int64_t slot) const;
    /// Agents who served and their busy seconds in a slot (empty when none).
    const slot_activity& activity(std::int64_t slot) const;
    /// Offered, answered... by arrival day.
    const std::map<std::int64_t, outcome_counts>& days() const { return days_; }
    /// ... by priority as the log writes it.
    const std::map<std::string, outcome_counts>& priorities() const { return priorities_; }
    /// Services and waits, for the agents really available.
    const agent_availability& availability() const { return availability_; }
    /// Identified customers' calls, in file order.
    const std::unordered_map<std::string, std::vector<customer_call>>& customers() const {
        return customers_;
    }

  private:
    std::size_t queue_of(std::string_view name);
    void add_service(double start, double end, int agent);

    double slot_, threshold_;
    int slots_per_day_;
    std::vector<queue_tally> queues_;
    std::unordered_map<std::string, std::size_t> queue_index_;
    std::unordered_map<std::string, int> agent_index_;
    std::unordered_map<std::int64_t, std::vector<double>> arrivals_;  // slot -> per queue
    std::vector<call_class> classes_;
    std::map<std::pair<std::size_t, std::string>, std::size_t> class_index_;
    std::unordered_map<std::int64_t, std::vector<class_slot>> class_calls_;  // slot -> per class
    // slot -> per queue: answered calls and the sum of their handle times
    std::unordered_map<std::int64_t, std::vector<std::pair<double, double>>> handled_;
    std::unordered_map<std::int64_t, slot_activity> activity_;
    std::map<std::int64_t, outcome_counts> days_;
    std::map<std::string, outcome_counts> priorities_;
    std::unordered_map<std::string, std::vector<customer_call>> customers_;
    agent_availability availability_;
    std::int64_t first_day_ = INT64_MAX, last_day_ = INT64_MIN;
};

}  // namespace ccsim::calib
