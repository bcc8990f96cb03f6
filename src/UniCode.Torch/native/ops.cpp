// Elementwise math, comparisons, reductions and linear algebra products.
#include "bridge.h"

#include <ATen/ScalarOps.h>

#define UT_UNARY(name, expr) \
  UT_API ut_tensor ut_##name(ut_tensor a) { UT_TENSOR(expr) }
#define UT_BINARY(name, expr) \
  UT_API ut_tensor ut_##name(ut_tensor a, ut_tensor b) { UT_TENSOR(expr) }
#define UT_SCALAR(name, expr) \
  UT_API ut_tensor ut_##name(ut_tensor a, ut_scalar s) { UT_TENSOR(expr) }
#define UT_INPLACE(name, stmt) \
  UT_API int32_t ut_##name(ut_tensor a, ut_tensor b) { UT_STATUS(stmt;) }
#define UT_INPLACE_SCALAR(name, stmt) \
  UT_API int32_t ut_##name(ut_tensor a, ut_scalar s) { UT_STATUS(stmt;) }

using ut::S;
using ut::T;

// ---- arithmetic (broadcasting) ---------------------------------------------------
UT_API ut_tensor ut_add(ut_tensor a, ut_tensor b, ut_scalar alpha) { UT_TENSOR(at::add(T(a), T(b), S(alpha))) }
UT_API ut_tensor ut_sub(ut_tensor a, ut_tensor b, ut_scalar alpha) { UT_TENSOR(at::sub(T(a), T(b), S(alpha))) }
UT_BINARY(mul, at::mul(T(a), T(b)))
UT_BINARY(div, at::div(T(a), T(b)))
UT_BINARY(floor_divide, at::floor_divide(T(a), T(b)))
UT_BINARY(remainder, at::remainder(T(a), T(b)))
UT_BINARY(pow, at::pow(T(a), T(b)))
UT_BINARY(maximum, at::maximum(T(a), T(b)))
UT_BINARY(minimum, at::minimum(T(a), T(b)))
UT_SCALAR(add_scalar, at::add(T(a), S(s)))
UT_SCALAR(sub_scalar, at::sub(T(a), S(s)))
UT_SCALAR(rsub_scalar, at::rsub(T(a), S(s)))
UT_SCALAR(mul_scalar, at::mul(T(a), S(s)))
UT_SCALAR(div_scalar, at::div(T(a), S(s)))
// s / a: the scalar is a wrapped number, so it promotes like a Python scalar (0.5 / int64 gives float,
// where a scalar tensor of a's dtype would truncate 0.5 to 0).
UT_SCALAR(rdiv_scalar, at::div(at::native::wrapped_scalar_tensor(S(s), T(a).device()), T(a)))
UT_SCALAR(remainder_scalar, at::remainder(T(a), S(s)))
UT_SCALAR(pow_scalar, at::pow(T(a), S(s)))
UT_SCALAR(rpow_scalar, at::pow(S(s), T(a)))

// ---- in place (optimizers and initialisers) ------------------------------------------
UT_API int32_t ut_add_(ut_tensor a, ut_tensor b, ut_scalar alpha) { UT_STATUS(T(a).add_(T(b), S(alpha));) }
UT_INPLACE(sub_, T(a).sub_(T(b)))
UT_INPLACE(mul_, T(a).mul_(T(b)))
UT_INPLACE(div_, T(a).div_(T(b)))
UT_INPLACE_SCALAR(add_scalar_, T(a).add_(S(s)))
UT_INPLACE_SCALAR(mul_scalar_, T(a).mul_(S(s)))
UT_INPLACE_SCALAR(div_scalar_, T(a).div_(S(s)))
UT_API int32_t ut_addcmul_(ut_tensor a, ut_tensor t1, ut_tensor t2, ut_scalar value) {
  UT_STATUS(T(a).addcmul_(T(t1), T(t2), S(value));)
}
UT_API int32_t ut_addcdiv_(ut_tensor a, ut_tensor t1, ut_tensor t2, ut_scalar value) {
  UT_STATUS(T(a).addcdiv_(T(t1), T(t2), S(value));)
}
UT_API int32_t ut_lerp_(ut_tensor a, ut_tensor end, ut_scalar weight) { UT_STATUS(T(a).lerp_(T(end), S(weight));) }
UT_API int32_t ut_clamp_(ut_tensor a, ut_scalar min, int32_t has_min, ut_scalar max, int32_t has_max) {
  UT_STATUS(T(a).clamp_(has_min ? c10::optional<at::Scalar>(S(min)) : c10::nullopt,
                        has_max ? c10::optional<at::Scalar>(S(max)) : c10::nullopt);)
}

