// The same loops the C# benchmark runs, timed inside C++: the reference for the
// bridge's overhead. Each writes `repeats` timings, in nanoseconds per iteration.
#include "bridge.h"

#include <chrono>

namespace {
template <typename Body>
void time_loop(int64_t iterations, int32_t repeats, double* out_ns, Body body) {
  if (iterations <= 0 || repeats <= 0) throw std::invalid_argument("iterations and repeats must be positive");
  if (out_ns == nullptr) throw std::invalid_argument("output buffer is null");
  for (int64_t i = 0; i < iterations; ++i) body();  // warm-up
  for (int32_t r = 0; r < repeats; ++r) {
    auto start = std::chrono::steady_clock::now();
    for (int64_t i = 0; i < iterations; ++i) body();
    auto stop = std::chrono::steady_clock::now();
    out_ns[r] = std::chrono::duration<double, std::nano>(stop - start).count() / static_cast<double>(iterations);
  }
}
}  // namespace

// An empty exported function: what one P/Invoke costs by itself.
UT_API int32_t ut_noop(ut_tensor a) { return a == nullptr ? 0 : 1; }

UT_API int32_t ut_bench_add(ut_tensor a, ut_tensor b, int64_t iterations, int32_t repeats, double* out_ns) {
  UT_STATUS(const auto& x = ut::T(a); const auto& y = ut::T(b);
            time_loop(iterations, repeats, out_ns, [&] { auto z = at::add(x, y); });)
}

UT_API int32_t ut_bench_matmul(ut_tensor a, ut_tensor b, int64_t iterations, int32_t repeats, double* out_ns) {
  UT_STATUS(const auto& x = ut::T(a); const auto& y = ut::T(b);
            time_loop(iterations, repeats, out_ns, [&] { auto z = at::matmul(x, y); });)
}

// conv2d (stride 1, padding 1), mean, backward: gradients accumulate into w and b.
UT_API int32_t ut_bench_conv2d_train(ut_tensor x, ut_tensor w, ut_tensor b, int64_t iterations, int32_t repeats,
                                     double* out_ns) {
  UT_STATUS(const auto& input = ut::T(x); const auto& weight = ut::T(w); const auto& bias = ut::T(b);
            time_loop(iterations, repeats, out_ns, [&] {
              auto y = at::conv2d(input, weight, bias, {1, 1}, {1, 1}, {1, 1}, 1);
              y.mean().backward();
            });)
}
