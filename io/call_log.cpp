#include "io/call_log.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <sstream>

#include "core/calendar.hpp"
#include "core/duration.hpp"
#include "core/errors.hpp"
#include "core/text.hpp"
#include "io/iso_time.hpp"

namespace ccsim::io {

namespace {

// A row that cannot be used; the reader records its line and reason and goes on.
struct row_problem {
    std::string reason;
};

// The fields of one row, looked up by column index. Comma-separated rows may quote a field
// ("a, b"; "" is a quote inside one), as spreadsheets export them.
class row_fields {
  public:
    row_fields(std::string_view text, char separator) {
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        if (separator == ',' && text.find('"') != std::string_view::npos)
            split_quoted(text);
        else
            fields_ = split(text, separator);
    }
    std::size_t size() const { return fields_.size(); }
    /// Empty for a column the file does not have (index < 0) or a row too short to hold it.
    std::string_view at(int index) const {
        if (index < 0 || static_cast<std::size_t>(index) >= fields_.size()) return {};
        return trim(fields_[static_cast<std::size_t>(index)]);
    }

  private:
    void split_quoted(std::string_view text) {
        std::string field;
        bool quoted = false;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const char ch = text[i];
            if (quoted) {
                if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field += ch;
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                owned_.push_back(std::move(field));
                field.clear();
            } else {
                field += ch;
            }
        }
        if (quoted) throw row_problem{"a quoted field is not closed"};
        owned_.push_back(std::move(field));
        for (const std::string& f : owned_) fields_.emplace_back(f);
    }

