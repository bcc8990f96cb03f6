// Tensor lifetime, creation, random sampling, properties and data exchange.
#include "bridge.h"

#include <cstring>

namespace {
// Checks that a managed buffer holds exactly the bytes a tensor needs.
void check_bytes(int64_t have, const at::Tensor& t) {
  int64_t need = t.numel() * static_cast<int64_t>(t.element_size());
  if (have != need)
    throw std::invalid_argument("buffer holds " + std::to_string(have) + " bytes but a " +
                                std::string(c10::toString(t.scalar_type())) + " tensor of shape " +
                                c10::str(t.sizes()) + " needs " + std::to_string(need));
}
}  // namespace

UT_API void ut_tensor_free(ut_tensor t) { delete t; }

UT_API ut_tensor ut_from_data(const void* data, int64_t nbytes, int32_t dt, const int64_t* shape, int32_t ndim,
                              int32_t requires_grad) {
  UT_GUARD(nullptr, {
    auto t = at::empty(ut::dims(shape, ndim), at::TensorOptions().dtype(ut::dtype(dt)));
    check_bytes(nbytes, t);
    if (nbytes > 0) {
      if (data == nullptr) throw std::invalid_argument("data pointer is null");
      std::memcpy(t.data_ptr(), data, static_cast<size_t>(nbytes));
    }
    if (requires_grad) t.requires_grad_(true);
    return new at::Tensor(t);
  })
}

UT_API int32_t ut_copy_to(ut_tensor t, void* dst, int64_t nbytes) {
  UT_STATUS({
    auto src = ut::T(t).detach().to(at::kCPU).contiguous();
    check_bytes(nbytes, src);
    if (nbytes > 0 && dst == nullptr) throw std::invalid_argument("destination pointer is null");
    if (nbytes > 0) std::memcpy(dst, src.data_ptr(), static_cast<size_t>(nbytes));
  })
}

// ---- creation ---------------------------------------------------------------
UT_API ut_tensor ut_empty(const int64_t* shape, int32_t ndim, int32_t dt, int32_t dev, int32_t idx, int32_t rg) {
  UT_TENSOR(ut::requiring_grad(at::empty(ut::dims(shape, ndim), ut::options(dt, dev, idx)), rg))
}
UT_API ut_tensor ut_zeros(const int64_t* shape, int32_t ndim, int32_t dt, int32_t dev, int32_t idx, int32_t rg) {
  UT_TENSOR(ut::requiring_grad(at::zeros(ut::dims(shape, ndim), ut::options(dt, dev, idx)), rg))
}
UT_API ut_tensor ut_ones(const int64_t* shape, int32_t ndim, int32_t dt, int32_t dev, int32_t idx, int32_t rg) {
  UT_TENSOR(ut::requiring_grad(at::ones(ut::dims(shape, ndim), ut::options(dt, dev, idx)), rg))
}
UT_API ut_tensor ut_full(const int64_t* shape, int32_t ndim, ut_scalar value, int32_t dt, int32_t dev, int32_t idx,
                         int32_t rg) {
  UT_TENSOR(ut::requiring_grad(at::full(ut::dims(shape, ndim), ut::S(value), ut::options(dt, dev, idx)), rg))
}
UT_API ut_tensor ut_arange(ut_scalar start, ut_scalar end, ut_scalar step, int32_t dt, int32_t dev, int32_t idx,
                           int32_t rg) {
  UT_TENSOR(ut::requiring_grad(at::arange(ut::S(start), ut::S(end), ut::S(step), ut::options(dt, dev, idx)), rg))
}
UT_API ut_tensor ut_linspace(ut_scalar start, ut_scalar end, int64_t steps, int32_t dt, int32_t dev, int32_t idx,
                             int32_t rg) {
  UT_TENSOR(ut::requiring_grad(at::linspace(ut::S(start), ut::S(end), steps, ut::options(dt, dev, idx)), rg))
}
UT_API ut_tensor ut_eye(int64_t n, int64_t m, int32_t dt, int32_t dev, int32_t idx, int32_t rg) {
  UT_TENSOR(ut::requiring_grad(at::eye(n, m, ut::options(dt, dev, idx)), rg))
}
UT_API ut_tensor ut_zeros_like(ut_tensor t) { UT_TENSOR(at::zeros_like(ut::T(t))) }
UT_API ut_tensor ut_ones_like(ut_tensor t) { UT_TENSOR(at::ones_like(ut::T(t))) }
UT_API ut_tensor ut_full_like(ut_tensor t, ut_scalar value) { UT_TENSOR(at::full_like(ut::T(t), ut::S(value))) }

