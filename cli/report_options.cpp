#include "cli/report_options.hpp"

#include <fmt/format.h>
#include <cstdlib>
#include <ctime>
#include <iostream>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "io/atomic_file.hpp"

namespace ccsim::cli {

void add_language_option(po::options_description& options) {
    options.add_options()("lang", po::value<std::string>(),
                          "report language: en or zh (default: zh when LANG starts with zh, "
                          "else en); tables change language only when given");
}

void add_excel_option(po::options_description& options) {
    options.add_options()("excel",
                          "CSV for Excel: start every CSV written with a UTF-8 byte order mark "
                          "(Chinese names open ungarbled)");
}

report::csv_encoding read_excel_option(const po::variables_map& values) {
    return values.count("excel") ? report::csv_encoding::excel : report::csv_encoding::plain;
}

std::optional<report::language> read_language_option(const po::variables_map& values) {
    const std::string* text = given(values, "lang");
    if (!text) return std::nullopt;
    const std::optional<report::language> l = report::parse_language(*text);
    if (!l) throw config_error(fmt::format("--lang: must be en or zh (got '{}')", *text));
    return l;
}

report::language report_language(std::optional<report::language> given) {
    if (given) return *given;
    const char* locale = std::getenv("LANG");
    return locale ? report::language_of_locale(locale) : report::language::en;
}

namespace {
std::time_t now() {
    // Reproducible builds' convention: a fixed time makes identical runs identical pages.
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"))
        if (const std::optional<long> seconds = parse_integer(trim(epoch));
            seconds && *seconds >= 0)
            return static_cast<std::time_t>(*seconds);
    return std::time(nullptr);
}
}  // namespace

report::report_context report_context_for(std::optional<report::language> given) {
    const std::time_t t = now();
    std::tm utc{};
    gmtime_r(&t, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &utc);
    return {report_language(given), text};
}

void check_output_file(const std::filesystem::path& file) {
    std::error_code failure;
    if (std::filesystem::is_directory(file, failure))
        throw config_error(fmt::format("--out: '{}' is a folder; give a file name (e.g. {})",
                                       file.string(), (file / "report.html").string()));
    const std::filesystem::path folder = file.parent_path();
    if (!folder.empty() && !std::filesystem::is_directory(folder, failure))
        throw config_error(fmt::format("--out: the folder '{}' does not exist", folder.string()));
}

void write_output(const std::optional<std::filesystem::path>& file, std::string_view text) {
    if (file)
        io::write_file_atomically(*file, text);
    else
        std::cout << text;
}

}  // namespace ccsim::cli