    std::vector<std::string> owned_;
    std::vector<std::string_view> fields_;
};

[[noreturn]] void reject(std::string_view column, std::string_view rule, std::string_view value) {
    throw row_problem{fmt::format("{}: {} (got '{}')", column, rule, value)};
}

double non_negative(std::string_view column, std::string_view text) {
    const std::optional<double> v = parse_number(text);
    if (!v || !std::isfinite(*v) || *v < 0.0) reject(column, "must be a number >= 0", text);
    return *v;
}

double date_time(std::string_view column, std::string_view text) {
    const std::optional<seconds> t = parse_iso_date_time(text);
    if (!t) reject(column, "must be a date-time such as 2026-03-02T08:30:15", text);
    return t->count();
}

// ---------------------------------------------------------------------------------------------
// Generic CSV
// ---------------------------------------------------------------------------------------------

enum generic_column {
    arrival,
    queue,
    answered_at,
    wait_s,
    end,
    handle_s,
    outcome,
    agent,
    customer,
    priority,
    column_count
};

const std::array<const char*, column_count> generic_names = {
    "arrival",  "queue",   "answered_at", "wait_s",   "end",
    "handle_s", "outcome", "agent",       "customer", "priority"};

struct generic_index {
    std::array<int, column_count> column;
    std::size_t fields = 0;  // in the header
    int operator[](int c) const { return column[static_cast<std::size_t>(c)]; }
    int& operator[](int c) { return column[static_cast<std::size_t>(c)]; }
};

generic_index read_generic_header(const std::string& file, int line, std::string_view text,
                                  const std::map<std::string, std::string>& mapping) {
    generic_index index;
    index.column.fill(-1);
    std::optional<row_fields> parsed;
    try {
        parsed.emplace(text, ',');
    } catch (const row_problem& problem) {
        throw scenario_error({file, line, 0}, "header", problem.reason);
    }
    const row_fields& header = *parsed;
    index.fields = header.size();
    std::map<std::string, int> position;
    for (std::size_t i = 0; i < header.size(); ++i)
        position.emplace(std::string(header.at(static_cast<int>(i))), static_cast<int>(i));
    for (int c = 0; c < column_count; ++c) {
        const auto mapped = mapping.find(generic_names[c]);
        const std::string name = mapped != mapping.end() ? mapped->second : generic_names[c];
        if (const auto found = position.find(name); found != position.end())
            index[c] = found->second;
        else if (mapped != mapping.end())
            throw scenario_error({file, line, 0}, generic_names[c],
                                 "mapped to a column the header does not have", name);
    }
    const auto require = [&](bool present, std::string_view what) {
        if (!present)
            throw scenario_error({file, line, 0}, std::string(what),
                                 "required column is missing from the header (rename one with "
                                 "a column mapping such as arrival=start_time)");
    };
    require(index[arrival] >= 0, "arrival");
    require(index[queue] >= 0, "queue");
    require(index[outcome] >= 0, "outcome");
    require(index[answered_at] >= 0 || index[wait_s] >= 0, "answered_at or wait_s");
    require(index[end] >= 0 || index[handle_s] >= 0, "end or handle_s");
    return index;
}

call_record read_generic_row(const row_fields& f, const generic_index& c) {
    if (f.size() != c.fields)
        throw row_problem{fmt::format("has {} fields, the header {}", f.size(), c.fields)};
    call_record r;
    r.arrival = date_time("arrival", f.at(c[arrival]));
    r.queue = f.at(c[queue]);
    if (r.queue.empty()) reject("queue", "must not be empty", "");
    const std::string outcome_text = lower_case(f.at(c[outcome]));
    if (outcome_text == "answered")
        r.outcome = call_outcome::answered;
    else if (outcome_text == "abandoned")
        r.outcome = call_outcome::abandoned;
    else
        reject("outcome", "must be answered or abandoned", f.at(c[outcome]));
    // The wait: given, or from the answer time; an abandoned call without wait_s waited
    // until it ended.
    if (c[wait_s] >= 0 && !f.at(c[wait_s]).empty())
        r.wait = non_negative("wait_s", f.at(c[wait_s]));
    else if (r.outcome == call_outcome::answered && c[answered_at] >= 0)
        r.wait = date_time("answered_at", f.at(c[answered_at])) - r.arrival;
    else if (r.outcome == call_outcome::abandoned && c[end] >= 0)
        r.wait = date_time("end", f.at(c[end])) - r.arrival;
    else
        reject(c[wait_s] >= 0 ? "wait_s" : "answered_at", "is needed to know the wait", "");
    if (r.wait < 0.0) reject("answered_at", "must not be before arrival", f.at(c[answered_at]));
    r.service_start = r.arrival + r.wait;
    if (r.outcome == call_outcome::answered) {
        if (c[handle_s] >= 0 && !f.at(c[handle_s]).empty())
            r.handle = non_negative("handle_s", f.at(c[handle_s]));
        else if (c[end] >= 0)
            r.handle = date_time("end", f.at(c[end])) - r.service_start;
        else
            reject("handle_s", "is needed for an answered call", "");
        if (r.handle < 0.0) reject("end", "must not be before the answer", f.at(c[end]));
    }
    r.agent = f.at(c[agent]);
    r.customer = f.at(c[customer]);
    r.priority = f.at(c[priority]);
    return r;
}

// ---------------------------------------------------------------------------------------------
// Anonymous Bank TSV
// ---------------------------------------------------------------------------------------------

constexpr std::array<const char*, 17> bank_names = {
    "vru+line",  "call_id",   "customer_id", "priority", "type",   "date",
    "vru_entry", "vru_exit",  "vru_time",    "q_start",  "q_exit", "q_time",
    "outcome",   "ser_start", "ser_exit",    "ser_time", "server"};
enum bank_column {
    b_customer = 2,
    b_priority = 3,
    b_type = 4,
    b_date = 5,
    b_vru_exit = 7,
    b_q_start = 9,
    b_q_time = 11,
    b_outcome = 12,
    b_ser_start = 13,
    b_ser_time = 15,
    b_server = 16
};

void check_bank_header(const std::string& file, int line, std::string_view text) {
    const row_fields header(text, '\t');
    for (std::size_t i = 0; i < bank_names.size(); ++i)
        if (i >= header.size() || header.at(static_cast<int>(i)) != bank_names[i])
            throw scenario_error(
                {file, line, 0}, bank_names[i],
                fmt::format("the anonymous-bank preset expects the 17 "
                            "tab-separated columns {} in this order",
                            fmt::join(bank_names, ",")),
                i < header.size() ? std::string(header.at(static_cast<int>(i))) : std::string{});
}

double bank_clock(std::string_view column, std::string_view text) {
    const std::optional<seconds> t = parse_time_of_day(text);
    if (!t) reject(column, "must be a time H:MM:SS", text);
    return t->count();
}

double bank_seconds(std::string_view column, std::string_view text) {
    const std::optional<long> v = parse_integer(text);
    if (!v || *v < 0) reject(column, "must be a whole number of seconds >= 0", text);
    return static_cast<double>(*v);
}

// YYMMDD: years 00-49 are 20YY, 50-99 are 19YY.
double bank_date(std::string_view text) {
    const std::optional<long> v = parse_integer(text);
    if (text.size() != 6 || !v) reject("date", "must be a date YYMMDD", text);
    const long yy = *v / 10000;
    const std::optional<civil_date> d =
        make_date(static_cast<int>(yy < 50 ? 2000 + yy : 1900 + yy),
                  static_cast<unsigned>(*v / 100 % 100), static_cast<unsigned>(*v % 100));
    if (!d) reject("date", "must be a date YYMMDD", text);
    return static_cast<double>(d->days) * seconds_per_day;
}

// nullopt: a row left out on purpose (its reason goes to `ignored`).
std::optional<call_record> read_bank_row(const row_fields& f, std::string& ignored_reason) {
    if (f.size() != bank_names.size())
        throw row_problem{fmt::format("has {} fields, the anonymous-bank preset 17", f.size())};
    const std::string_view outcome_text = f.at(b_outcome);
    call_record r;
    if (outcome_text == "PHANTOM") {
        ignored_reason = "PHANTOM (the data's own marker for calls to ignore)";
        return std::nullopt;
    }
    if (outcome_text == "AGENT")
        r.outcome = call_outcome::answered;
    else if (outcome_text == "HANG")
        r.outcome = call_outcome::abandoned;
    else
        reject("outcome", "must be AGENT, HANG or PHANTOM", outcome_text);
    const double day = bank_date(f.at(b_date));
    // A call joins the agents' queue when it leaves the VRU.
    r.arrival = day + bank_clock("vru_exit", f.at(b_vru_exit));
    r.wait = bank_seconds("q_time", f.at(b_q_time));
    // q_start 0:00:00 with no wait: a HANG that never reached the queue (hung up in the VRU or
    // during the transfer); not an abandonment from the agents' queue.
    if (r.outcome == call_outcome::abandoned && r.wait == 0.0 && f.at(b_q_start) == "0:00:00") {
        ignored_reason = "HANG before reaching the queue (q_start 0:00:00, q_time 0)";
        return std::nullopt;
    }
    r.queue = f.at(b_type);
    if (r.queue.empty()) reject("type", "must not be empty", "");
    r.service_start = r.arrival + r.wait;
    if (r.outcome == call_outcome::answered) {
        r.handle = bank_seconds("ser_time", f.at(b_ser_time));
        double start = day + bank_clock("ser_start", f.at(b_ser_start));
        // A service that starts after midnight is stamped with the small clock time.
        if (start < r.arrival - 3600.0) start += seconds_per_day;
        r.service_start = start;
        if (f.at(b_server) != "NO_SERVER") r.agent = f.at(b_server);
    }
    if (f.at(b_customer) != "0") r.customer = f.at(b_customer);
    r.priority = f.at(b_priority);
    return r;
}

void note_bad(call_log_summary& summary, const call_log_options& options, int line,
              std::string reason) {
    ++summary.bad;
    if (summary.first_bad.size() < options.bad_rows_kept)
        summary.first_bad.push_back({line, std::move(reason)});
}

call_log_summary read_stream(std::istream& in, const std::string& name,
                             const call_log_options& options,
                             const std::function<void(const call_record&)>& on_call) {
    call_log_summary summary;
    summary.file = name;
    std::string line;
    int number = 0;
    std::optional<generic_index> generic;
    bool header_read = false;
    std::string ignored_reason;
    while (std::getline(in, line)) {
        ++number;
        if (trim(line).empty()) continue;
        if (!header_read) {
            if (options.preset == call_log_preset::anonymous_bank)
                check_bank_header(name, number, line);
            else
                generic = read_generic_header(name, number, line, options.columns);
            header_read = true;
            continue;
        }
        ++summary.rows;
        try {
            // The record's text points into the fields (quoted ones are copies): they must live
            // until the callback returns.
            const row_fields fields(line, generic ? ',' : '\t');
            const std::optional<call_record> record =
                generic ? std::optional(read_generic_row(fields, *generic))
                        : read_bank_row(fields, ignored_reason);
            if (!record) {
                ++summary.ignored[ignored_reason];
                continue;
            }
            call_record call = *record;
            call.line = number;
            ++summary.used;
            on_call(call);
        } catch (const row_problem& problem) {
            note_bad(summary, options, number, problem.reason);
        }
    }
    if (!header_read) throw scenario_error({name, 1, 0}, "header", "the file is empty");
    if (summary.bad > options.max_bad_rows) {
        const bad_row& first = summary.first_bad.front();
        throw scenario_error(
            {name, first.line, 0}, "rows",
            fmt::format("{} of {} rows are malformed, more than the {} allowed (the first: {})",
                        summary.bad, summary.rows, options.max_bad_rows, first.reason));
    }
    return summary;
}

}  // namespace

