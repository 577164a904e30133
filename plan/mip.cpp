#include "plan/mip.hpp"

#include <Cbc_C_Interface.h>
#include <fmt/format.h>
#include <chrono>
#include <cmath>
#include <limits>
#include <memory>

#include "core/errors.hpp"

namespace ccsim::plan {

namespace {

constexpr double infinity = 1e30;

struct model_deleter {
    void operator()(Cbc_Model* m) const { Cbc_deleteModel(m); }
};
using model_ptr = std::unique_ptr<Cbc_Model, model_deleter>;

// The problem in CBC's column-major form; every column continuous unless `integers`.
model_ptr load(const mip_problem& problem, bool integers) {
    const std::size_t n = problem.columns.size();
    std::vector<std::vector<std::pair<int, double>>> by_column(n);
    for (std::size_t r = 0; r < problem.rows.size(); ++r) {
        const mip_row& row = problem.rows[r];
        for (std::size_t k = 0; k < row.index.size(); ++k)
            by_column[static_cast<std::size_t>(row.index[k])].emplace_back(static_cast<int>(r),
                                                                           row.value[k]);
    }
    std::vector<CoinBigIndex> start{0};
    std::vector<int> index;
    std::vector<double> value, lower, upper, cost;
    for (std::size_t c = 0; c < n; ++c) {
        for (const auto& [r, v] : by_column[c]) {
            index.push_back(r);
            value.push_back(v);
        }
        start.push_back(static_cast<CoinBigIndex>(index.size()));
        lower.push_back(problem.columns[c].lower);
        upper.push_back(std::min(problem.columns[c].upper, infinity));
        cost.push_back(problem.columns[c].cost);
    }
    std::vector<double> row_lower, row_upper;
    for (const mip_row& row : problem.rows) {
        row_lower.push_back(row.sense == 'L' ? -infinity : row.rhs);
        row_upper.push_back(row.sense == 'G' ? infinity : row.rhs);
    }
    model_ptr model(Cbc_newModel());
    Cbc_loadProblem(model.get(), static_cast<int>(n), static_cast<int>(problem.rows.size()),
                    start.data(), index.data(), value.data(), lower.data(), upper.data(),
                    cost.data(), row_lower.data(), row_upper.data());
    if (integers)
        for (std::size_t c = 0; c < n; ++c)
            if (problem.columns[c].integer) Cbc_setInteger(model.get(), static_cast<int>(c));
    // Silent, one thread, fixed seeds: the same problem gives the same answer every time.
    Cbc_setLogLevel(model.get(), 0);
    Cbc_setParameter(model.get(), "log", "0");
    Cbc_setParameter(model.get(), "slog", "0");
    Cbc_setParameter(model.get(), "threads", "0");
    Cbc_setParameter(model.get(), "randomSeed", "1");
    Cbc_setParameter(model.get(), "randomCbcSeed", "1");
    return model;
}

}  // namespace

double solve_relaxation(const mip_problem& problem) {
    model_ptr model = load(problem, false);
    Cbc_solve(model.get());
    if (!Cbc_isProvenOptimal(model.get())) return std::numeric_limits<double>::quiet_NaN();
    return Cbc_getObjValue(model.get());
}

mip_result solve_mip(const mip_problem& problem, const mip_options& options) {
    const auto began = std::chrono::steady_clock::now();
    mip_result result;
    result.relaxation = solve_relaxation(problem);
    if (std::isnan(result.relaxation)) {
        result.status = mip_status::infeasible;
        result.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
        return result;
    }
    model_ptr model = load(problem, true);
    Cbc_setMaximumSeconds(model.get(), options.time_limit_seconds);
    Cbc_setAllowableFractionGap(model.get(), options.relative_gap);
    // Costs are sums of a few prices: an absolute gap of zero, so a tiny instance is solved
    // exactly rather than within CBC's default absolute tolerance.
    Cbc_setAllowableGap(model.get(), 1e-9);
    Cbc_solve(model.get());
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    const double* x = Cbc_bestSolution(model.get());
    if (x && Cbc_numberSavedSolutions(model.get()) >= 0) {
        const auto n = static_cast<std::size_t>(Cbc_getNumCols(model.get()));
        result.x.assign(x, x + n);
        result.objective = Cbc_getObjValue(model.get());
    }
    result.bound = Cbc_getBestPossibleObjValue(model.get());
    if (Cbc_isProvenInfeasible(model.get()) && !x) {
        result.status = mip_status::infeasible;
    } else if (!x) {
        result.status = mip_status::no_solution;
    } else if (Cbc_isProvenOptimal(model.get())) {
        result.status = mip_status::optimal;
    } else {
        result.status = mip_status::time_limit;
    }
    if (result.has_solution()) {
        // The bound never exceeds the answer; an optimal answer is its own bound.
        if (result.status == mip_status::optimal && result.bound > result.objective)
            result.bound = result.objective;
        result.bound = std::max(result.bound, result.relaxation);
        result.bound = std::min(result.bound, result.objective);
    }
    return result;
}

std::string solver_version() {
    return fmt::format("CBC {}", Cbc_getVersion());
}

}  // namespace ccsim::plan
