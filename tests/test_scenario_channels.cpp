// The channel keys of scenario files: what they read into the model, and the errors for keys
// of the wrong channel, names of the wrong queue and values that do not fit.
#include <doctest/doctest.h>

#include <string>

#include "core/errors.hpp"
#include "io/scenario_build.hpp"
#include "io/scenario_file.hpp"
#include "io/scenario_include.hpp"
#include "io/scenario_paths.hpp"
#include "scenario_text.hpp"

using namespace ccsim;
using namespace ccsim::io;
using ccsim::test::error_of;
using ccsim::test::load_text;
using ccsim::test::replaced;

namespace {

// Two days, the centre open 08:00-22:00, a hotline open 08:00-20:00 that escalates to a
// complaint desk and sends follow-ups, a chat, and the groups that serve them.
const std::string department_toml = R"([calendar]
start = 2026-03-02
days = 2

[day]
interval = "1h"
open = "08:00"
close = "22:00"

[[queue]]
name = "hotline"
volumes = [10, 20, 30, 40]
aht = "3min"
hours = { open = "08:00", close = "20:00" }
fcr = 0.8
repeat_delay = { mean = "6h" }
escalate_after = 3
escalate_to = "complaints"
follow_up = { share = 0.5, due_within = "2d", to = "followups" }

[[queue]]
name = "chat"
channel = "chat"
volumes = [5]
aht = "6min"

[[queue]]
name = "complaints"
channel = "backoffice"
volumes = [1]
aht = "40min"
reply = { mean = "10min" }
reply_within = "8h"
target = 0.95

[[queue]]
name = "followups"
channel = "outbound"
volumes = [0]
aht = "3min"
reach = 0.6
attempt_time = "45s"
max_attempts = 4

[[group]]
name = "regular"
skills = ["hotline", "chat"]
agents = 5
max_chats = 3
concurrency = [1.0, 1.2, 1.45]
blend = true

[[group]]
name = "aftersales"
skills = ["followups", "complaints"]
agents = 2
reserve = 1
)";

}  // namespace

TEST_CASE("channel keys read into the model") {
    const sim::scenario s = load_text(department_toml).model;
    REQUIRE(s.queues.size() == 4);
    const sim::queue_spec& hotline = s.queues[0];
    CHECK(hotline.channel == sim::channel_kind::voice);
    CHECK(hotline.repeats.resolved == 0.8);
    CHECK(hotline.repeats.delay.mean.count() == 6 * 3600.0);
    CHECK(hotline.repeats.escalate_after == 3);
    CHECK(hotline.repeats.escalate_to == 2u);
    REQUIRE(hotline.follow_up.has_value());
    CHECK(hotline.follow_up->share == 0.5);
    CHECK(hotline.follow_up->due_within.count() == 2 * 86400.0);
    CHECK(hotline.follow_up->to == 3u);
    // Its own hours on each day of the calendar; the centre's stay 08:00-22:00.
    REQUIRE(hotline.open_periods.size() == 2);
    CHECK(hotline.open_periods[1].first.count() == 86400.0 + 8 * 3600.0);
    CHECK(hotline.open_periods[1].second.count() == 86400.0 + 20 * 3600.0);
    CHECK(s.open_periods[0].second.count() == 22 * 3600.0);

    const sim::queue_spec& chat = s.queues[1];
    CHECK(chat.channel == sim::channel_kind::chat);
    CHECK(chat.threshold.count() == 20.0);  // chat's own default
    CHECK(chat.open_periods.empty());

    const sim::queue_spec& complaints = s.queues[2];
    CHECK(complaints.channel == sim::channel_kind::backoffice);
    CHECK(complaints.back_office.reply.mean.count() == 600.0);
    CHECK(complaints.back_office.reply_within.count() == 8 * 3600.0);
    CHECK(complaints.back_office.resolve_within.count() == 48 * 3600.0);
    CHECK(complaints.target == 0.95);

    const sim::queue_spec& followups = s.queues[3];
    CHECK(followups.channel == sim::channel_kind::outbound);
    CHECK(followups.outbound.reach == 0.6);
    CHECK(followups.outbound.attempt_time.count() == 45.0);
    CHECK(followups.outbound.max_attempts == 4);
    CHECK(followups.outbound.retry_delay.mean.count() == 3600.0);
    CHECK(followups.outbound.due_within.count() == 86400.0);

    CHECK(s.groups[0].max_chats == 3);
    CHECK(s.groups[0].concurrency == std::vector<double>{1.0, 1.2, 1.45});
    CHECK(s.groups[0].blend);
    CHECK(s.groups[0].reserve == 0);
    CHECK(s.groups[1].max_chats == 1);
    CHECK(!s.groups[1].blend);
    CHECK(s.groups[1].reserve == 1);
}

