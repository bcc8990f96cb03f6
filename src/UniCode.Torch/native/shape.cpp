// Views, reshaping, joining, splitting and indexing.
#include "bridge.h"

using ut::S;
using ut::T;

#define UT_DIMS_OP(name, expr) \
  UT_API ut_tensor ut_##name(ut_tensor a, const int64_t* d, int32_t n) { UT_TENSOR(expr) }

UT_DIMS_OP(view, T(a).view(ut::dims(d, n)))
UT_DIMS_OP(reshape, at::reshape(T(a), ut::dims(d, n)))
UT_DIMS_OP(permute, at::permute(T(a), ut::dims(d, n)))
UT_DIMS_OP(expand, T(a).expand(ut::dims(d, n)))
UT_DIMS_OP(repeat, T(a).repeat(ut::dims(d, n)))
UT_DIMS_OP(flip, at::flip(T(a), ut::dims(d, n)))

UT_API ut_tensor ut_transpose(ut_tensor a, int64_t d0, int64_t d1) { UT_TENSOR(at::transpose(T(a), d0, d1)) }
UT_API ut_tensor ut_squeeze(ut_tensor a) { UT_TENSOR(at::squeeze(T(a))) }
UT_API ut_tensor ut_squeeze_dim(ut_tensor a, int64_t dim) { UT_TENSOR(at::squeeze(T(a), dim)) }
UT_API ut_tensor ut_unsqueeze(ut_tensor a, int64_t dim) { UT_TENSOR(at::unsqueeze(T(a), dim)) }
UT_API ut_tensor ut_flatten(ut_tensor a, int64_t start, int64_t end) { UT_TENSOR(at::flatten(T(a), start, end)) }
UT_API ut_tensor ut_unflatten(ut_tensor a, int64_t dim, const int64_t* d, int32_t n) {
  UT_TENSOR(at::unflatten(T(a), dim, ut::dims(d, n)))
}
UT_API ut_tensor ut_narrow(ut_tensor a, int64_t dim, int64_t start, int64_t length) {
  UT_TENSOR(at::narrow(T(a), dim, start, length))
}
UT_API ut_tensor ut_select(ut_tensor a, int64_t dim, int64_t index) { UT_TENSOR(at::select(T(a), dim, index)) }
UT_API ut_tensor ut_slice(ut_tensor a, int64_t dim, int64_t start, int64_t end, int64_t step) {
  UT_TENSOR(at::slice(T(a), dim, start, end, step))
}
UT_API ut_tensor ut_roll(ut_tensor a, int64_t shift, int64_t dim) { UT_TENSOR(at::roll(T(a), shift, dim)) }
UT_API ut_tensor ut_tril(ut_tensor a, int64_t diagonal) { UT_TENSOR(at::tril(T(a), diagonal)) }
UT_API ut_tensor ut_triu(ut_tensor a, int64_t diagonal) { UT_TENSOR(at::triu(T(a), diagonal)) }

// ---- joining and splitting ------------------------------------------------------------------
UT_API ut_tensor ut_cat(const ut_tensor* list, int32_t count, int64_t dim) {
  UT_TENSOR(at::cat(ut::read_list(list, count), dim))
}
UT_API ut_tensor ut_stack(const ut_tensor* list, int32_t count, int64_t dim) {
  UT_TENSOR(at::stack(ut::read_list(list, count), dim))
}
UT_API int32_t ut_chunk(ut_tensor a, int64_t chunks, int64_t dim, ut_tensor* out, int32_t capacity) {
  UT_VALUE(-1, ut::write_list(at::chunk(T(a), chunks, dim), out, capacity))
}
UT_API int32_t ut_split(ut_tensor a, int64_t size, int64_t dim, ut_tensor* out, int32_t capacity) {
  UT_VALUE(-1, ut::write_list(at::split(T(a), size, dim), out, capacity))
}
UT_API int32_t ut_split_sizes(ut_tensor a, const int64_t* sizes, int32_t n, int64_t dim, ut_tensor* out,
                              int32_t capacity) {
  UT_VALUE(-1, ut::write_list(at::split_with_sizes(T(a), ut::dims(sizes, n), dim), out, capacity))
}

