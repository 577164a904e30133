#include "io/forecast_csv.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/errors.hpp"
#include "core/limits.hpp"
#include "core/text.hpp"
#include "io/csv_line.hpp"
#include "io/input_file.hpp"
#include "io/iso_time.hpp"

namespace ccsim::io {

namespace {

constexpr std::string_view known_columns[] = {"interval_start", "calls", "aht_s", "patience_s",
                                              "weekday"};

struct column_index {
    int start = -1, calls = -1, aht = -1, patience = -1, day = -1;
};

std::vector<std::string> known_column_names() {
    return {std::begin(known_columns), std::end(known_columns)};
}

class row_reader {
  public:
    row_reader(const std::string& file, int line, std::string_view text)
        : file_(file), line_(line), text_(text), fields_(split_csv_line(text, file, line)) {}

    std::size_t size() const { return fields_.size(); }

    std::string_view field(int index, std::string_view column) const {
        if (index >= static_cast<int>(fields_.size()))
            throw scenario_error({file_, line_, static_cast<int>(text_.size()) + 1},
                                 std::string(column), "missing field");
        return trim(fields_[static_cast<std::size_t>(index)].text);
    }

    [[noreturn]] void fail(int index, std::string_view column, std::string rule) const {
        throw scenario_error({file_, line_, column_of(index)}, std::string(column), std::move(rule),
                             fmt::format("'{}'", field(index, column)));
    }

    double number(int index, std::string_view column, bool positive) const {
        const std::string_view text = field(index, column);
        const std::optional<double> value = parse_number(text);
        const char* rule = positive ? "must be a number > 0" : "must be a number >= 0";
        if (text.empty()) fail(index, column, fmt::format("{}, not empty", rule));
        if (!value || !std::isfinite(*value) || *value < 0.0 || (positive && *value == 0.0))
            fail(index, column, rule);
        return *value;
    }

    int column_of(int index) const {
        return index < static_cast<int>(fields_.size())
                   ? fields_[static_cast<std::size_t>(index)].column
                   : static_cast<int>(text_.size()) + 1;
    }

  private:
    const std::string& file_;
    int line_;
    std::string_view text_;
    std::vector<csv_field> fields_;
};

column_index read_header(const std::string& file, int line, std::string_view text) {
    column_index index;
    require_comma_separated(text, file, line, "interval_start,calls,aht_s[,patience_s]");
    const std::vector<csv_field> names = split_csv_line(text, file, line);
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string name(trim(names[i].text));
        const int column = names[i].column;
        int* slot = name == "interval_start" ? &index.start
                    : name == "calls"        ? &index.calls
                    : name == "aht_s"        ? &index.aht
                    : name == "patience_s"   ? &index.patience
                    : name == "weekday"      ? &index.day
                                             : nullptr;
        if (!slot) {
            const std::string hint = closest_match(name, known_column_names());
            throw scenario_error({file, line, column}, name,
                                 hint.empty()
                                     ? "unknown column; the header is interval_start,calls,aht_s"
                                       "[,patience_s]"
                                     : fmt::format("unknown column; did you mean '{}'?", hint));
        }
        if (*slot >= 0) throw scenario_error({file, line, column}, name, "column appears twice");
        *slot = static_cast<int>(i);
    }
    for (auto [slot, name] : {std::pair{index.start, "interval_start"},
                              std::pair{index.calls, "calls"}, std::pair{index.aht, "aht_s"}}) {
        if (slot < 0)
            throw scenario_error({file, line, 1}, name,
                                 "required column is missing; the header is "
                                 "interval_start,calls,aht_s[,patience_s]");
    }
    return index;
}

std::optional<std::pair<seconds, forecast_form>> parse_start(std::string_view text) {
    if (auto t = parse_iso_date_time(text)) return std::pair{*t, forecast_form::iso};
    if (auto t = parse_time_of_day(text)) return std::pair{*t, forecast_form::clock};
    if (auto n = parse_number(text); n && std::isfinite(*n) && *n >= 0.0)
        return std::pair{seconds{*n}, forecast_form::offset};
    return std::nullopt;
}

// The weekday form: the row's weekday and its start as seconds since Monday 00:00, so that a
// week's rows read in order like any other form.
void read_weekday(const row_reader& row, const column_index& columns, forecast_row& r) {
    const std::string_view text = row.field(columns.day, "weekday");
    r.day = parse_weekday(text);
    if (!r.day) {
        const std::string hint = closest_weekday(text);
        row.fail(columns.day, "weekday",
                 hint.empty() ? "must be a weekday such as Mon or Monday"
                              : fmt::format("must be a weekday such as Mon or Monday; did you "
                                            "mean '{}'?",
                                            hint));
    }
    const std::optional<seconds> clock = parse_time_of_day(r.label);
    if (!clock || *clock >= seconds{seconds_per_day})
        row.fail(columns.start, "interval_start",
                 "must be a time of day HH:MM before 24:00 beside a weekday column");
    r.start = *clock + seconds{static_cast<double>(*r.day) * seconds_per_day};
    r.label = fmt::format("{} {}", weekday_name(*r.day), r.label);
}

// Whether row i continues row i - 1's profile. A typical week's days are separate profiles:
// the scenario's grid lines them up, not the file.
bool same_profile(const forecast& f, std::size_t i) {
    return f.form != forecast_form::weekday || f.rows[i].day == f.rows[i - 1].day;
}

void set_interval(forecast& result, std::optional<seconds> given, std::string_view advice,
                  int header_line) {
    const auto& rows = result.rows;
    if (given) {
        result.interval = *given;
    } else {
        std::optional<double> smallest;
        for (std::size_t i = 1; i < rows.size(); ++i)
            if (same_profile(result, i)) {
                const double step = rows[i].start.count() - rows[i - 1].start.count();
                smallest = std::min(smallest.value_or(step), step);
            }
        if (!smallest)
            throw scenario_error(
                {result.file, header_line, 0}, "interval_start",
                fmt::format("cannot infer the interval length from a single row; give {}", advice));
        result.interval = seconds{*smallest};
    }
    for (std::size_t i = 1; i < rows.size(); ++i) {
        if (!same_profile(result, i)) continue;
        const double step = rows[i].start.count() - rows[i - 1].start.count();
        const double multiple = step / result.interval.count();
        if (step < result.interval.count() - 1e-9 ||
            std::abs(multiple - std::round(multiple)) > 1e-9)
            throw scenario_error(
                {result.file, rows[i].line, 1}, "interval_start",
                fmt::format("must follow the previous start ({}) by a whole number of {} "
                            "intervals",
                            rows[i - 1].label, format_duration(result.interval)),
                fmt::format("'{}'", rows[i].label));
    }
}

}  // namespace

