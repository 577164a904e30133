#include "report/document_json.hpp"

#include <cmath>

namespace ccsim::report {

namespace {

using json = nlohmann::ordered_json;

json number(double v) {
    return std::isfinite(v) ? json(v) : json(nullptr);
}

json numbers(const std::vector<double>& values) {
    json out = json::array();
    for (double v : values) out.push_back(number(v));
    return out;
}

void put_format(json& out, const number_format& f) {
    out["decimals"] = f.decimals;
    out["percent"] = f.percent;
    out["sign"] = f.sign;
}

json cell_json(const cell& c) {
    struct visitor {
        json operator()(std::monostate) const { return nullptr; }
        json operator()(const std::string& s) const { return s; }
        json operator()(const number_cell& n) const {
            json out{{"number", number(n.value)}};
            put_format(out, n.format);
            return out;
        }
        json operator()(const estimate_cell& e) const {
            json out{{"mean", number(e.value.mean)},
                     {"ci_low", number(e.value.ci_low)},
                     {"ci_high", number(e.value.ci_high)}};
            put_format(out, e.format);
            return out;
        }
        json operator()(const verdict_cell& v) const {
            return {{"verdict", verdict_key(v.value)}, {"text", v.text}};
        }
        json operator()(const link_cell& l) const {
            return {{"text", l.text}, {"href", "#" + l.section_id}};
        }
    };
    return std::visit(visitor{}, c);
}

json axis_json(const chart_axis& a) {
    json out{{"title", a.title}};
    put_format(out, a.format);
    out["min"] = a.min ? json(*a.min) : json(nullptr);
    out["max"] = a.max ? json(*a.max) : json(nullptr);
    return out;
}

const char* role_key(series_role r) {
    switch (r) {
        case series_role::value:
            return "value";
        case series_role::band:
            return "band";
        case series_role::target:
            break;
    }
    return "target";
}

json series_json(const chart_series& s) {
    json out{{"label", s.label}, {"role", role_key(s.role)}, {"colour", s.colour}};
    out["values"] = numbers(s.values);
    if (s.role == series_role::band) out["upper"] = numbers(s.upper);
    out["bar"] = s.bar;
    out["stacked"] = s.stacked;
    out["stepped"] = s.stepped;
    out["hatched"] = s.hatched;
    out["axis"] = s.right_axis ? "y2" : "y";
    return out;
}

json block_json(const block& b, std::size_t section, std::size_t index) {
    if (const auto* t = std::get_if<table_block>(&b)) {
        json rows = json::array();
        for (const auto& row : t->rows) {
            json cells = json::array();
            for (const cell& c : row) cells.push_back(cell_json(c));
            rows.push_back(std::move(cells));
        }
        return {
            {"type", "table"}, {"caption", t->caption}, {"columns", t->columns}, {"rows", rows}};
    }
    if (const auto* c = std::get_if<chart_block>(&b)) {
        json out{{"type", "chart"}, {"id", chart_id(section, index)}, {"title", c->title}};
        out["x"] = {{"title", c->x_title}, {"labels", c->x_labels}};
        out["y"] = axis_json(c->y);
        if (c->y_right) out["y2"] = axis_json(*c->y_right);
        out["horizontal"] = c->horizontal;
        json series = json::array();
        for (const chart_series& s : c->series) series.push_back(series_json(s));
        out["series"] = std::move(series);
        return out;
    }
    return {{"type", "note"}, {"text", std::get<note_block>(b).text}};
}

}  // namespace

nlohmann::ordered_json document_json(const document& d) {
    json out{{"ccsim_report", 1},
             {"kind", d.kind},
             {"lang", d.lang == language::zh ? "zh" : "en"},
             {"title", d.title},
             {"subtitle", d.subtitle}};
    json sections = json::array();
    for (std::size_t s = 0; s < d.sections.size(); ++s) {
        const section& sec = d.sections[s];
        json blocks = json::array();
        for (std::size_t b = 0; b < sec.blocks.size(); ++b)
            blocks.push_back(block_json(sec.blocks[b], s, b));
        sections.push_back(
            {{"id", sec.id}, {"title", sec.title}, {"level", sec.level}, {"blocks", blocks}});
    }
    out["sections"] = std::move(sections);
    out["footer"] = d.footer;
    return out;
}

}  // namespace ccsim::report
