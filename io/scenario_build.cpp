#include "io/scenario_build.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "io/checked_table.hpp"
#include "io/duration_slips.hpp"
#include "io/handle_time_samples.hpp"
#include "io/input_file.hpp"
#include "io/opening_hours.hpp"
#include "io/plan_settings.hpp"
#include "io/queue_classes.hpp"
#include "io/scenario_calendar.hpp"
#include "io/scenario_channels.hpp"
#include "io/scenario_grid.hpp"
#include "io/scenario_roster.hpp"
#include "io/scenario_schema.hpp"
#include "io/toml_values.hpp"

namespace ccsim::io {

namespace {

struct build_context {
    const scenario_document& document;
    std::vector<std::string> files;  // sample files read

    void note(const std::string& file) {
        if (std::find(files.begin(), files.end(), file) == files.end()) files.push_back(file);
    }
};

sim::distribution_kind kind_of(const std::string& name) {
    using enum sim::distribution_kind;
    if (name == "lognormal") return lognormal;
    if (name == "gamma") return gamma;
    if (name == "weibull") return weibull;
    if (name == "erlang") return erlang;
    if (name == "deterministic") return deterministic;
    if (name == "empirical") return empirical;
    return exponential;
}

// The samples divided by their mean, so that the shape has mean 1 like every other shape.
std::vector<double> read_samples(const checked_table& t, build_context& context) {
    const toml::node* file = t.node("file");
    if (!file) t.fail("file", "is required with distribution = 'empirical'");
    const std::filesystem::path path = context.document.resolve(*file, file->as_string()->get());
    if (const auto reason = unreadable(path, "handle time file")) t.fail("file", *reason);
    context.note(path.string());
    std::vector<double> samples = read_handle_time_samples(path);
    const double mean =
        std::accumulate(samples.begin(), samples.end(), 0.0) / static_cast<double>(samples.size());
    for (double& v : samples) v /= mean;
    return samples;
}

sim::distribution_shape read_shape(const checked_table& t, build_context& context) {
    sim::distribution_shape shape;
    shape.kind = kind_of(t.text("distribution"));
    // cv and phases only mean something for the kinds that have them; elsewhere they are ignored.
    if (shape.kind == sim::distribution_kind::lognormal ||
        shape.kind == sim::distribution_kind::gamma ||
        shape.kind == sim::distribution_kind::weibull)
        shape.cv = t.number("cv");
    if (shape.kind == sim::distribution_kind::erlang)
        shape.phases = static_cast<int>(t.integer("phases"));
    if (shape.kind == sim::distribution_kind::empirical) shape.samples = read_samples(t, context);
    return shape;
}

sim::timed_distribution read_timed(const checked_table& t, build_context& context) {
    return {read_shape(t, context), t.duration("mean")};
}

std::optional<sim::timed_distribution> read_patience(const checked_table& q,
                                                     const queue_demand& demand,
                                                     build_context& context) {
    const toml::node* node = q.node("patience");
    if (!node) {
        // A forecast's patience_s column stands in when the file gives no patience table.
        if (demand.forecast_patience) return sim::timed_distribution{{}, *demand.forecast_patience};
        return std::nullopt;
    }
    if (!node->is_table()) return std::nullopt;  // "none"
    return read_timed(q.table("patience"), context);
}

sim::queue_spec read_queue(const checked_table& q, queue_demand&& demand, build_context& context) {
    sim::queue_spec spec;
    spec.name = q.text("name");
    spec.handle_time = read_shape(q.table("handle_time"), context);
    spec.patience = read_patience(q, demand, context);
    if (q.has("routing_delay")) spec.routing_delay = read_timed(q.table("routing_delay"), context);
    const checked_table redial = q.table("redial");
    spec.redial.probability = redial.number("probability");
    spec.redial.delay = read_timed(redial.table("delay"), context);
    spec.redial.max_redials = static_cast<int>(redial.integer("max"));
    spec.threshold = q.duration("threshold");
    spec.calls = std::move(demand.calls);
    spec.aht = std::move(demand.aht);
    return spec;
}

std::vector<sim::skill> read_skills(const checked_table& g,
                                    const std::vector<std::string>& queues) {
    std::vector<sim::skill> skills;
    for (const checked_table& element : g.array_elements("skills")) {
        const toml::node& name_node = element.table() ? *element.node("queue") : *element.owner();
        const std::string& name = name_node.as_string()->get();
        const auto found = std::find(queues.begin(), queues.end(), name);
        if (found == queues.end()) {
            const std::string hint = closest_match(name, queues);
            throw scenario_error(
                location_of(name_node), g.key("skills"),
                hint.empty() ? fmt::format("names no queue; queues are {}", fmt::join(queues, ", "))
                             : fmt::format("names no queue; did you mean '{}'?", hint),
                written(name_node));
        }
        const auto queue = static_cast<std::size_t>(found - queues.begin());
        if (std::any_of(skills.begin(), skills.end(),
                        [&](const sim::skill& k) { return k.queue == queue; }))
            throw scenario_error(location_of(name_node), g.key("skills"),
                                 "names the same queue twice", written(name_node));
        const int priority = element.table() ? static_cast<int>(element.integer("priority")) : 1;
        const int preference =
            element.table() ? static_cast<int>(element.integer("preference")) : 1;
        skills.push_back({queue, priority, preference});
    }
    return skills;
}

sim::group_spec read_group(const checked_table& g, const sim::scenario& s,
                           const std::vector<std::string>& planned, build_context& context) {
    std::vector<std::string> queues;
    for (const sim::queue_spec& q : s.queues) queues.push_back(q.name);
    sim::group_spec group;
    group.name = g.text("name");
    group.skills = read_skills(g, queues);
    group.handle_time_factor = g.number("handle_time_factor");
    group.absenteeism = g.number("absenteeism");
    if (g.node("after_call_work"))
        group.after_call_work = read_timed(g.table("after_call_work"), context);
    if (g.node("not_ready")) {
        const checked_table nr = g.table("not_ready");
        group.not_ready = sim::not_ready_model{nr.number("share"),
                                               {read_shape(nr, context), nr.duration("length")}};
    }
    const bool is_planned = std::find(planned.begin(), planned.end(), group.name) != planned.end();
    group_roster roster = read_roster(g, s, is_planned);
    group.shifts = std::move(roster.shifts);
    group.tours = std::move(roster.tours);
    return group;
}

run_settings read_run(const checked_table& run) {
    run_settings settings;
    if (const auto v = run.given_integer("replications"))
        settings.replications = static_cast<int>(*v);
    if (const auto v = run.given_integer("seed")) settings.seed = static_cast<std::uint64_t>(*v);
    if (const auto v = run.given_integer("threads")) settings.threads = static_cast<int>(*v);
    return settings;
}

}  // namespace

loaded_scenario build_scenario(const scenario_document& document) {
    check_document(document.table);
    const checked_table root(&document.table, &document.table, "", scenario_keys());
    build_context context{document, {}};
    loaded_scenario result;
    result.file = document.file;
    result.warnings = duration_slips(document.table);
    result.run = read_run(root.table("run"));
    sim::scenario& s = result.model;
    s.name = root.given_text("name").value_or(std::filesystem::path(document.file).stem().string());

    const checked_table day = root.table("day");
    check_opening_times(day);
    s.busyness_cv = day.number("busyness_cv");
    s.warmup = day.duration("warmup");

    const checked_table targets = root.table("targets");
    s.service_level_target = targets.given_number("service_level");
    s.answer_rate_target = targets.given_number("answer_rate");

    const std::vector<checked_table> queues = root.elements("queue");
    const demand_sources demand = read_demand(document, day, queues);
    calendar_choice calendar = choose_calendar(root.table("calendar"), hints_of(demand));
    demand_grid grid = build_demand_grid(demand, day, calendar, earliest_opening(day));
    s.calendar = calendar.calendar;
    s.day_start = grid.day_start;
    s.interval = grid.interval;
    s.interval_count = grid.interval_count;
    s.open_periods = opening_periods(day, s);
    const timed_reader timed = [&](const checked_table& t) { return read_timed(t, context); };
    for (std::size_t i = 0; i < queues.size(); ++i) {
        s.queues.push_back(read_queue(queues[i], std::move(grid.queues[i]), context));
        read_queue_channel(queues[i], s.queues.back(), s, timed);
    }
    link_queues(queues, s);
    const std::vector<std::string> planned = planned_group_names(root);
    for (const checked_table& g : root.elements("group")) {
        s.groups.push_back(read_group(g, s, planned, context));
        read_group_channel(g, s.groups.back(), s);
    }
    // A chat, back-office or outbound queue nobody serves would only fill up (every chat
    // abandoned, every complaint late): almost always a skill left out, so it is an error
    // rather than a silent result. (An unserved voice queue stays allowed, as it always was:
    // its calls are counted as abandoned or waiting at the end.)
    for (std::size_t q = 0; q < s.queues.size(); ++q) {
        if (s.queues[q].channel == sim::channel_kind::voice) continue;
        const bool served = std::any_of(s.groups.begin(), s.groups.end(), [&](const auto& g) {
            return std::any_of(g.skills.begin(), g.skills.end(),
                               [&](const sim::skill& k) { return k.queue == q; });
        });
        if (!served)
            queues[q].fail("name", fmt::format("no group serves queue '{}': add it to the skills "
                                               "of a group",
                                               s.queues[q].name));
    }
    split_queue_classes(s, read_queue_classes(queues, s, timed));
    if (root.has("plan")) result.plan = read_plan(root.table("plan"), s);
    // The file checks above catch everything the engine rejects; this is the safety net.
    sim::validate(s);

    result.sources = document.sources;
    for (const std::vector<std::string>* files : {&demand.files, &std::as_const(context.files)})
        for (const std::string& f : *files)
            if (std::find(result.sources.begin(), result.sources.end(), f) == result.sources.end())
                result.sources.push_back(f);
    return result;
}

}  // namespace ccsim::io