forecast parse_forecast_csv(const std::string& text, const std::string& name,
                            std::optional<seconds> interval, std::string_view interval_advice) {
    forecast result;
    result.file = name;
    std::istringstream in(text);
    std::string line;
    int line_number = 0, header_line = 0;
    std::optional<column_index> columns;
    std::optional<forecast_form> form;
    while (std::getline(in, line)) {
        ++line_number;
        std::string_view view = line;
        if (line_number == 1 && view.starts_with("\xEF\xBB\xBF")) view.remove_prefix(3);
        if (trim(view).empty() || trim(view).starts_with('#')) continue;
        if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
        if (!columns) {
            columns = read_header(result.file, line_number, view);
            header_line = line_number;
            continue;
        }
        if (result.rows.size() >= limits::forecast_rows)
            throw scenario_error(
                {result.file, line_number, 0}, "",
                fmt::format("a forecast has at most {} interval rows", limits::forecast_rows));
        const row_reader row(result.file, line_number, view);
        forecast_row r;
        r.line = line_number;
        r.label = std::string(row.field(columns->start, "interval_start"));
        if (columns->day >= 0) {
            read_weekday(row, *columns, r);
            form = forecast_form::weekday;
        } else {
            const auto start = parse_start(r.label);
            if (!start)
                row.fail(columns->start, "interval_start",
                         "must be HH:MM, an ISO date-time such as 2026-03-02T08:30, or seconds "
                         "from the start");
            if (form && *form != start->second)
                row.fail(columns->start, "interval_start",
                         "must use the same form (HH:MM, ISO date-time or seconds) as the first "
                         "row");
            form = start->second;
            r.start = start->first;
        }
        r.calls = row.number(columns->calls, "calls", false);
        r.aht = seconds{row.number(columns->aht, "aht_s", true)};
        if (columns->patience >= 0)
            r.patience = seconds{row.number(columns->patience, "patience_s", true)};
        if (r.day && !result.rows.empty() && *r.day < *result.rows.back().day)
            row.fail(columns->day, "weekday",
                     fmt::format("must not come before the previous row's ({}): a week's rows "
                                 "go from Monday to Sunday",
                                 weekday_name(*result.rows.back().day)));
        if (!result.rows.empty() && r.start <= result.rows.back().start)
            row.fail(columns->start, "interval_start",
                     fmt::format("must be later than the previous row's ({})",
                                 result.rows.back().label));
        result.rows.push_back(std::move(r));
    }
    if (!columns)
        throw scenario_error({result.file, 0, 0}, "",
                             "file is empty; expected the header interval_start,calls,aht_s");
    if (result.rows.empty())
        throw scenario_error({result.file, header_line, 0}, "",
                             "no interval rows after the header");
    result.form = *form;
    if (interval && !(interval->count() > 0.0))
        throw config_error(
            fmt::format("interval: must be > 0 (got {})", format_duration(*interval)));
    set_interval(result, interval, interval_advice, header_line);
    return result;
}

forecast read_forecast_csv(const std::filesystem::path& path, std::optional<seconds> interval,
                           std::string_view interval_advice) {
    const std::optional<std::string> text = read_input_file(path);
    if (!text)
        throw scenario_error({path.string(), 0, 0}, "",
                             unreadable(path, "forecast file").value_or("cannot read the file"));
    return parse_forecast_csv(*text, path.string(), interval, interval_advice);
}

}  // namespace ccsim::io
