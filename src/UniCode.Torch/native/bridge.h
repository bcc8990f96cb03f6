// The C ABI of UniCode.Torch. One pattern everywhere:
//   * tensors cross the boundary as opaque handles (heap-allocated at::Tensor);
//   * every exported function catches every exception, records the message in a
//     thread-local buffer (ut_last_error) and returns a sentinel: nullptr for
//     handle-returning functions, -1 for status-returning ones;
//   * C# checks the sentinel on the same thread right after the call.
// No C++ exception ever unwinds into .NET.
#pragma once

#include <ATen/ATen.h>

#include <cstdint>
#include <exception>
#include <stdexcept>
#include <string>

#define UT_API extern "C" __attribute__((visibility("default")))

typedef at::Tensor* ut_tensor;
typedef at::Generator* ut_generator;

// A scalar argument: kind 0 = double, 1 = int64, 2 = bool.
typedef struct {
  double d;
  int64_t i;
  int32_t kind;
} ut_scalar;

namespace ut {

void set_error(const char* message);

// A required tensor argument; a null handle is an error, not a crash.
inline const at::Tensor& T(ut_tensor t) {
  if (t == nullptr) throw std::invalid_argument("a required tensor argument is null");
  if (!t->defined()) throw std::invalid_argument("a required tensor argument is undefined");
  return *t;
}

// An optional tensor argument: null means "not given".
inline c10::optional<at::Tensor> opt(ut_tensor t) {
  if (t == nullptr) return c10::nullopt;
  return *t;
}

// A tensor that is allowed to be undefined for libtorch (e.g. a missing bias).
inline at::Tensor or_undefined(ut_tensor t) { return t == nullptr ? at::Tensor() : *t; }

inline at::Scalar S(ut_scalar s) {
  switch (s.kind) {
    case 0: return at::Scalar(s.d);
    case 1: return at::Scalar(s.i);
    case 2: return at::Scalar(s.i != 0);
    default: throw std::invalid_argument("unknown scalar kind " + std::to_string(s.kind));
  }
}

inline at::ScalarType dtype(int32_t code) {
  if (code < 0 || code >= static_cast<int32_t>(at::ScalarType::NumOptions))
    throw std::invalid_argument("unknown dtype code " + std::to_string(code));
  return static_cast<at::ScalarType>(code);
}

inline at::Device device(int32_t type, int32_t index) {
  if (type < 0 || type >= static_cast<int32_t>(c10::DeviceType::COMPILE_TIME_MAX_DEVICE_TYPES))
    throw std::invalid_argument("unknown device type " + std::to_string(type));
  return at::Device(static_cast<c10::DeviceType>(type), static_cast<c10::DeviceIndex>(index));
}

inline at::TensorOptions options(int32_t dt, int32_t dev_type, int32_t dev_index) {
  return at::TensorOptions().dtype(dtype(dt)).device(device(dev_type, dev_index));
}

// ATen's factories (at::zeros, ...) ignore TensorOptions::requires_grad (only torch:: factories honour
// it), so factories set it on the result.
inline at::Tensor requiring_grad(at::Tensor t, int32_t requires_grad) {
  if (requires_grad != 0) t.requires_grad_(true);
  return t;
}

inline at::IntArrayRef dims(const int64_t* values, int32_t count) {
  if (count < 0) throw std::invalid_argument("negative dimension count");
  if (count > 0 && values == nullptr) throw std::invalid_argument("dimension array is null");
  return at::IntArrayRef(values, static_cast<size_t>(count));
}

// A required generator argument.
inline at::Generator& G(ut_generator g) {
  if (g == nullptr) throw std::invalid_argument("a required generator argument is null");
  return *g;
}

// An optional generator: null means libtorch's default generator.
inline c10::optional<at::Generator> opt_gen(ut_generator g) {
  if (g == nullptr) return c10::nullopt;
  return *g;
}

// Writes tensors into a caller-provided array of `capacity` handles.
int32_t write_list(const std::vector<at::Tensor>& list, ut_tensor* out, int32_t capacity);

// Reads an array of handles into a vector.
std::vector<at::Tensor> read_list(const ut_tensor* handles, int32_t count);

}  // namespace ut

#define UT_GUARD(fail, ...)                                   \
  try {                                                       \
    __VA_ARGS__                                               \
  } catch (const c10::Error& e) {                             \
    ut::set_error(e.what_without_backtrace());                \
    return fail;                                              \
  } catch (const std::exception& e) {                         \
    ut::set_error(e.what());                                  \
    return fail;                                              \
  } catch (...) {                                             \
    ut::set_error("unknown native exception in UniCode.Torch"); \
    return fail;                                              \
  }

// A function that returns a new tensor handle (nullptr on error).
#define UT_TENSOR(expr) UT_GUARD(nullptr, return new at::Tensor(expr);)

// A function that returns a status (0 ok, -1 error).
#define UT_STATUS(...) UT_GUARD(-1, __VA_ARGS__ return 0;)

// A function that returns a value (fail on error).
#define UT_VALUE(fail, expr) UT_GUARD(fail, return (expr);)
