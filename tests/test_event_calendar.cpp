#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "sim/engine/event_calendar.hpp"

using namespace ccsim::sim;

TEST_CASE("the calendar pops events in time order, ties by class then scheduling order") {
    event_calendar calendar;
    calendar.schedule(10.0, event_class::arrival, 1);
    calendar.schedule(10.0, event_class::abandonment, 2);
    calendar.schedule(10.0, event_class::completion, 3);
    calendar.schedule(10.0, event_class::roster, 4);
    calendar.schedule(5.0, event_class::arrival, 5);
    calendar.schedule(10.0, event_class::completion, 6);
    std::vector<std::uint32_t> order;
    while (!calendar.empty()) order.push_back(calendar.pop().id);
    // At 10.0: completions (3, then 6 as scheduled later), roster, abandonment, arrival.
    CHECK(order == std::vector<std::uint32_t>{5, 3, 6, 4, 2, 1});
}

TEST_CASE("sortable time bits keep the order of doubles, negative times included") {
    const double times[] = {-1e9, -3600.5, -1.0, -0.0, 0.0, 1e-300, 0.25, 1.0, 86400.0, 1e300};
    for (std::size_t i = 1; i < std::size(times); ++i) {
        CHECK(sortable_bits(times[i - 1]) <= sortable_bits(times[i]));
        CHECK(time_of_bits(sortable_bits(times[i])) == times[i]);
    }
    CHECK(time_of_bits(sortable_bits(-3600.5)) == -3600.5);
}

TEST_CASE("the calendar agrees with a sort on many random events") {
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<int> coarse(0, 50);  // many ties on purpose
    std::uniform_int_distribution<int> kind(0, 3);
    event_calendar calendar;
    std::vector<event> expected;
    for (std::uint32_t i = 0; i < 5000; ++i) {
        const double t = coarse(rng) - 25;  // negative times occur in warm-ups
        const auto k = static_cast<event_class>(kind(rng));
        calendar.schedule(t, k, i);
        expected.push_back({make_key(t, event_order(k, i)), i, 0});
        if (i % 3 == 0) {  // interleave pops with pushes
            std::sort(expected.begin(), expected.end(), runs_before);
            CHECK(calendar.pop().id == expected.front().id);
            expected.erase(expected.begin());
        }
    }
    std::sort(expected.begin(), expected.end(), runs_before);
    for (const event& e : expected) CHECK(calendar.pop().id == e.id);
    CHECK(calendar.empty());
}
