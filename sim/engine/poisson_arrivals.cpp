#include "sim/engine/poisson_arrivals.hpp"

#include <boost/random/exponential_distribution.hpp>

namespace ccsim::sim {

poisson_arrivals::poisson_arrivals(const std::vector<double>& calls, seconds start,
                                   seconds interval, seconds warmup,
                                   const std::vector<double>& factors)
    : now_(start.count() - warmup.count()) {
    const double length = interval.count();
    if (warmup.count() > 0.0 && !calls.empty())
        segments_.push_back({start.count(), factors.front() * calls.front() / length});
    for (std::size_t i = 0; i < calls.size(); ++i)
        segments_.push_back(
            {start.count() + length * static_cast<double>(i + 1), factors[i] * calls[i] / length});
}

double poisson_arrivals::next(random_engine& engine) {
    constexpr double never = std::numeric_limits<double>::infinity();
    double budget = boost::random::exponential_distribution<double>(1.0)(engine);
    while (current_ < segments_.size()) {
        const segment& s = segments_[current_];
        const double capacity = s.rate * (s.end - now_);  // expected arrivals left in segment
        if (budget < capacity) {
            now_ += budget / s.rate;
            return now_;
        }
        budget -= capacity;
        now_ = s.end;
        ++current_;
    }
    return never;
}

}  // namespace ccsim::sim
