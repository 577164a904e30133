// Maximum-likelihood fits against closed forms, on samples drawn with a fixed seed.
#include <doctest/doctest.h>

#include <boost/math/special_functions/digamma.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <cmath>
#include <numeric>

#include "calib/distribution_fit.hpp"
#include "calib/minimize.hpp"

using namespace ccsim::calib;

namespace {

template <class Distribution>
std::vector<double> draw(Distribution d, std::size_t n, unsigned seed) {
    boost::random::mt19937_64 engine(seed);
    std::vector<double> out(n);
    for (double& x : out) x = d(engine);
    return out;
}

double mean_of(const std::vector<double>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

}  // namespace

TEST_CASE("fit: the exponential MLE is the sample mean") {
    const auto x = draw(boost::random::exponential_distribution<>(1.0 / 180.0), 5000, 1);
    const fitted_distribution d = fit_exponential(unweighted(x));
    CHECK(d.a == doctest::Approx(mean_of(x)).epsilon(1e-12));
    CHECK(d.mean() == doctest::Approx(180.0).epsilon(0.05));
    CHECK(d.cv() == 1.0);
}

TEST_CASE("fit: the lognormal MLE is the mean and sd (1/n) of the logs") {
    const auto x = draw(boost::random::lognormal_distribution<>(5.0, 0.8), 5000, 2);
    double s = 0.0, s2 = 0.0;
    for (double v : x) s += std::log(v), s2 += std::log(v) * std::log(v);
    const double mu = s / 5000.0, sigma = std::sqrt(s2 / 5000.0 - mu * mu);
    const fitted_distribution d = fit_lognormal(unweighted(x));
    CHECK(d.a == doctest::Approx(mu).epsilon(1e-10));
    CHECK(d.b == doctest::Approx(sigma).epsilon(1e-10));
    CHECK(d.a == doctest::Approx(5.0).epsilon(0.01));
    CHECK(d.b == doctest::Approx(0.8).epsilon(0.03));
}

TEST_CASE("fit: the gamma MLE solves log k - digamma(k) = log mean - mean log") {
    const auto x = draw(boost::random::gamma_distribution<>(2.5, 60.0), 20000, 3);
    double sl = 0.0;
    for (double v : x) sl += std::log(std::max(v, smallest_time));
    const double gap = std::log(mean_of(x)) - sl / 20000.0;
    const fitted_distribution d = fit_gamma(unweighted(x));
    CHECK(std::log(d.a) - boost::math::digamma(d.a) == doctest::Approx(gap).epsilon(1e-9));
    CHECK(d.a * d.b == doctest::Approx(mean_of(x)).epsilon(1e-9));
    CHECK(d.a == doctest::Approx(2.5).epsilon(0.04));
    // AIC prefers the true family.
    const auto e = fit_exponential(unweighted(x)), l = fit_lognormal(unweighted(x));
    CHECK(best_by_aic({e, l, d}).kind == family::gamma);
}

TEST_CASE("fit: the censored exponential MLE is total time over events") {
    const censored_sample s{unweighted({10, 20, 30}), unweighted({40, 100})};
    const auto d = fit_censored(s, family::exponential);
    REQUIRE(d);
    CHECK(d->a == doctest::Approx(200.0 / 3.0));
    CHECK_FALSE(fit_censored({{}, unweighted({5})}, family::lognormal));
}

TEST_CASE("fit: censored fits recover the patience behind censored waits") {
    // Patience lognormal(4, 1); each caller is answered after an exponential wait with mean
    // 60 s unless patience runs out first.
    boost::random::mt19937_64 engine(7);
    boost::random::lognormal_distribution<> patience(4.0, 1.0);
    boost::random::exponential_distribution<> answer(1.0 / 60.0);
    censored_sample s;
    for (int i = 0; i < 20000; ++i) {
        const double p = patience(engine), a = answer(engine);
        (p < a ? s.events : s.censored).push_back({std::min(p, a), 1.0});
    }
    const auto ln = fit_censored(s, family::lognormal);
    REQUIRE(ln);
    CHECK(ln->a == doctest::Approx(4.0).epsilon(0.02));
    CHECK(ln->b == doctest::Approx(1.0).epsilon(0.04));
    // The naive mean of abandoners' waits is far below the true mean exp(4.5) = 90 s.
    CHECK(weighted_mean(s.events) < 0.5 * std::exp(4.5));
    const auto ex = fit_censored(s, family::exponential);
    const auto wb = fit_censored(s, family::weibull);
    REQUIRE(ex);
    REQUIRE(wb);
    CHECK(ln->log_likelihood > ex->log_likelihood);
    CHECK(wb->log_likelihood >= ex->log_likelihood - 1e-6);  // Weibull nests the exponential
}

TEST_CASE("fit: censored Weibull on exponential data has shape near 1") {
    boost::random::mt19937_64 engine(11);
    boost::random::exponential_distribution<> patience(1.0 / 200.0);
    censored_sample s;
    for (int i = 0; i < 20000; ++i) {
        const double p = patience(engine);
        (p < 300.0 ? s.events : s.censored).push_back({std::min(p, 300.0), 1.0});
    }
    const auto wb = fit_censored(s, family::weibull);
    REQUIRE(wb);
    CHECK(wb->a == doctest::Approx(1.0).epsilon(0.03));
    CHECK(wb->mean() == doctest::Approx(200.0).epsilon(0.04));
}

TEST_CASE("fit: KS distance by hand") {
    fitted_distribution d;
    d.kind = family::exponential;
    d.a = 2.0;
    // F(1) = 1 - exp(-0.5) = 0.3935 against 0 just before the first point.
    CHECK(ks_distance(unweighted({1, 2, 3}), d) == doctest::Approx(1.0 - std::exp(-0.5)));
    CHECK(d.quantile(d.cdf(3.0)) == doctest::Approx(3.0));
}

TEST_CASE("nelder-mead minimises the Rosenbrock function") {
    const point2 p = nelder_mead(
        [](const point2& x) {
            return 100.0 * std::pow(x[1] - x[0] * x[0], 2) + std::pow(1.0 - x[0], 2);
        },
        {-1.2, 1.0}, {0.5, 0.5}, 1e-14, 5000);
    CHECK(p[0] == doctest::Approx(1.0).epsilon(1e-3));
    CHECK(p[1] == doctest::Approx(1.0).epsilon(1e-3));
}