// ---- unary ---------------------------------------------------------------------------
UT_UNARY(neg, at::neg(T(a)))
UT_UNARY(exp, at::exp(T(a)))
UT_UNARY(log, at::log(T(a)))
UT_UNARY(log1p, at::log1p(T(a)))
UT_UNARY(sqrt, at::sqrt(T(a)))
UT_UNARY(rsqrt, at::rsqrt(T(a)))
UT_UNARY(abs, at::abs(T(a)))
UT_UNARY(sign, at::sign(T(a)))
UT_UNARY(square, at::square(T(a)))
UT_UNARY(reciprocal, at::reciprocal(T(a)))
UT_UNARY(sin, at::sin(T(a)))
UT_UNARY(cos, at::cos(T(a)))
UT_UNARY(floor, at::floor(T(a)))
UT_UNARY(ceil, at::ceil(T(a)))
UT_UNARY(round, at::round(T(a)))
UT_UNARY(tanh, at::tanh(T(a)))
UT_UNARY(sigmoid, at::sigmoid(T(a)))
UT_UNARY(relu, at::relu(T(a)))
UT_UNARY(silu, at::silu(T(a)))
UT_UNARY(erf, at::erf(T(a)))
UT_UNARY(isnan, at::isnan(T(a)))
UT_UNARY(isfinite, at::isfinite(T(a)))
UT_UNARY(logical_not, at::logical_not(T(a)))
UT_API ut_tensor ut_gelu(ut_tensor a, int32_t tanh_approximation) {
  UT_TENSOR(at::gelu(T(a), tanh_approximation ? "tanh" : "none"))
}
UT_API ut_tensor ut_leaky_relu(ut_tensor a, ut_scalar slope) { UT_TENSOR(at::leaky_relu(T(a), S(slope))) }
UT_API ut_tensor ut_clamp(ut_tensor a, ut_scalar min, int32_t has_min, ut_scalar max, int32_t has_max) {
  UT_TENSOR(at::clamp(T(a), has_min ? c10::optional<at::Scalar>(S(min)) : c10::nullopt,
                      has_max ? c10::optional<at::Scalar>(S(max)) : c10::nullopt))
}
UT_API ut_tensor ut_softmax(ut_tensor a, int64_t dim) { UT_TENSOR(at::softmax(T(a), dim)) }
UT_API ut_tensor ut_log_softmax(ut_tensor a, int64_t dim) { UT_TENSOR(at::log_softmax(T(a), dim)) }

