#pragma once
// Typed reading of a table that check_document has already passed: a missing key reads as its
// default from the schema, and context checks (a shift's end after its start...) fail at the
// value with the file, line, column and key path.
#include <toml++/toml.h>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/duration.hpp"
#include "core/errors.hpp"
#include "io/scenario_schema.hpp"

namespace ccsim::io {

class checked_table {
  public:
    /// `table` may be null: a table the file leaves out, read as all defaults. `owner` is
    /// where errors about it point then.
    checked_table(const toml::table* table, const toml::node* owner, std::string path,
                  std::span<const key_spec> keys);

    const std::string& path() const { return path_; }
    std::string key(std::string_view name) const { return join_key(path_, name); }
    const toml::table* table() const { return table_; }

    /// The value at `name`, or null when the file leaves it out.
    const toml::node* node(std::string_view name) const;
    bool has(std::string_view name) const { return node(name) != nullptr; }

    // The value, or the schema default; a key without either is a programming error.
    double number(std::string_view name) const;
    long integer(std::string_view name) const;
    seconds duration(std::string_view name) const;
    seconds time_of_day(std::string_view name) const;
    std::string text(std::string_view name) const;
    bool flag(std::string_view name) const;

    // The value, or nullopt when the file leaves it out (defaults do not apply).
    std::optional<double> given_number(std::string_view name) const;
    std::optional<long> given_integer(std::string_view name) const;
    std::optional<seconds> given_duration(std::string_view name) const;
    std::optional<seconds> given_time_of_day(std::string_view name) const;
    std::optional<std::string> given_text(std::string_view name) const;

    /// A sub-table; all defaults when the file leaves it out.
    checked_table table(std::string_view name) const;

    /// The elements of a table array, each with its key path by name.
    std::vector<checked_table> elements(std::string_view name) const;

    /// The elements of a plain array, keyed "path.name[n]" counting from 1. An element that is
    /// not a table reads with table() null and owner() the element.
    std::vector<checked_table> array_elements(std::string_view name) const;

    /// The node errors about this table point at when the file leaves it out.
    const toml::node* owner() const { return owner_; }

    /// The file, line and column of the table (or of its owner when the file leaves it out).
    file_location where() const;

    /// Fails at the value of `name` (at the table when it is missing), showing the value.
    [[noreturn]] void fail(std::string_view name, std::string rule) const;

    /// Fails at the table itself, keyed by its own path.
    [[noreturn]] void fail_here(std::string rule) const;

  private:
    std::string_view fallback(std::string_view name) const;

    const toml::table* table_;
    const toml::node* owner_;
    std::string path_;
    std::span<const key_spec> keys_;
};

}  // namespace ccsim::io
