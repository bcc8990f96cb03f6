// Neural-network functions, losses and autograd.
#include "bridge.h"

#include <torch/csrc/autograd/autograd.h>

#include <limits>

using ut::S;
using ut::T;

namespace {
// A single row (a decoding step at batch 1) goes through a matrix-vector product, as at::linear does for a 1-D input:
// OpenBLAS's GEMM packs the whole weight matrix at every call, which for one row costs more than the product.
at::Tensor linear_or_mv(const at::Tensor& x, const at::Tensor& w, const c10::optional<at::Tensor>& b) {
  if (x.dim() < 2 || w.dim() != 2 || x.numel() != x.size(-1) || x.size(-1) != w.size(1)) return at::linear(x, w, b);
  auto shape = x.sizes().vec();
  shape.back() = w.size(0);
  auto row = x.reshape({x.size(-1)});
  return (b.has_value() && b->defined() ? at::addmv(*b, w, row) : at::mv(w, row)).view(shape);
}

// softmax(q kᵀ · scale with the hidden entries at −∞) v, dropout p on the weights when training: the attention of the
// kit's transformer in one call. The scores are scaled and masked in place (the product's backward reads q and k, not
// the scores), so each (B, heads, T, S) score matrix is written once instead of three times and lives once.
// A single query (a decoding step) multiplies and sums instead: libtorch 1.13's batched product loops over the
// B·heads matrices, one BLAS call of a 1 x head_dim by head_dim x S product each (35 µs per product at batch 1, a
// quarter of a decoding step), where one broadcast multiply and one reduction do the same work. Only while the
// (..., S, head_dim) product fits under the 1 MiB mmap threshold (memory.cpp): larger ones would be fresh mappings
// of a new size at every step (S grows), whose page faults cost more than the loop (measured at batch 16).
constexpr int64_t kHeapBlock = int64_t{1} << 20;
at::Tensor masked_attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, const at::Tensor& hidden,
                            double scale, double p, bool train) {
  const bool single = q.dim() >= 2 && q.size(-2) == 1 && k.dim() == q.dim() && v.dim() == q.dim() &&
                      k.numel() * static_cast<int64_t>(k.element_size()) < kHeapBlock;
  auto scores = single ? at::mul(k, q).sum(-1).unsqueeze(-2)  // (..., 1, S)
                       : at::matmul(q, k.transpose(-2, -1));   // (..., T, S)
  scores.mul_(scale).masked_fill_(hidden, -std::numeric_limits<double>::infinity());
  auto weights = at::dropout(at::softmax(scores, -1), p, train);
  return single ? at::mul(weights.transpose(-2, -1), v).sum(-2, /*keepdim=*/true)  // (..., 1, value_dim)
                : at::matmul(weights, v);
}
}  // namespace

// ---- layers -----------------------------------------------------------------------------------
UT_API ut_tensor ut_linear(ut_tensor x, ut_tensor w, ut_tensor b) { UT_TENSOR(linear_or_mv(T(x), T(w), ut::opt(b))) }
UT_API ut_tensor ut_masked_attention(ut_tensor q, ut_tensor k, ut_tensor v, ut_tensor hidden, double scale, double p,
                                     int32_t train) {
  UT_TENSOR(masked_attention(T(q), T(k), T(v), T(hidden), scale, p, train != 0))
}
UT_API ut_tensor ut_conv2d(ut_tensor x, ut_tensor w, ut_tensor b, const int64_t* stride, const int64_t* padding,
                           const int64_t* dilation, int64_t groups) {
  UT_TENSOR(at::conv2d(T(x), T(w), ut::opt(b), ut::dims(stride, 2), ut::dims(padding, 2), ut::dims(dilation, 2),
                       groups))
}
UT_API ut_tensor ut_conv_transpose2d(ut_tensor x, ut_tensor w, ut_tensor b, const int64_t* stride,
                                     const int64_t* padding, const int64_t* output_padding, int64_t groups,
                                     const int64_t* dilation) {
  UT_TENSOR(at::conv_transpose2d(T(x), T(w), ut::opt(b), ut::dims(stride, 2), ut::dims(padding, 2),
                                 ut::dims(output_padding, 2), groups, ut::dims(dilation, 2)))
}
UT_API ut_tensor ut_group_norm(ut_tensor x, int64_t groups, ut_tensor w, ut_tensor b, double eps) {
  UT_TENSOR(at::group_norm(T(x), groups, ut::opt(w), ut::opt(b), eps))
}
UT_API ut_tensor ut_layer_norm(ut_tensor x, const int64_t* shape, int32_t n, ut_tensor w, ut_tensor b, double eps) {
  UT_TENSOR(at::layer_norm(T(x), ut::dims(shape, n), ut::opt(w), ut::opt(b), eps))
}
UT_API ut_tensor ut_batch_norm(ut_tensor x, ut_tensor w, ut_tensor b, ut_tensor running_mean, ut_tensor running_var,
                               int32_t training, double momentum, double eps) {
  UT_TENSOR(at::batch_norm(T(x), ut::opt(w), ut::opt(b), ut::opt(running_mean), ut::opt(running_var), training != 0,
                           momentum, eps, false))
}
UT_API ut_tensor ut_embedding(ut_tensor w, ut_tensor indices, int64_t padding_idx) {
  UT_TENSOR(at::embedding(T(w), T(indices), padding_idx))
}
UT_API ut_tensor ut_dropout(ut_tensor x, double p, int32_t train) { UT_TENSOR(at::dropout(T(x), p, train != 0)) }

