#pragma once
// A mixed-integer program as plain values (columns, rows), solved by COIN-OR CBC through its C
// interface. The planner builds the model without knowing the solver; this file is the only
// one that talks to CBC. Solves are deterministic: one thread, CBC's fixed seeds, and a time
// limit only as a safety net (a run stopped by it says so).
#include <string>
#include <vector>

namespace ccsim::plan {

struct mip_column {
    double lower = 0.0;
    double upper = 1e30;  // >= 1e30: unbounded
    double cost = 0.0;
    bool integer = true;
};

/// sum(value[k] * x[index[k]]) `sense` rhs, sense one of 'G' (>=), 'L' (<=), 'E' (==).
struct mip_row {
    std::vector<int> index;
    std::vector<double> value;
    char sense = 'G';
    double rhs = 0.0;
};

struct mip_problem {
    std::vector<mip_column> columns;
    std::vector<mip_row> rows;

    int add_column(mip_column c) {
        columns.push_back(c);
        return static_cast<int>(columns.size()) - 1;
    }
    void add_row(mip_row r) { rows.push_back(std::move(r)); }
};

struct mip_options {
    double time_limit_seconds = 60.0;
    double relative_gap = 0.0;  // stop once (objective - bound) / objective is at most this
};

enum class mip_status {
    optimal,      // proven optimal (within relative_gap)
    time_limit,   // stopped by the time limit with a solution: `x` is the best found
    infeasible,   // proven to have no solution
    no_solution,  // stopped by the time limit before finding any
};

struct mip_result {
    mip_status status = mip_status::no_solution;
    std::vector<double> x;    // the solution (empty without one)
    double objective = 0.0;   // of x
    double bound = 0.0;       // the best lower bound proven (minimisation)
    double relaxation = 0.0;  // the LP relaxation's optimum (the root bound)
    double seconds = 0.0;     // wall time of the solve
    bool has_solution() const { return !x.empty(); }
};

/// Minimises sum(cost * x) subject to the rows and column bounds, with CBC. Prints nothing.
mip_result solve_mip(const mip_problem& problem, const mip_options& options);

/// The optimum of the LP relaxation (every column continuous); nullopt-like NaN when the
/// relaxation is infeasible.
double solve_relaxation(const mip_problem& problem);

/// The version of CBC linked in.
std::string solver_version();

}  // namespace ccsim::plan
