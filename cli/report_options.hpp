#pragma once
// --lang, shared by the commands that write reports (simulate, staff, whatif, batch), and
// what an HTML report needs from the world: the language (the option, else the environment's
// LANG) and the time it is written (SOURCE_DATE_EPOCH when set, for reproducible pages).
#include <filesystem>
#include <optional>
#include <string_view>

#include "cli/command_line.hpp"
#include "report/language.hpp"
#include "report/record.hpp"
#include "report/report_context.hpp"

namespace ccsim::cli {

void add_language_option(po::options_description& options);

/// --excel: CSV output (stdout, --out files and folders) starts with a UTF-8 byte order mark,
/// so that Excel opens names in Chinese ungarbled.
void add_excel_option(po::options_description& options);
report::csv_encoding read_excel_option(const po::variables_map& values);
/// --lang as given; nullopt when not given.
std::optional<report::language> read_language_option(const po::variables_map& values);

/// The language of an HTML report: --lang, else zh when LANG starts with "zh", else en.
/// (Terminal tables change language only when --lang is given.)
report::language report_language(std::optional<report::language> given);

/// The report's language and the time now (UTC), or SOURCE_DATE_EPOCH's.
report::report_context report_context_for(std::optional<report::language> given);

/// Throws config_error naming --out when `file` cannot be an output file: a folder, or in a
/// folder that does not exist. Checked when options are read, before any work is done.
void check_output_file(const std::filesystem::path& file);

/// Writes `text` to `file` atomically, or to stdout without one.
void write_output(const std::optional<std::filesystem::path>& file, std::string_view text);

}  // namespace ccsim::cli