// ---- losses (reduction: 0 none, 1 mean, 2 sum, as at::Reduction) ----------------------------------
UT_API ut_tensor ut_cross_entropy(ut_tensor logits, ut_tensor target, ut_tensor weight, int64_t reduction,
                                  int64_t ignore_index, double label_smoothing) {
  UT_TENSOR(at::cross_entropy_loss(T(logits), T(target), ut::opt(weight), reduction, ignore_index, label_smoothing))
}
UT_API ut_tensor ut_nll_loss(ut_tensor logp, ut_tensor target, ut_tensor weight, int64_t reduction,
                             int64_t ignore_index) {
  UT_TENSOR(at::nll_loss_nd(T(logp), T(target), ut::opt(weight), reduction, ignore_index))
}
UT_API ut_tensor ut_mse_loss(ut_tensor a, ut_tensor b, int64_t reduction) { UT_TENSOR(at::mse_loss(T(a), T(b), reduction)) }
UT_API ut_tensor ut_l1_loss(ut_tensor a, ut_tensor b, int64_t reduction) { UT_TENSOR(at::l1_loss(T(a), T(b), reduction)) }
UT_API ut_tensor ut_bce_with_logits(ut_tensor x, ut_tensor y, ut_tensor weight, ut_tensor pos_weight,
                                    int64_t reduction) {
  UT_TENSOR(at::binary_cross_entropy_with_logits(T(x), T(y), ut::opt(weight), ut::opt(pos_weight), reduction))
}

// ---- autograd ---------------------------------------------------------------------------------------
// gradient may be null for a scalar output.
UT_API int32_t ut_backward(ut_tensor t, ut_tensor gradient, int32_t retain_graph, int32_t create_graph) {
  UT_STATUS(T(t).backward(ut::or_undefined(gradient), retain_graph != 0, create_graph != 0);)
}
// Writes the gradient, or null when the tensor has none.
UT_API int32_t ut_grad(ut_tensor t, ut_tensor* out) {
  UT_STATUS(const auto& g = T(t).grad(); *out = g.defined() ? new at::Tensor(g) : nullptr;)
}
// gradient null clears the gradient (PyTorch's `p.grad = None`).
// As PyTorch's setter, a gradient must match the tensor's shape, dtype and device: a [1] gradient would
// otherwise broadcast in the optimizer and a [1, n] one keep accumulating in the wrong shape.
UT_API int32_t ut_set_grad(ut_tensor t, ut_tensor gradient) {
  UT_STATUS({
    const auto& self = T(t);
    auto g = ut::or_undefined(gradient);
    if (g.defined()) {
      if (g.sizes() != self.sizes())
        throw std::invalid_argument("a gradient of shape " + c10::str(g.sizes()) + " cannot be assigned to a tensor of shape " +
                                    c10::str(self.sizes()) + " (shapes must match)");
      if (g.scalar_type() != self.scalar_type())
        throw std::invalid_argument(std::string("a ") + c10::toString(g.scalar_type()) +
                                    " gradient cannot be assigned to a " + c10::toString(self.scalar_type()) +
                                    " tensor (dtypes must match)");
      if (g.device() != self.device())
        throw std::invalid_argument("a gradient on " + g.device().str() + " cannot be assigned to a tensor on " +
                                    self.device().str() + " (devices must match)");
    }
    self.mutable_grad() = g;
  })
}
UT_API int32_t ut_retain_grad(ut_tensor t) { UT_STATUS(T(t).retain_grad();) }
// d(outputs)/d(inputs), like torch.autograd.grad; an unused input gets a null handle when allow_unused.
UT_API int32_t ut_autograd_grad(const ut_tensor* outputs, int32_t n_out, const ut_tensor* grad_outputs,
                                int32_t n_grad_out, const ut_tensor* inputs, int32_t n_in, int32_t retain_graph,
                                int32_t create_graph, int32_t allow_unused, ut_tensor* out) {
  UT_STATUS({
    std::vector<at::Tensor> grads_out;
    for (int32_t i = 0; i < n_grad_out; ++i) grads_out.push_back(ut::or_undefined(grad_outputs[i]));
    auto grads = torch::autograd::grad(ut::read_list(outputs, n_out), ut::read_list(inputs, n_in), grads_out,
                                       c10::optional<bool>(retain_graph != 0), create_graph != 0, allow_unused != 0);
    for (size_t i = 0; i < grads.size(); ++i) out[i] = grads[i].defined() ? new at::Tensor(grads[i]) : nullptr;
  })
}