TEST_CASE("a key of another channel is an error naming both") {
    CHECK(error_of(replaced(department_toml, "reply_within = \"8h\"", "reach = 0.5")) ==
          "s.toml:33:9: queue.complaints.reach: is a key of outbound queues, but queue "
          "'complaints' has channel = 'backoffice' (got 0.5)");
    CHECK(error_of(replaced(department_toml, "attempt_time = \"45s\"", "fcr = 0.9")) ==
          "s.toml:42:7: queue.followups.fcr: is a key of voice queues, but queue 'followups' "
          "has channel = 'outbound' (got 0.9)");
    CHECK(
        error_of(replaced(department_toml, "reply_within = \"8h\"", "patience = { mean = \"1h\" }"))
            .starts_with("s.toml:33:12: queue.complaints.patience: is a key of voice and chat "
                         "queues, but queue 'complaints' has channel = 'backoffice'"));
    CHECK(error_of(replaced(department_toml, "reply_within = \"8h\"",
                            "hours = { open = \"09:00\", close = \"17:00\" }"))
              .find("back-office items are taken at any time") != std::string::npos);
}

TEST_CASE("queues named by escalate_to and follow_up must exist and be of the right channel") {
    CHECK(error_of(replaced(department_toml, "escalate_to = \"complaints\"",
                            "escalate_to = \"complaint\"")) ==
          "s.toml:18:15: queue.hotline.escalate_to: names no queue; did you mean 'complaints'? "
          "(got 'complaint')");
    CHECK(error_of(replaced(department_toml, "escalate_to = \"complaints\"",
                            "escalate_to = \"chat\"")) ==
          "s.toml:18:15: queue.hotline.escalate_to: must name a back-office queue (channel = "
          "'backoffice'); queue 'chat' has channel = 'chat' (got 'chat')");
    CHECK(error_of(replaced(department_toml, "to = \"followups\"", "to = \"complaints\"")) ==
          "s.toml:19:52: queue.hotline.follow_up.to: must name an outbound queue (channel = "
          "'outbound'); queue 'complaints' has channel = 'backoffice' (got 'complaints')");
    CHECK(error_of(replaced(department_toml, "fcr = 0.8", "fcr = 1")) ==
          "s.toml:18:15: queue.hotline.escalate_to: needs fcr below 1: with every first contact "
          "resolved nobody calls again to be escalated (got 'complaints')");
}

TEST_CASE("a chat, back-office or outbound queue must have a group serving it") {
    CHECK(error_of(replaced(department_toml, "skills = [\"followups\", \"complaints\"]",
                            "skills = [\"followups\"]")) ==
          "s.toml:28:8: queue.complaints.name: no group serves queue 'complaints': add it to the "
          "skills of a group (got 'complaints')");
}

TEST_CASE("channel values are checked in context") {
    CHECK(error_of(replaced(department_toml, "concurrency = [1.0, 1.2, 1.45]",
                            "concurrency = [1.0, 1.2]")) ==
          "s.toml:50:15: group.regular.concurrency: needs one factor for each number of chats an "
          "agent may hold: 3 (max_chats), got 2 (got [ 1.0, 1.2 ])");
    CHECK(error_of(replaced(department_toml, "reserve = 1", "reserve = 1\nmax_chats = 2")) ==
          "s.toml:58:13: group.aftersales.max_chats: is for groups that serve chat; group "
          "'aftersales' has no chat queue among its skills (got 2)");
    CHECK(error_of(replaced(department_toml, "blend = true", "blend = \"yes\"")) ==
          "s.toml:51:9: group.regular.blend: must be true or false (got 'yes')");
    CHECK(error_of(replaced(department_toml, "max_chats = 3", "max_chats = 17")) ==
          "s.toml:49:13: group.regular.max_chats: must be in [1, 16] (got 17)");
    CHECK(error_of(replaced(department_toml, "reply_within = \"8h\"",
                            "reply_within = \"8h\"\nresolve_within = \"4h\"")) ==
          "s.toml:34:18: queue.complaints.resolve_within: must not be shorter than reply_within "
          "(8h) (got '4h')");
    CHECK(error_of(replaced(department_toml, "close = \"20:00\" }", "close = \"23:00\" }")) ==
          "s.toml:14:9: queue.hotline.hours: must lie within the centre's opening hours ([day] "
          "open and close); the period from 2026-03-02 Mon 08:00 to 2026-03-02 Mon 23:00 does "
          "not (got a table)");
    CHECK(error_of(replaced(department_toml, "channel = \"chat\"", "channel = \"email\"")) ==
          "s.toml:23:11: queue.chat.channel: must be one of voice, chat, backoffice, outbound "
          "(got 'email')");
}

TEST_CASE("--vary reaches the channel keys") {
    scenario_document document =
        parse_scenario_document(department_toml, "s.toml", ccsim::test::scenario_data);
    for (const auto& [path, change] : {std::pair{"group.aftersales.reserve", "+2"},
                                       {"group.regular.blend", "false"},
                                       {"queue.complaints.reply_within", "*1.5"},
                                       {"queue.hotline.fcr", "0.7"}})
        apply_change(document.table, path, parse_value_change(change));
    const sim::scenario s = build_scenario(document).model;
    CHECK(s.groups[1].reserve == 3);
    CHECK(!s.groups[0].blend);
    CHECK(s.queues[2].back_office.reply_within.count() == 12 * 3600.0);
    CHECK(s.queues[0].repeats.resolved == 0.7);
    scenario_document again =
        parse_scenario_document(department_toml, "s.toml", ccsim::test::scenario_data);
    CHECK_THROWS_WITH_AS(apply_change(again.table, "group.regular.blend", parse_value_change("*2")),
                         "'group.regular.blend' is true or false; give it whole instead of '*2'",
                         change_error);
}
