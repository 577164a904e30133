#pragma once
// The queue of an M/M/n+M system while all n agents are busy. With x = n mu / theta and
// y = lambda / theta, the chance of k callers waiting is proportional to
//   t_k = y^k / ((x + 1)(x + 2)...(x + k)),   k = 0, 1, 2, ...
// Their sum A(x, y) = x e^y y^-x gamma(x, y) is the "A function" of Mandelbaum & Zeltyn.

namespace ccsim::erlang {

struct queue_tail {
    double log_mass = 0.0;            // log A(x, y)
    double inverse_mass = 1.0;        // 1 / A(x, y); 0 where it underflows (use log_mass)
    double mean_length = 0.0;         // E[callers waiting | all agents busy]
    double served_given_wait = 1.0;   // P(a caller who must wait is eventually served)
    double abandon_given_wait = 0.0;  // P(a caller who must wait hangs up first)
    double lower_gamma = 0.0;         // P(x, y), the regularised lower incomplete gamma function,
                                      // when it was computed (incomplete gamma route); else 0
};

/// P(a, z), the regularised lower incomplete gamma function, in double precision.
double regularised_lower_gamma(double a, double z);

/// Evaluates the tail for x > 0, y >= 0 with relative error near machine precision:
/// a direct series when it converges quickly (y well below x), incomplete gamma functions
/// otherwise, in log space so that A may exceed the range of a double.
queue_tail abandonment_queue_tail(double x, double y);

}  // namespace ccsim::erlang
