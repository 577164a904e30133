#include "cli/target_options.hpp"

#include "cli/option_values.hpp"
#include "core/errors.hpp"

namespace ccsim::cli {

void add_target_options(po::options_description& options) {
    // clang-format off
    options.add_options()
        ("threshold", po::value<std::string>()->default_value("15s"),
         "answer threshold T of the service level")
        ("sl", po::value<std::string>(), "service level target: share answered within T, e.g. 0.9")
        ("sl-basis", po::value<std::string>()->default_value("offered"),
         "what the service level is a share of: offered or answered calls")
        ("answer-rate", po::value<std::string>(), "target share of offered calls answered, e.g. 0.9")
        ("asa", po::value<std::string>(), "ceiling on the mean wait of answered calls, e.g. 30s")
        ("max-abandon", po::value<std::string>(), "ceiling on the share of calls abandoned")
        ("max-occupancy", po::value<std::string>(), "ceiling on agent occupancy, e.g. 0.85")
        ("shrinkage", po::value<std::string>()->default_value("0"),
         "share of paid time off the phones; scheduled = ceil(agents / (1 - shrinkage))")
        ("fractional", "also report the real-valued (fractional) requirement")
        ("max-agents", po::value<std::string>()->default_value("100000"),
         "largest agent count the solver will consider");
    // clang-format on
}

seconds read_threshold(const po::variables_map& values) {
    return positive_duration_option("threshold", values["threshold"].as<std::string>());
}

erlang::staffing_targets read_targets(const po::variables_map& values) {
    erlang::staffing_targets targets;
    if (const std::string* sl = given(values, "sl")) {
        service_level_target target;
        target.fraction = fraction_option("sl", *sl);
        target.threshold = read_threshold(values);
        const std::string& basis = values["sl-basis"].as<std::string>();
        if (basis == "answered")
            target.basis = service_level_basis::answered;
        else if (basis != "offered")
            throw config_error("--sl-basis: must be offered or answered (got '" + basis + "')");
        targets.service_level = target;
    }
    if (const std::string* v = given(values, "answer-rate"))
        targets.answer_rate = fraction_option("answer-rate", *v);
    if (const std::string* v = given(values, "asa"))
        targets.asa = positive_duration_option("asa", *v);
    if (const std::string* v = given(values, "max-abandon"))
        targets.max_abandon = fraction_option("max-abandon", *v);
    if (const std::string* v = given(values, "max-occupancy"))
        targets.max_occupancy = positive_option("max-occupancy", *v, 1.0);
    return targets;
}

erlang::staffing_options read_staffing_options(const po::variables_map& values) {
    erlang::staffing_options options;
    options.threshold = read_threshold(values);
    options.shrinkage = shrinkage_option("shrinkage", values["shrinkage"].as<std::string>());
    options.fractional = values.count("fractional") > 0;
    options.max_agents =
        count_option("max-agents", values["max-agents"].as<std::string>(), 1L, limits::agents);
    return options;
}

}  // namespace ccsim::cli
