#pragma once
// Erlang B: the probability that a call finds all `agents` busy in a loss system
// (M/M/n/n) offered `load` Erlang. Also the building block of Erlang C and Erlang A.

namespace ccsim::erlang {

/// Erlang B blocking probability for agents >= 0 and load >= 0. Real-valued agent counts
/// use the analytic continuation 1/B(x, a) = a * integral_0^inf exp(-a t) (1 + t)^x dt,
/// which agrees with the integer formula at whole numbers. Short cases use the exact
/// recursion 1/B(k) = 1 + (k / a) / B(k - 1); long ones the regularised incomplete gamma
/// function (relative error ~1e-11). Values below about 1e-300 are returned as 0.
double erlang_b(double agents, double load);

/// Walks Erlang B along n, n+1, n+2, ... (and back) in O(1) per step, for staffing searches.
/// It holds 1/B, which obeys 1/B(n) = 1 + (n / a) / B(n - 1).
class erlang_b_walk {
  public:
    erlang_b_walk(long agents, double load);
    long agents() const { return agents_; }
    double blocking() const { return 1.0 / inverse_; }
    void step_up();
    void step_down();  // stable near and above the load, where staffing answers lie

  private:
    double load_;
    long agents_;
    double inverse_;  // 1 / B(agents_, load_), may be +inf when B underflows
};

}  // namespace ccsim::erlang