// ---- gathering and scattering ------------------------------------------------------------------
UT_API ut_tensor ut_index_select(ut_tensor a, int64_t dim, ut_tensor index) {
  UT_TENSOR(at::index_select(T(a), dim, T(index)))
}
UT_API ut_tensor ut_gather(ut_tensor a, int64_t dim, ut_tensor index) { UT_TENSOR(at::gather(T(a), dim, T(index))) }
UT_API ut_tensor ut_scatter(ut_tensor a, int64_t dim, ut_tensor index, ut_tensor src) {
  UT_TENSOR(at::scatter(T(a), dim, T(index), T(src)))
}
UT_API ut_tensor ut_scatter_scalar(ut_tensor a, int64_t dim, ut_tensor index, ut_scalar value) {
  UT_TENSOR(at::scatter(T(a), dim, T(index), S(value)))
}
UT_API ut_tensor ut_scatter_add(ut_tensor a, int64_t dim, ut_tensor index, ut_tensor src) {
  UT_TENSOR(at::scatter_add(T(a), dim, T(index), T(src)))
}
UT_API ut_tensor ut_index_add(ut_tensor a, int64_t dim, ut_tensor index, ut_tensor source, ut_scalar alpha) {
  UT_TENSOR(at::index_add(T(a), dim, T(index), T(source), S(alpha)))
}
UT_API int32_t ut_index_add_(ut_tensor a, int64_t dim, ut_tensor index, ut_tensor source, ut_scalar alpha) {
  UT_STATUS(T(a).index_add_(dim, T(index), T(source), S(alpha));)
}
UT_API int32_t ut_index_copy_(ut_tensor a, int64_t dim, ut_tensor index, ut_tensor source) {
  UT_STATUS(T(a).index_copy_(dim, T(index), T(source));)
}
UT_API ut_tensor ut_bincount(ut_tensor a, int64_t minlength) { UT_TENSOR(at::bincount(T(a), {}, minlength)) }
UT_API ut_tensor ut_one_hot(ut_tensor a, int64_t classes) { UT_TENSOR(at::one_hot(T(a), classes)) }
UT_API ut_tensor ut_nonzero(ut_tensor a) { UT_TENSOR(at::nonzero(T(a))) }

// ---- padding, resampling and pooling (NCHW) -----------------------------------------------------
// mode: "constant", "reflect", "replicate" or "circular"; value only for "constant".
UT_API ut_tensor ut_pad(ut_tensor a, const int64_t* pads, int32_t n, const char* mode, double value) {
  UT_TENSOR(at::pad(T(a), ut::dims(pads, n), mode,
                    std::string(mode) == "constant" ? c10::optional<double>(value) : c10::nullopt))
}
UT_API ut_tensor ut_upsample_nearest2d(ut_tensor a, int64_t h, int64_t w) {
  UT_TENSOR(at::upsample_nearest2d(T(a), {h, w}))
}
UT_API ut_tensor ut_upsample_bilinear2d(ut_tensor a, int64_t h, int64_t w, int32_t align_corners) {
  UT_TENSOR(at::upsample_bilinear2d(T(a), {h, w}, align_corners != 0))
}
UT_API ut_tensor ut_adaptive_avg_pool2d(ut_tensor a, int64_t h, int64_t w) {
  UT_TENSOR(at::adaptive_avg_pool2d(T(a), {h, w}))
}
UT_API ut_tensor ut_avg_pool2d(ut_tensor a, int64_t kh, int64_t kw, int64_t sh, int64_t sw, int64_t ph, int64_t pw) {
  UT_TENSOR(at::avg_pool2d(T(a), {kh, kw}, {sh, sw}, {ph, pw}))
}
UT_API ut_tensor ut_max_pool2d(ut_tensor a, int64_t kh, int64_t kw, int64_t sh, int64_t sw, int64_t ph, int64_t pw) {
  UT_TENSOR(at::max_pool2d(T(a), {kh, kw}, {sh, sw}, {ph, pw}))
}
UT_API ut_tensor ut_pixel_shuffle(ut_tensor a, int64_t factor) { UT_TENSOR(at::pixel_shuffle(T(a), factor)) }
UT_API ut_tensor ut_pixel_unshuffle(ut_tensor a, int64_t factor) { UT_TENSOR(at::pixel_unshuffle(T(a), factor)) }
