#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <variant>
#include <vector>

#include "batch/finished_result.hpp"
#include "batch/input_hash.hpp"
#include "batch/run_batch.hpp"
#include "batch/scenario_list.hpp"
#include "core/errors.hpp"
#include "scratch_folder.hpp"

using namespace ccsim;
using namespace ccsim::batch;
namespace fs = std::filesystem;
using ccsim::test::scratch_folder;

namespace {

constexpr const char* tiny_scenario =
    "name = \"tiny\"\n[day]\ninterval = \"1h\"\nopen = \"08:00\"\nclose = \"10:00\"\n"
    "[[queue]]\nname = \"calls\"\nvolumes = [20, 20]\naht = \"3min\"\n"
    "[[group]]\nname = \"agents\"\nskills = [\"calls\"]\nagents = 2\n";

std::vector<std::string> names_of(const std::vector<scenario_item>& items) {
    std::vector<std::string> names;
    for (const scenario_item& item : items) names.push_back(item.name);
    return names;
}

}  // namespace

TEST_CASE("batch scenarios: folders sorted, named by relative path, names made unique") {
    const scratch_folder in("batch_collect");
    in.write("folder/b.toml", tiny_scenario);
    in.write("folder/a.toml", tiny_scenario);
    in.write("folder/north/hotline.toml", tiny_scenario);
    in.write("folder/notes.txt", "not a scenario");
    const fs::path single = in.write("a.toml", tiny_scenario);
    const std::vector<scenario_item> items =
        collect_scenarios({(in.path / "folder").string(), single.string()});
    CHECK(names_of(items) == std::vector<std::string>{"a", "b", "north_hotline", "a_2"});
    CHECK(items[0].file == in.path / "folder" / "a.toml");
    CHECK(items[3].shown == single.string());

    CHECK_THROWS_WITH_AS(collect_scenarios({(in.path / "missing").string()}),
                         ((in.path / "missing").string() + ": no such file or folder").c_str(),
                         config_error);
    fs::create_directories(in.path / "empty");
    CHECK_THROWS_WITH_AS(collect_scenarios({(in.path / "empty").string()}),
                         "no scenario files (*.toml) in the inputs", config_error);
}

TEST_CASE("batch input hash: the same inputs give the same hash, any change another") {
    const scratch_folder in("batch_hash");
    const fs::path file = in.write("s.toml", tiny_scenario);
    const io::loaded_scenario loaded = io::load_scenario(file);
    const sim::run_options run{10, 1, 1};
    const std::string hash = input_hash(loaded, run, 0.95);
    CHECK(hash.size() == 16);
    CHECK(input_hash(io::load_scenario(file), {10, 1, 4}, 0.95) == hash);  // threads left out
    CHECK(input_hash(loaded, {10, 2, 1}, 0.95) != hash);
    CHECK(input_hash(loaded, {11, 1, 1}, 0.95) != hash);
    CHECK(input_hash(loaded, run, 0.9) != hash);
    in.write("s.toml", std::string(tiny_scenario) + "# a comment\n");
    CHECK(input_hash(io::load_scenario(file), run, 0.95) != hash);
}

TEST_CASE("batch run: failures isolated, results in file order, resume reuses what finished") {
    const scratch_folder in("batch_run");
    in.write("in/s1.toml", tiny_scenario);
    in.write("in/s2.toml", tiny_scenario);
    in.write("in/s3_broken.toml", "name = \"broken\"\n[[queue]]\nname = \"q\"\n");
    batch_request request;
    request.scenarios = collect_scenarios({(in.path / "in").string()});
    request.out = in.path / "out";
    request.replications = 2;
    request.threads = 2;

    std::vector<std::size_t> order;
    batch_observer observer;
    observer.scenario_finished = [&](std::size_t i, const scenario_item& item,
                                     const scenario_outcome& outcome) {
        order.push_back(i);
        CHECK(item.name == request.scenarios[i].name);
        CHECK(outcome.ok() == (item.name != "s3_broken"));
    };
    const batch_result first = run_batch(request, observer);
    CHECK(order == std::vector<std::size_t>{0, 1, 2});
    CHECK(first.scenarios == 3);
    CHECK(first.ok == 2);
    CHECK(first.failed == 1);
    CHECK_FALSE(first.all_ok());
    REQUIRE(first.rows.size() == 3);
    // file, scenario (its name; none for a file that failed to load), status, message.
    CHECK(std::holds_alternative<std::monostate>(first.rows[2][1].value));
    CHECK(std::get<std::string>(first.rows[2][2].value) == "error");
    CHECK(std::get<std::string>(first.rows[2][3].value).find(request.scenarios[2].shown) == 0);
    CHECK(first.rows[0][1].key == "scenario");
    CHECK(!std::get<std::string>(first.rows[0][1].value).empty());
    for (const char* file : {"intervals.csv", "group_intervals.csv", "summary.json"})
        CHECK(fs::exists(request.out / "s1" / file));
    CHECK(fs::exists(request.out / "summary.csv"));
    CHECK(fs::exists(request.out / "summary.json"));
    CHECK_FALSE(fs::exists(request.out / "s3_broken"));

    request.resume = true;
    const batch_result again = run_batch(request);
    CHECK(again.resumed == 2);
    CHECK(again.ok == 2);
    CHECK(again.failed == 1);
    CHECK(report::format_csv(again.rows) == report::format_csv(first.rows));

    in.write("in/s2.toml", std::string(tiny_scenario) + "# changed\n");
    CHECK(run_batch(request).resumed == 1);
    CHECK(finished_result(request.out / "s1", "0000000000000000") == std::nullopt);
}