// ---- random -------------------------------------------------------------------
UT_API ut_tensor ut_randn(const int64_t* shape, int32_t ndim, ut_generator g, int32_t dt, int32_t dev, int32_t idx,
                          int32_t rg) {
  UT_TENSOR(ut::requiring_grad(at::randn(ut::dims(shape, ndim), ut::opt_gen(g), ut::options(dt, dev, idx)), rg))
}
UT_API ut_tensor ut_rand(const int64_t* shape, int32_t ndim, ut_generator g, int32_t dt, int32_t dev, int32_t idx,
                         int32_t rg) {
  UT_TENSOR(ut::requiring_grad(at::rand(ut::dims(shape, ndim), ut::opt_gen(g), ut::options(dt, dev, idx)), rg))
}
UT_API ut_tensor ut_randint(int64_t low, int64_t high, const int64_t* shape, int32_t ndim, ut_generator g, int32_t dt,
                            int32_t dev, int32_t idx) {
  UT_TENSOR(at::randint(low, high, ut::dims(shape, ndim), ut::opt_gen(g), ut::options(dt, dev, idx)))
}
UT_API ut_tensor ut_randperm(int64_t n, ut_generator g, int32_t dt, int32_t dev, int32_t idx) {
  UT_TENSOR(at::randperm(n, ut::opt_gen(g), ut::options(dt, dev, idx)))
}
UT_API ut_tensor ut_multinomial(ut_tensor probs, int64_t n, int32_t replacement, ut_generator g) {
  UT_TENSOR(at::multinomial(ut::T(probs), n, replacement != 0, ut::opt_gen(g)))
}
UT_API ut_tensor ut_bernoulli(ut_tensor probs, ut_generator g) { UT_TENSOR(at::bernoulli(ut::T(probs), ut::opt_gen(g))) }
UT_API int32_t ut_normal_(ut_tensor t, double mean, double std, ut_generator g) {
  UT_STATUS(ut::T(t).normal_(mean, std, ut::opt_gen(g));)
}
UT_API int32_t ut_uniform_(ut_tensor t, double from, double to, ut_generator g) {
  UT_STATUS(ut::T(t).uniform_(from, to, ut::opt_gen(g));)
}

// ---- properties -----------------------------------------------------------------
UT_API int32_t ut_dim(ut_tensor t) { UT_VALUE(-1, static_cast<int32_t>(ut::T(t).dim())) }
UT_API int32_t ut_shape(ut_tensor t, int64_t* out, int32_t capacity) {
  UT_GUARD(-1, {
    auto sizes = ut::T(t).sizes();
    if (static_cast<int64_t>(sizes.size()) > capacity) throw std::length_error("shape buffer too small");
    for (size_t i = 0; i < sizes.size(); ++i) out[i] = sizes[i];
    return static_cast<int32_t>(sizes.size());
  })
}
UT_API int32_t ut_strides(ut_tensor t, int64_t* out, int32_t capacity) {
  UT_GUARD(-1, {
    auto strides = ut::T(t).strides();
    if (static_cast<int64_t>(strides.size()) > capacity) throw std::length_error("stride buffer too small");
    for (size_t i = 0; i < strides.size(); ++i) out[i] = strides[i];
    return static_cast<int32_t>(strides.size());
  })
}
UT_API int64_t ut_numel(ut_tensor t) { UT_VALUE(-1, ut::T(t).numel()) }
UT_API int32_t ut_dtype(ut_tensor t) { UT_VALUE(-1, static_cast<int32_t>(ut::T(t).scalar_type())) }
UT_API int32_t ut_device_type(ut_tensor t) { UT_VALUE(-1, static_cast<int32_t>(ut::T(t).device().type())) }
UT_API int32_t ut_device_index(ut_tensor t) { UT_VALUE(-2, static_cast<int32_t>(ut::T(t).device().index())) }
UT_API int32_t ut_requires_grad(ut_tensor t) { UT_VALUE(-1, ut::T(t).requires_grad() ? 1 : 0) }
UT_API int32_t ut_set_requires_grad(ut_tensor t, int32_t on) { UT_STATUS(ut::T(t).requires_grad_(on != 0);) }
UT_API int32_t ut_is_leaf(ut_tensor t) { UT_VALUE(-1, ut::T(t).is_leaf() ? 1 : 0) }
UT_API int32_t ut_is_contiguous(ut_tensor t) { UT_VALUE(-1, ut::T(t).is_contiguous() ? 1 : 0) }
UT_API int32_t ut_item(ut_tensor t, ut_scalar* out) {
  UT_STATUS({
    auto value = ut::T(t).item();
    if (value.isBoolean()) *out = ut_scalar{0.0, value.toBool() ? 1 : 0, 2};
    else if (value.isIntegral(false)) *out = ut_scalar{0.0, value.toLong(), 1};
    else if (value.isFloatingPoint()) *out = ut_scalar{value.toDouble(), 0, 0};
    else throw std::invalid_argument("item() of a complex tensor is not supported");
  })
}

// ---- conversion and copies ----------------------------------------------------------
UT_API ut_tensor ut_clone(ut_tensor t) { UT_TENSOR(ut::T(t).clone()) }
UT_API ut_tensor ut_detach(ut_tensor t) { UT_TENSOR(ut::T(t).detach()) }
UT_API ut_tensor ut_contiguous(ut_tensor t) { UT_TENSOR(ut::T(t).contiguous()) }
UT_API ut_tensor ut_to_dtype(ut_tensor t, int32_t dt) { UT_TENSOR(ut::T(t).to(ut::dtype(dt))) }
UT_API ut_tensor ut_to_device(ut_tensor t, int32_t dev, int32_t idx) { UT_TENSOR(ut::T(t).to(ut::device(dev, idx))) }
UT_API int32_t ut_copy_(ut_tensor dst, ut_tensor src) { UT_STATUS(ut::T(dst).copy_(ut::T(src));) }
UT_API int32_t ut_fill_(ut_tensor t, ut_scalar value) { UT_STATUS(ut::T(t).fill_(ut::S(value));) }
UT_API int32_t ut_zero_(ut_tensor t) { UT_STATUS(ut::T(t).zero_();) }
// Swaps the storage under a tensor, keeping its identity (used by Parameter.To).
UT_API int32_t ut_set_data(ut_tensor t, ut_tensor src) { UT_STATUS(ut::T(t).set_data(ut::T(src));) }
