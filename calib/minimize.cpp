#include "calib/minimize.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ccsim::calib {

point2 nelder_mead(const std::function<double(const point2&)>& f, point2 start, point2 step,
                   double tolerance, int max_iterations) {
    const auto value = [&](const point2& p) {
        const double v = f(p);
        return std::isfinite(v) ? v : std::numeric_limits<double>::infinity();
    };
    std::array<point2, 3> x = {start, point2{start[0] + step[0], start[1]},
                               point2{start[0], start[1] + step[1]}};
    std::array<double, 3> fx = {value(x[0]), value(x[1]), value(x[2])};
    const auto along = [](const point2& from, const point2& to, double t) {
        return point2{from[0] + t * (to[0] - from[0]), from[1] + t * (to[1] - from[1])};
    };
    for (int iteration = 0; iteration < max_iterations; ++iteration) {
        std::array<int, 3> order = {0, 1, 2};
        std::sort(order.begin(), order.end(), [&](int a, int b) { return fx[a] < fx[b]; });
        const int best = order[0], middle = order[1], worst = order[2];
        if (std::abs(fx[worst] - fx[best]) <= tolerance * (1.0 + std::abs(fx[best]))) break;
        const point2 centre = {(x[best][0] + x[middle][0]) / 2.0,
                               (x[best][1] + x[middle][1]) / 2.0};
        const point2 reflected = along(centre, x[worst], -1.0);
        const double fr = value(reflected);
        if (fr < fx[best]) {
            const point2 expanded = along(centre, x[worst], -2.0);
            const double fe = value(expanded);
            if (fe < fr) {
                x[worst] = expanded, fx[worst] = fe;
            } else {
                x[worst] = reflected, fx[worst] = fr;
            }
        } else if (fr < fx[middle]) {
            x[worst] = reflected, fx[worst] = fr;
        } else {
            const point2 contracted = along(centre, x[worst], 0.5);
            const double fc = value(contracted);
            if (fc < fx[worst]) {
                x[worst] = contracted, fx[worst] = fc;
            } else {
                for (int i : {middle, worst}) {
                    x[i] = along(x[best], x[i], 0.5);
                    fx[i] = value(x[i]);
                }
            }
        }
    }
    return x[static_cast<std::size_t>(std::min_element(fx.begin(), fx.end()) - fx.begin())];
}

}  // namespace ccsim::calib
