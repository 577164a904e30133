#pragma once
// Key paths into a scenario, for `ccsim whatif --vary KEY=CHANGE`: "queue.hotline.volume_scale",
// "group.trainees.shift.early.start". Tables in arrays are addressed by name. A change sets a
// value ("170s", "12"), scales it ("*1.2") or adds to it ("+2", "-3", "+30s") and is applied
// to the merged document before it becomes a scenario, so the file's usual checks run on the
// result.
#include <toml++/toml.h>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/errors.hpp"
#include "io/scenario_file.hpp"

namespace ccsim::io {

enum class change_kind {
    absolute,  // "170s", "12", "08:30", "lognormal"
    relative,  // "*1.2": multiplies a number or duration
    additive,  // "+2", "-3", "+30s": adds to a number, a duration or a time of day
};

struct value_change {
    change_kind kind = change_kind::absolute;
    std::string text;  // as written: "170s", "12", "*1.2", "+2", "-3", "*0.9", "+30s"
};

/// A change that cannot be read or does not fit the scenario. The message names the change
/// and the key path, never the command-line option that carried them: the caller adds that.
class change_error : public config_error {
  public:
    using config_error::config_error;
};

/// Reads a change; throws change_error for a malformed one ("*abc", "+", "").
value_change parse_value_change(std::string_view text);

/// Applies a change at `path`. A relative or additive change needs a base value: the one in
/// the document, else the key's default. Durations and times of day stay what they are (a time
/// of day moves with "+30min" and cannot be scaled); whole numbers stay whole (rounded to
/// nearest). "group.G.agents" for a group with shifts changes every shift's agents (with tours:
/// every shift that gives agents) and every tour's. Times by weekday: "day.open.Sat" changes
/// one weekday (a single time becomes a table of seven first), "day.open=+30min" every one.
/// Lists of days ("day.closed", "group.G.shift.S.days") take a whole value, days separated by
/// spaces or "none"; "group.G.tour.T.dates.2026-03-07" sets one date. Throws change_error for
/// an unknown path ("did you mean ...?") and for a change that does not fit the key.
void apply_change(toml::table& document, std::string_view path, const value_change& change);

/// load_scenario with changes applied, in order, between the merge and the checks: throws
/// change_error for a change (as apply_change), scenario_error when the changed scenario
/// breaks a rule of the file format.
loaded_scenario load_scenario_with_changes(
    const std::filesystem::path& file,
    const std::vector<std::pair<std::string, value_change>>& changes);

}  // namespace ccsim::io
