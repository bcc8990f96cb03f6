// Errors, threads, devices, seeds, determinism, grad mode and generators.
#include "bridge.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <ATen/detail/CUDAHooksInterface.h>
#include <c10/core/GradMode.h>
#include <c10/util/Logging.h>
#include <torch/csrc/api/include/torch/version.h>

#include <dlfcn.h>

#include <cstring>
#include <mutex>
#include <thread>

namespace {
thread_local std::string g_error;

// c10::Error records a C++ backtrace when it is built (milliseconds each); the bridge only ever reports
// what_without_backtrace(), so collecting one is wasted work. Installed once, when the library loads.
const bool g_no_backtraces = [] {
  c10::SetStackTraceFetcher([] { return std::string(); });
  return true;
}();

// OpenBLAS keeps its own thread pool next to libtorch's; we reach it through
// dlsym so that the bridge also builds and runs against a BLAS without it.
typedef void (*openblas_set_fn)(int);
typedef int (*openblas_get_fn)(void);
typedef char* (*openblas_config_fn)(void);
}  // namespace

namespace ut {
void set_error(const char* message) { g_error = message == nullptr ? "" : message; }

int32_t write_list(const std::vector<at::Tensor>& list, ut_tensor* out, int32_t capacity) {
  if (static_cast<int64_t>(list.size()) > capacity)
    throw std::length_error("native returned " + std::to_string(list.size()) +
                            " tensors but the caller expected at most " + std::to_string(capacity));
  for (size_t i = 0; i < list.size(); ++i) out[i] = new at::Tensor(list[i]);
  return static_cast<int32_t>(list.size());
}

std::vector<at::Tensor> read_list(const ut_tensor* handles, int32_t count) {
  if (count < 0) throw std::invalid_argument("negative tensor count");
  if (count > 0 && handles == nullptr) throw std::invalid_argument("tensor array is null");
  std::vector<at::Tensor> list;
  list.reserve(static_cast<size_t>(count));
  for (int32_t i = 0; i < count; ++i) list.push_back(T(handles[i]));
  return list;
}
}  // namespace ut

UT_API const char* ut_last_error() { return g_error.c_str(); }

UT_API const char* ut_version() { return TORCH_VERSION; }

UT_API int32_t ut_set_num_threads(int32_t n) { UT_STATUS(at::set_num_threads(n);) }
UT_API int32_t ut_get_num_threads() { UT_VALUE(-1, at::get_num_threads()) }
UT_API int32_t ut_set_num_interop_threads(int32_t n) { UT_STATUS(at::set_num_interop_threads(n);) }
UT_API int32_t ut_get_num_interop_threads() { UT_VALUE(-1, at::get_num_interop_threads()) }

UT_API int32_t ut_openblas_set_num_threads(int32_t n) {
  auto fn = reinterpret_cast<openblas_set_fn>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
  if (fn == nullptr) return -1;
  fn(n);
  return 0;
}

UT_API int32_t ut_openblas_get_num_threads() {
  auto fn = reinterpret_cast<openblas_get_fn>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
  return fn == nullptr ? -1 : fn();
}

// The BLAS that libtorch's matrix products end up in ("" when it is not OpenBLAS).
UT_API const char* ut_blas_config() {
  auto fn = reinterpret_cast<openblas_config_fn>(dlsym(RTLD_DEFAULT, "openblas_get_config"));
  return fn == nullptr ? "" : fn();
}

UT_API const char* ut_parallel_info() {
  static thread_local std::string info;
  UT_GUARD(nullptr, info = at::get_parallel_info(); return info.c_str();)
}

UT_API int32_t ut_cuda_is_available() { UT_VALUE(-1, at::detail::getCUDAHooks().hasCUDA() ? 1 : 0) }
UT_API int32_t ut_cuda_device_count() { UT_VALUE(-1, at::detail::getCUDAHooks().getNumGPUs()) }

UT_API int32_t ut_manual_seed(uint64_t seed) {
  UT_STATUS({
    auto gen = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_current_seed(seed);
  } if (at::detail::getCUDAHooks().hasCUDA()) {
    auto n = at::detail::getCUDAHooks().getNumGPUs();
    for (int i = 0; i < n; ++i) {
      auto gen = at::detail::getCUDAHooks().getDefaultCUDAGenerator(i);
      std::lock_guard<std::mutex> lock(gen.mutex());
      gen.set_current_seed(seed);
    }
  })
}

UT_API int32_t ut_set_deterministic(int32_t on) {
  UT_STATUS(at::globalContext().setDeterministicAlgorithms(on != 0, /*warn_only=*/false);)
}
UT_API int32_t ut_get_deterministic() { UT_VALUE(-1, at::globalContext().deterministicAlgorithms() ? 1 : 0) }

// Grad mode is thread-local in libtorch, as a C# NoGrad scope is thread-bound.
UT_API int32_t ut_set_grad_enabled(int32_t on) {
  UT_GUARD(-1, bool previous = c10::GradMode::is_enabled(); c10::GradMode::set_enabled(on != 0);
           return previous ? 1 : 0;)
}
UT_API int32_t ut_is_grad_enabled() { UT_VALUE(-1, c10::GradMode::is_enabled() ? 1 : 0) }

UT_API ut_generator ut_generator_new(uint64_t seed, int32_t dev_type, int32_t dev_index) {
  UT_GUARD(nullptr, {
    auto dev = ut::device(dev_type, dev_index);
    if (dev.is_cpu()) return new at::Generator(at::make_generator<at::CPUGeneratorImpl>(seed));
    auto gen = at::detail::getCUDAHooks().getDefaultCUDAGenerator(dev.has_index() ? dev.index() : 0).clone();
    gen.set_current_seed(seed);
    return new at::Generator(gen);
  })
}
UT_API void ut_generator_free(ut_generator g) { delete g; }
UT_API int32_t ut_generator_set_seed(ut_generator g, uint64_t seed) {
  UT_STATUS(std::lock_guard<std::mutex> lock(ut::G(g).mutex()); g->set_current_seed(seed);)
}
UT_API int32_t ut_generator_get_seed(ut_generator g, uint64_t* out) { UT_STATUS(*out = ut::G(g).current_seed();) }
UT_API ut_tensor ut_generator_get_state(ut_generator g) { UT_TENSOR(ut::G(g).get_state()) }
UT_API int32_t ut_generator_set_state(ut_generator g, ut_tensor state) {
  UT_STATUS(std::lock_guard<std::mutex> lock(ut::G(g).mutex()); g->set_state(ut::T(state));)
}
UT_API ut_tensor ut_default_generator_get_state() { UT_TENSOR(at::detail::getDefaultCPUGenerator().get_state()) }
UT_API int32_t ut_default_generator_set_state(ut_tensor state) {
  UT_STATUS(auto gen = at::detail::getDefaultCPUGenerator(); std::lock_guard<std::mutex> lock(gen.mutex());
            gen.set_state(ut::T(state));)
}