// ---- comparison and selection ------------------------------------------------------------
UT_BINARY(eq, at::eq(T(a), T(b)))
UT_BINARY(ne, at::ne(T(a), T(b)))
UT_BINARY(lt, at::lt(T(a), T(b)))
UT_BINARY(le, at::le(T(a), T(b)))
UT_BINARY(gt, at::gt(T(a), T(b)))
UT_BINARY(ge, at::ge(T(a), T(b)))
UT_SCALAR(eq_scalar, at::eq(T(a), S(s)))
UT_SCALAR(ne_scalar, at::ne(T(a), S(s)))
UT_SCALAR(lt_scalar, at::lt(T(a), S(s)))
UT_SCALAR(le_scalar, at::le(T(a), S(s)))
UT_SCALAR(gt_scalar, at::gt(T(a), S(s)))
UT_SCALAR(ge_scalar, at::ge(T(a), S(s)))
UT_BINARY(logical_and, at::logical_and(T(a), T(b)))
UT_BINARY(logical_or, at::logical_or(T(a), T(b)))
UT_API int32_t ut_equal(ut_tensor a, ut_tensor b) { UT_VALUE(-1, at::equal(T(a), T(b)) ? 1 : 0) }
UT_API int32_t ut_allclose(ut_tensor a, ut_tensor b, double rtol, double atol) {
  UT_VALUE(-1, at::allclose(T(a), T(b), rtol, atol) ? 1 : 0)
}
UT_API ut_tensor ut_where(ut_tensor cond, ut_tensor a, ut_tensor b) { UT_TENSOR(at::where(T(cond), T(a), T(b))) }
UT_API ut_tensor ut_masked_fill(ut_tensor a, ut_tensor mask, ut_scalar s) {
  UT_TENSOR(at::masked_fill(T(a), T(mask), S(s)))
}
UT_BINARY(masked_select, at::masked_select(T(a), T(b)))

