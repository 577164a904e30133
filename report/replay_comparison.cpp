#include "report/replay_comparison.hpp"

#include <cmath>
#include <limits>

#include "report/simulation_records.hpp"

namespace ccsim::report {

namespace {

constexpr double none = std::numeric_limits<double>::quiet_NaN();

double ratio(double part, double whole) {
    return whole > 0.0 ? part / whole : none;
}

// The observed counts of queue q (queues() = all queues) over intervals [first, last).
io::observed_counts observed_over(const replay_figures& f, std::size_t q, std::size_t first,
                                  std::size_t last) {
    const std::vector<bool> in_all = sim::queues_in_total(f.scenario);
    io::observed_counts sum;
    for (std::size_t k = 0; k < f.observed.size(); ++k) {
        if (q < f.observed.size() ? k != q : !in_all[k]) continue;
        for (std::size_t i = first; i < last; ++i) sum.merge(f.observed[k][i]);
    }
    return sum;
}

double simulated(const sim::simulation_summary* s, std::size_t q, std::size_t bucket,
                 sim::queue_figure figure) {
    return s ? s->queue(q, bucket, figure).mean : none;
}

record comparison(const replay_figures& f, std::size_t q, std::size_t bucket,
                  const io::observed_counts& o, record row) {
    using sim::queue_figure;
    const auto three = [&](const std::string& key, const std::string& label, double observed,
                           queue_figure figure, int decimals) {
        row.push_back({"observed_" + key, label + " obs", observed, decimals});
        row.push_back(
            {"replayed_" + key, "rep", simulated(&f.replayed, q, bucket, figure), decimals});
        if (f.modelled)
            row.push_back(
                {"modelled_" + key, "mod", simulated(f.modelled, q, bucket, figure), decimals});
    };
    three("offered", "offered", o.offered, queue_figure::offered, 1);
    three("abandon_rate", "abandoned", ratio(o.abandoned, o.offered), queue_figure::abandon_rate,
          3);
    three("service_level", "SL", ratio(o.answered_within, o.offered), queue_figure::service_level,
          3);
    three("asa_s", "ASA s", ratio(o.answered_wait, o.answered), queue_figure::asa_s, 1);
    return row;
}

std::size_t queue_rows(const replay_figures& f) {
    return f.scenario.queues.size() > 1 ? f.scenario.queues.size() + 1 : 1;
}

std::string queue_name(const replay_figures& f, std::size_t q) {
    return q < f.scenario.queues.size() ? f.scenario.queues[q].name : "all";
}

// The intervals [first, last) of day d.
std::pair<std::size_t, std::size_t> day_intervals(const sim::scenario& s, std::size_t d) {
    std::size_t first = 0;
    while (first < s.interval_count && s.day_of_interval(first) < d) ++first;
    std::size_t last = first;
    while (last < s.interval_count && s.day_of_interval(last) == d) ++last;
    return {first, last};
}

}  // namespace

std::vector<record> replay_comparison_records(const replay_figures& f) {
    const sim::scenario& s = f.scenario;
    const std::size_t all = s.queues.size();
    std::vector<record> rows;
    for (std::size_t d = 0; d < s.days(); ++d) {
        const auto [first, last] = day_intervals(s, d);
        for (std::size_t k = 0; k < queue_rows(f); ++k) {
            const std::size_t q = queue_rows(f) == 1 ? 0 : (k < all ? k : all);
            rows.push_back(comparison(f, q, f.replayed.day_bucket(d),
                                      observed_over(f, q, first, last),
                                      {{"level", "level", std::string("day")},
                                       {"period", "period", day_label(s, d)},
                                       {"queue", "queue", queue_name(f, q)}}));
        }
    }
    for (std::size_t i = 0; i < s.interval_count; ++i) {
        for (std::size_t k = 0; k < queue_rows(f); ++k) {
            const std::size_t q = queue_rows(f) == 1 ? 0 : (k < all ? k : all);
            const io::observed_counts o = observed_over(f, q, i, i + 1);
            const double modelled =
                f.modelled ? f.modelled->queue(q, i, sim::queue_figure::offered).mean : 0.0;
            if (o.offered == 0.0 &&
                f.replayed.queue(q, i, sim::queue_figure::offered).mean == 0.0 && modelled == 0.0)
                continue;
            rows.push_back(comparison(f, q, i, o,
                                      {{"level", "level", std::string("interval")},
                                       {"period", "period", interval_label(s, i)},
                                       {"queue", "queue", queue_name(f, q)}}));
        }
    }
    return rows;
}

std::string replay_comparison_table(const replay_figures& f) {
    const sim::scenario& s = f.scenario;
    const std::size_t q = s.queues.size() > 1 ? s.queues.size() : 0;
    std::vector<record> rows;
    for (std::size_t d = 0; d < s.days(); ++d) {
        const auto [first, last] = day_intervals(s, d);
        rows.push_back(comparison(f, q, f.replayed.day_bucket(d), observed_over(f, q, first, last),
                                  {{"period", "day", day_label(s, d)}}));
    }
    return format_table(rows);
}

}  // namespace ccsim::report
