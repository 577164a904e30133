#pragma once
// Call logs (ACD exports): one row per call, read as a stream so that memory does not grow
// with the log's length. Two formats:
//   generic         a CSV with a header naming the columns arrival, queue, answered_at or
//                   wait_s, end or handle_s, outcome, and optionally agent, customer,
//                   priority; a mapping renames them for real exports (arrival=start_time);
//   anonymous-bank  the Technion "Anonymous Bank" 17-column TSV (vru+line ... server).
// Malformed rows are not dropped silently: each is counted with its line and reason, and the
// reader fails (scenario_error, exit 2) once there are more than the allowed number.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ccsim::io {

enum class call_log_preset { generic, anonymous_bank };

/// "generic" or "anonymous-bank"; nullopt for anything else.
std::optional<call_log_preset> parse_call_log_preset(std::string_view text);

/// The canonical column names of the generic format, in the order the docs list them.
const std::vector<std::string>& call_log_columns();

struct call_log_options {
    call_log_preset preset = call_log_preset::generic;
    /// Canonical column -> the header name in the file ("arrival" -> "start_time").
    std::map<std::string, std::string> columns;
    /// More bad rows than this fail the read.
    long max_bad_rows = 100;
    /// Bad rows kept with their line and reason for the report (all are counted).
    std::size_t bad_rows_kept = 10;
};

/// Parses "arrival=start_time,queue=skill" into a column mapping. Throws config_error naming
/// the entry for an unknown canonical column, a missing '=', or a column given twice.
std::map<std::string, std::string> parse_column_mapping(std::string_view text);

enum class call_outcome { answered, abandoned };

/// One usable call. Times are seconds since 1970-01-01 00:00 in the log's wall-clock time.
/// The string views point into the reader's line buffer: valid only during the callback.
struct call_record {
    int line = 0;
    double arrival = 0.0;  // joined the agents' queue
    std::string_view queue;
    call_outcome outcome = call_outcome::answered;
    double wait = 0.0;           // in the queue until answered or until the caller hung up
    double handle = 0.0;         // answered calls: the service time
    double service_start = 0.0;  // answered calls: arrival + wait unless the log says
    std::string_view agent;      // empty when unknown
    std::string_view customer;   // empty when unknown (the bank's customer_id 0)
    std::string_view priority;   // empty when unknown
};

struct bad_row {
    int line = 0;
    std::string reason;
};

struct call_log_summary {
    std::string file;
    long rows = 0;  // data rows read (header and blank lines not counted)
    long used = 0;  // passed to the callback
    long bad = 0;
    std::vector<bad_row> first_bad;       // the first bad_rows_kept of them
    std::map<std::string, long> ignored;  // rows left out on purpose, by reason
};

/// Reads `path` row by row, calling `on_call` for each usable call. Throws scenario_error
/// for an unreadable file or header, and when bad rows exceed options.max_bad_rows (naming
/// the count and the first bad line and reason).
call_log_summary read_call_log(const std::filesystem::path& path, const call_log_options& options,
                               const std::function<void(const call_record&)>& on_call);

/// The same on text already in memory (tests); `name` is used in messages.
call_log_summary parse_call_log(const std::string& text, const std::string& name,
                                const call_log_options& options,
                                const std::function<void(const call_record&)>& on_call);

/// "Call log FILE: R rows, U calls used, B bad rows" with the rows left out by reason and the
/// first bad rows by line, one per line.
std::string call_log_report(const call_log_summary& log);

}  // namespace ccsim::io