// ---- reductions ------------------------------------------------------------------------------
// `dims` may be empty, meaning "all dimensions".
UT_API ut_tensor ut_sum(ut_tensor a, const int64_t* dims, int32_t ndims, int32_t keepdim) {
  UT_TENSOR(at::sum(T(a), ut::dims(dims, ndims), keepdim != 0))
}
UT_API ut_tensor ut_mean(ut_tensor a, const int64_t* dims, int32_t ndims, int32_t keepdim) {
  UT_TENSOR(at::mean(T(a), ut::dims(dims, ndims), keepdim != 0))
}
UT_API ut_tensor ut_amax(ut_tensor a, const int64_t* dims, int32_t ndims, int32_t keepdim) {
  UT_TENSOR(at::amax(T(a), ut::dims(dims, ndims), keepdim != 0))
}
UT_API ut_tensor ut_amin(ut_tensor a, const int64_t* dims, int32_t ndims, int32_t keepdim) {
  UT_TENSOR(at::amin(T(a), ut::dims(dims, ndims), keepdim != 0))
}
UT_API ut_tensor ut_logsumexp(ut_tensor a, const int64_t* dims, int32_t ndims, int32_t keepdim) {
  UT_TENSOR(at::logsumexp(T(a), ut::dims(dims, ndims), keepdim != 0))
}
UT_API ut_tensor ut_var(ut_tensor a, const int64_t* dims, int32_t ndims, int64_t correction, int32_t keepdim) {
  UT_TENSOR(at::var(T(a), at::OptionalIntArrayRef(ut::dims(dims, ndims)), correction, keepdim != 0))
}
UT_API ut_tensor ut_std(ut_tensor a, const int64_t* dims, int32_t ndims, int64_t correction, int32_t keepdim) {
  UT_TENSOR(at::std(T(a), at::OptionalIntArrayRef(ut::dims(dims, ndims)), correction, keepdim != 0))
}
UT_API ut_tensor ut_prod(ut_tensor a) { UT_TENSOR(at::prod(T(a))) }
UT_API ut_tensor ut_all(ut_tensor a) { UT_TENSOR(at::all(T(a))) }
UT_API ut_tensor ut_any(ut_tensor a) { UT_TENSOR(at::any(T(a))) }
UT_API ut_tensor ut_max_all(ut_tensor a) { UT_TENSOR(at::max(T(a))) }
UT_API ut_tensor ut_min_all(ut_tensor a) { UT_TENSOR(at::min(T(a))) }
// Values and indices along one dimension: out[0] = values, out[1] = indices.
UT_API int32_t ut_max_dim(ut_tensor a, int64_t dim, int32_t keepdim, ut_tensor* out) {
  UT_GUARD(-1, auto r = at::max(T(a), dim, keepdim != 0); return ut::write_list({std::get<0>(r), std::get<1>(r)}, out, 2);)
}
UT_API int32_t ut_min_dim(ut_tensor a, int64_t dim, int32_t keepdim, ut_tensor* out) {
  UT_GUARD(-1, auto r = at::min(T(a), dim, keepdim != 0); return ut::write_list({std::get<0>(r), std::get<1>(r)}, out, 2);)
}
// has_dim = 0 reduces over the flattened tensor.
UT_API ut_tensor ut_argmax(ut_tensor a, int64_t dim, int32_t has_dim, int32_t keepdim) {
  UT_TENSOR(at::argmax(T(a), has_dim ? c10::optional<int64_t>(dim) : c10::nullopt, keepdim != 0))
}
UT_API ut_tensor ut_argmin(ut_tensor a, int64_t dim, int32_t has_dim, int32_t keepdim) {
  UT_TENSOR(at::argmin(T(a), has_dim ? c10::optional<int64_t>(dim) : c10::nullopt, keepdim != 0))
}
UT_API ut_tensor ut_norm(ut_tensor a, double p, const int64_t* dims, int32_t ndims, int32_t keepdim) {
  UT_TENSOR(at::linalg_vector_norm(T(a), p, ndims == 0 ? at::OptionalIntArrayRef() : ut::dims(dims, ndims),
                                   keepdim != 0))
}
UT_API ut_tensor ut_cumsum(ut_tensor a, int64_t dim) { UT_TENSOR(at::cumsum(T(a), dim)) }
// flag &= "every element of every listed tensor is finite", without reading the result: a trainer folds
// each step's loss and gradients into one bool scalar on their device and reads it once (one sync).
UT_API int32_t ut_all_finite_(ut_tensor flag, const ut_tensor* list, int32_t count) {
  UT_STATUS({
    const auto& f = T(flag);
    if (f.scalar_type() != at::kBool || f.dim() != 0) throw std::invalid_argument("the finite flag must be a bool scalar");
    at::NoGradGuard no_grad;
    for (const auto& t : ut::read_list(list, count)) {
      if (!t.is_floating_point() && !t.is_complex()) continue;  // integers and bools are always finite
      f.logical_and_(at::isfinite(t).all());
    }
  })
}
UT_API int32_t ut_topk(ut_tensor a, int64_t k, int64_t dim, int32_t largest, int32_t sorted, ut_tensor* out) {
  UT_GUARD(-1, auto r = at::topk(T(a), k, dim, largest != 0, sorted != 0);
           return ut::write_list({std::get<0>(r), std::get<1>(r)}, out, 2);)
}
UT_API int32_t ut_sort(ut_tensor a, int64_t dim, int32_t descending, int32_t stable, ut_tensor* out) {
  UT_GUARD(-1, auto r = at::sort(T(a), stable != 0, dim, descending != 0);
           return ut::write_list({std::get<0>(r), std::get<1>(r)}, out, 2);)
}
UT_API ut_tensor ut_argsort(ut_tensor a, int64_t dim, int32_t descending) {
  UT_TENSOR(at::argsort(T(a), dim, descending != 0))
}

// ---- products and linear algebra ------------------------------------------------------------
UT_BINARY(matmul, at::matmul(T(a), T(b)))
UT_BINARY(mm, at::mm(T(a), T(b)))
UT_BINARY(bmm, at::bmm(T(a), T(b)))
UT_BINARY(outer, at::outer(T(a), T(b)))
UT_API ut_tensor ut_einsum(const char* equation, const ut_tensor* operands, int32_t count) {
  UT_TENSOR(at::einsum(equation, ut::read_list(operands, count)))
}
UT_API int32_t ut_linalg_eigh(ut_tensor a, int32_t upper, ut_tensor* out) {
  UT_GUARD(-1, auto r = at::linalg_eigh(T(a), upper ? "U" : "L");
           return ut::write_list({std::get<0>(r), std::get<1>(r)}, out, 2);)
}
UT_API int32_t ut_linalg_svd(ut_tensor a, int32_t full_matrices, ut_tensor* out) {
  UT_GUARD(-1, auto r = at::linalg_svd(T(a), full_matrices != 0);
           return ut::write_list({std::get<0>(r), std::get<1>(r), std::get<2>(r)}, out, 3);)
}