std::optional<call_log_preset> parse_call_log_preset(std::string_view text) {
    if (text == "generic") return call_log_preset::generic;
    if (text == "anonymous-bank") return call_log_preset::anonymous_bank;
    return std::nullopt;
}

const std::vector<std::string>& call_log_columns() {
    static const std::vector<std::string> names(generic_names.begin(), generic_names.end());
    return names;
}

std::map<std::string, std::string> parse_column_mapping(std::string_view text) {
    std::map<std::string, std::string> mapping;
    for (std::string_view entry : split(text, ',')) {
        entry = trim(entry);
        const std::size_t eq = entry.find('=');
        if (eq == std::string_view::npos || trim(entry.substr(eq + 1)).empty())
            throw config_error(fmt::format(
                "--columns: each entry is COLUMN=HEADER, such as arrival=start_time (got '{}')",
                entry));
        const std::string column(trim(entry.substr(0, eq)));
        const auto& known = call_log_columns();
        if (std::find(known.begin(), known.end(), column) == known.end()) {
            const std::string hint = closest_match(column, known);
            throw config_error(fmt::format(
                "--columns: unknown column '{}'{}; the columns are {}", column,
                hint.empty() ? "" : " (did you mean '" + hint + "'?)", fmt::join(known, ", ")));
        }
        if (!mapping.emplace(column, std::string(trim(entry.substr(eq + 1)))).second)
            throw config_error(fmt::format("--columns: column '{}' is mapped twice", column));
    }
    return mapping;
}

call_log_summary read_call_log(const std::filesystem::path& path, const call_log_options& options,
                               const std::function<void(const call_record&)>& on_call) {
    std::ifstream in(path);
    if (!in)
        throw scenario_error({path.string(), 0, 0}, "call log", "cannot open the file for reading");
    return read_stream(in, path.string(), options, on_call);
}

std::string call_log_report(const call_log_summary& log) {
    std::string out = fmt::format("Call log {}: {} rows, {} calls used, {} bad rows\n", log.file,
                                  log.rows, log.used, log.bad);
    for (const auto& [reason, count] : log.ignored)
        out += fmt::format("  left out: {} {}\n", count, reason);
    for (const auto& b : log.first_bad)
        out += fmt::format("  bad row: line {}: {}\n", b.line, b.reason);
    if (log.bad > static_cast<long>(log.first_bad.size()))
        out += fmt::format("  ... and {} more bad rows\n",
                           log.bad - static_cast<long>(log.first_bad.size()));
    return out;
}

call_log_summary parse_call_log(const std::string& text, const std::string& name,
                                const call_log_options& options,
                                const std::function<void(const call_record&)>& on_call) {
    std::istringstream in(text);
    return read_stream(in, name, options, on_call);
}

}  // namespace ccsim::io
