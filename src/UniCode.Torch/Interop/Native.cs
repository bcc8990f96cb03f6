using System.Runtime.InteropServices;

namespace UniCode.Torch.Interop;

// The C ABI of native/*.cpp, one declaration per exported function, named exactly as in C.
// Tensor arguments are TensorHandles (the marshaller keeps them alive for the call);
// new tensors come back as raw pointers that Tensor.Wrap takes ownership of.
internal static partial class Native
{
    private const string Lib = NativeLibraryLoader.LibraryName;

    // Only registers the resolver (which cannot fail), so that a missing library surfaces as the
    // resolver's DllNotFoundException at the first call rather than as a TypeInitializationException.
    static Native() => NativeLibraryLoader.Register();

    /// <summary>Forces the static constructor, which registers the resolver.</summary>
    internal static void EnsureLoaded()
    {
    }

    // ---- runtime.cpp ----
    [LibraryImport(Lib)] internal static partial IntPtr ut_last_error();
    [LibraryImport(Lib)] internal static partial IntPtr ut_version();
    [LibraryImport(Lib)] internal static partial int ut_set_num_threads(int n);
    [LibraryImport(Lib)] internal static partial int ut_get_num_threads();
    [LibraryImport(Lib)] internal static partial int ut_set_num_interop_threads(int n);
    [LibraryImport(Lib)] internal static partial int ut_get_num_interop_threads();
    [LibraryImport(Lib)] internal static partial int ut_openblas_set_num_threads(int n);
    [LibraryImport(Lib)] internal static partial int ut_openblas_get_num_threads();
    [LibraryImport(Lib)] internal static partial IntPtr ut_blas_config();
    [LibraryImport(Lib)] internal static partial IntPtr ut_parallel_info();
    [LibraryImport(Lib)] internal static partial int ut_cuda_is_available();
    [LibraryImport(Lib)] internal static partial int ut_cuda_device_count();
    [LibraryImport(Lib)] internal static partial int ut_manual_seed(ulong seed);
    [LibraryImport(Lib)] internal static partial int ut_set_deterministic(int on);
    [LibraryImport(Lib)] internal static partial int ut_get_deterministic();
    [LibraryImport(Lib)] internal static partial int ut_set_grad_enabled(int on);
    [LibraryImport(Lib)] internal static partial int ut_is_grad_enabled();
    [LibraryImport(Lib)] internal static partial IntPtr ut_generator_new(ulong seed, int deviceType, int deviceIndex);
    [LibraryImport(Lib)] internal static partial void ut_generator_free(IntPtr generator);
    [LibraryImport(Lib)] internal static partial int ut_generator_set_seed(GeneratorHandle generator, ulong seed);
    [LibraryImport(Lib)] internal static partial int ut_generator_get_seed(GeneratorHandle generator, out ulong seed);
    [LibraryImport(Lib)] internal static partial IntPtr ut_generator_get_state(GeneratorHandle generator);
    [LibraryImport(Lib)] internal static partial int ut_generator_set_state(GeneratorHandle generator, TensorHandle state);
    [LibraryImport(Lib)] internal static partial IntPtr ut_default_generator_get_state();
    [LibraryImport(Lib)] internal static partial int ut_default_generator_set_state(TensorHandle state);

    // ---- memory.cpp ----
    [LibraryImport(Lib)] internal static partial IntPtr ut_native_bytes_counter();
    [LibraryImport(Lib)] internal static partial long ut_native_bytes();
    [LibraryImport(Lib)] internal static partial int ut_release_free_memory();

    // ---- tensor.cpp ----
    [LibraryImport(Lib)] internal static partial void ut_tensor_free(IntPtr t);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr ut_from_data(void* data, long nbytes, int dtype, ReadOnlySpan<long> shape, int ndim, int requiresGrad);
    [LibraryImport(Lib)] internal static unsafe partial int ut_copy_to(TensorHandle t, void* dst, long nbytes);
    [LibraryImport(Lib)] internal static partial IntPtr ut_empty(ReadOnlySpan<long> shape, int ndim, int dtype, int dev, int idx, int rg);
    [LibraryImport(Lib)] internal static partial IntPtr ut_zeros(ReadOnlySpan<long> shape, int ndim, int dtype, int dev, int idx, int rg);
    [LibraryImport(Lib)] internal static partial IntPtr ut_ones(ReadOnlySpan<long> shape, int ndim, int dtype, int dev, int idx, int rg);
    [LibraryImport(Lib)] internal static partial IntPtr ut_full(ReadOnlySpan<long> shape, int ndim, NativeScalar value, int dtype, int dev, int idx, int rg);
    [LibraryImport(Lib)] internal static partial IntPtr ut_arange(NativeScalar start, NativeScalar end, NativeScalar step, int dtype, int dev, int idx, int rg);
    [LibraryImport(Lib)] internal static partial IntPtr ut_linspace(NativeScalar start, NativeScalar end, long steps, int dtype, int dev, int idx, int rg);
    [LibraryImport(Lib)] internal static partial IntPtr ut_eye(long n, long m, int dtype, int dev, int idx, int rg);
    [LibraryImport(Lib)] internal static partial IntPtr ut_zeros_like(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr ut_ones_like(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr ut_full_like(TensorHandle t, NativeScalar value);
    [LibraryImport(Lib)] internal static partial IntPtr ut_randn(ReadOnlySpan<long> shape, int ndim, GeneratorHandle g, int dtype, int dev, int idx, int rg);
    [LibraryImport(Lib)] internal static partial IntPtr ut_rand(ReadOnlySpan<long> shape, int ndim, GeneratorHandle g, int dtype, int dev, int idx, int rg);
    [LibraryImport(Lib)] internal static partial IntPtr ut_randint(long low, long high, ReadOnlySpan<long> shape, int ndim, GeneratorHandle g, int dtype, int dev, int idx);
    [LibraryImport(Lib)] internal static partial IntPtr ut_randperm(long n, GeneratorHandle g, int dtype, int dev, int idx);
    [LibraryImport(Lib)] internal static partial IntPtr ut_multinomial(TensorHandle probs, long n, int replacement, GeneratorHandle g);
    [LibraryImport(Lib)] internal static partial IntPtr ut_bernoulli(TensorHandle probs, GeneratorHandle g);
    [LibraryImport(Lib)] internal static partial int ut_normal_(TensorHandle t, double mean, double std, GeneratorHandle g);
    [LibraryImport(Lib)] internal static partial int ut_uniform_(TensorHandle t, double from, double to, GeneratorHandle g);
    [LibraryImport(Lib)] internal static partial int ut_dim(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int ut_shape(TensorHandle t, Span<long> output, int capacity);
    [LibraryImport(Lib)] internal static partial int ut_strides(TensorHandle t, Span<long> output, int capacity);
    [LibraryImport(Lib)] internal static partial long ut_numel(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int ut_dtype(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int ut_device_type(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int ut_device_index(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int ut_requires_grad(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int ut_set_requires_grad(TensorHandle t, int on);
    [LibraryImport(Lib)] internal static partial int ut_is_leaf(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int ut_is_contiguous(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int ut_item(TensorHandle t, out NativeScalar value);
    [LibraryImport(Lib)] internal static partial IntPtr ut_clone(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr ut_detach(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr ut_contiguous(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr ut_to_dtype(TensorHandle t, int dtype);
    [LibraryImport(Lib)] internal static partial IntPtr ut_to_device(TensorHandle t, int dev, int idx);
    [LibraryImport(Lib)] internal static partial int ut_copy_(TensorHandle dst, TensorHandle src);
    [LibraryImport(Lib)] internal static partial int ut_fill_(TensorHandle t, NativeScalar value);
    [LibraryImport(Lib)] internal static partial int ut_zero_(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int ut_set_data(TensorHandle t, TensorHandle src);

    // ---- ops.cpp ----
    [LibraryImport(Lib)] internal static partial IntPtr ut_add(TensorHandle a, TensorHandle b, NativeScalar alpha);
    [LibraryImport(Lib)] internal static partial IntPtr ut_sub(TensorHandle a, TensorHandle b, NativeScalar alpha);
    [LibraryImport(Lib)] internal static partial IntPtr ut_mul(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial IntPtr ut_div(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial IntPtr ut_floor_divide(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial IntPtr ut_remainder(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial IntPtr ut_pow(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial IntPtr ut_maximum(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial IntPtr ut_minimum(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial IntPtr ut_add_scalar(TensorHandle a, NativeScalar s);
    [LibraryImport(Lib)] internal static partial IntPtr ut_sub_scalar(TensorHandle a, NativeScalar s);
    [LibraryImport(Lib)] internal static partial IntPtr ut_rsub_scalar(TensorHandle a, NativeScalar s);
    [LibraryImport(Lib)] internal static partial IntPtr ut_mul_scalar(TensorHandle a, NativeScalar s);
    [LibraryImport(Lib)] internal static partial IntPtr ut_div_scalar(TensorHandle a, NativeScalar s);
    [LibraryImport(Lib)] internal static partial IntPtr ut_rdiv_scalar(TensorHandle a, NativeScalar s);
    [LibraryImport(Lib)] internal static partial IntPtr ut_remainder_scalar(TensorHandle a, NativeScalar s);
    [LibraryImport(Lib)] internal static partial IntPtr ut_pow_scalar(TensorHandle a, NativeScalar s);
    [LibraryImport(Lib)] internal static partial IntPtr ut_rpow_scalar(TensorHandle a, NativeScalar s);
    [LibraryImport(Lib)] internal static partial int ut_add_(TensorHandle a, TensorHandle b, NativeScalar alpha);
    [LibraryImport(Lib)] internal static partial int ut_sub_(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial int ut_mul_(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial int ut_div_(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial int ut_add_scalar_(TensorHandle a, NativeScalar s);
    [LibraryImport(Lib)] internal static partial int ut_mul_scalar_(TensorHandle a, NativeScalar s);
    [LibraryImport(Lib)] internal static partial int ut_div_scalar_(TensorHandle a, NativeScalar s);
    [LibraryImport(Lib)] internal static partial int ut_addcmul_(TensorHandle a, TensorHandle t1, TensorHandle t2, NativeScalar value);
    [LibraryImport(Lib)] internal static partial int ut_addcdiv_(TensorHandle a, TensorHandle t1, TensorHandle t2, NativeScalar value);
    [LibraryImport(Lib)] internal static partial int ut_lerp_(TensorHandle a, TensorHandle end, NativeScalar weight);
    [LibraryImport(Lib)] internal static partial int ut_clamp_(TensorHandle a, NativeScalar min, int hasMin, NativeScalar max, int hasMax);
    [LibraryImport(Lib)] internal static partial IntPtr ut_neg(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_exp(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_log(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_log1p(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_sqrt(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_rsqrt(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_abs(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_sign(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_square(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_reciprocal(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_sin(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_cos(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_floor(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_ceil(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_round(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_tanh(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_sigmoid(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_relu(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_silu(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_erf(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_isnan(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_isfinite(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_logical_not(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_gelu(TensorHandle a, int tanhApproximation);
    [LibraryImport(Lib)] internal static partial IntPtr ut_leaky_relu(TensorHandle a, NativeScalar slope);
    [LibraryImport(Lib)] internal static partial IntPtr ut_clamp(TensorHandle a, NativeScalar min, int hasMin, NativeScalar max, int hasMax);
    [LibraryImport(Lib)] internal static partial IntPtr ut_softmax(TensorHandle a, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr ut_log_softmax(TensorHandle a, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr ut_eq(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial IntPtr ut_ne(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial IntPtr ut_lt(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial IntPtr ut_le(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial IntPtr ut_gt(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial IntPtr ut_ge(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial IntPtr ut_eq_scalar(TensorHandle a, NativeScalar s);
    [LibraryImport(Lib)] internal static partial IntPtr ut_ne_scalar(TensorHandle a, NativeScalar s);
    [LibraryImport(Lib)] internal static partial IntPtr ut_lt_scalar(TensorHandle a, NativeScalar s);
    [LibraryImport(Lib)] internal static partial IntPtr ut_le_scalar(TensorHandle a, NativeScalar s);
    [LibraryImport(Lib)] internal static partial IntPtr ut_gt_scalar(TensorHandle a, NativeScalar s);
    [LibraryImport(Lib)] internal static partial IntPtr ut_ge_scalar(TensorHandle a, NativeScalar s);
    [LibraryImport(Lib)] internal static partial IntPtr ut_logical_and(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial IntPtr ut_logical_or(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial int ut_equal(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial int ut_allclose(TensorHandle a, TensorHandle b, double rtol, double atol);
    [LibraryImport(Lib)] internal static partial IntPtr ut_where(TensorHandle cond, TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial IntPtr ut_masked_fill(TensorHandle a, TensorHandle mask, NativeScalar s);
    [LibraryImport(Lib)] internal static partial IntPtr ut_masked_select(TensorHandle a, TensorHandle mask);
    [LibraryImport(Lib)] internal static partial IntPtr ut_sum(TensorHandle a, ReadOnlySpan<long> dims, int ndims, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr ut_mean(TensorHandle a, ReadOnlySpan<long> dims, int ndims, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr ut_amax(TensorHandle a, ReadOnlySpan<long> dims, int ndims, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr ut_amin(TensorHandle a, ReadOnlySpan<long> dims, int ndims, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr ut_logsumexp(TensorHandle a, ReadOnlySpan<long> dims, int ndims, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr ut_var(TensorHandle a, ReadOnlySpan<long> dims, int ndims, long correction, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr ut_std(TensorHandle a, ReadOnlySpan<long> dims, int ndims, long correction, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr ut_prod(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_all(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_any(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_max_all(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_min_all(TensorHandle a);
    [LibraryImport(Lib)] internal static partial int ut_max_dim(TensorHandle a, long dim, int keepdim, Span<IntPtr> output);
    [LibraryImport(Lib)] internal static partial int ut_min_dim(TensorHandle a, long dim, int keepdim, Span<IntPtr> output);
    [LibraryImport(Lib)] internal static partial IntPtr ut_argmax(TensorHandle a, long dim, int hasDim, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr ut_argmin(TensorHandle a, long dim, int hasDim, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr ut_norm(TensorHandle a, double p, ReadOnlySpan<long> dims, int ndims, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr ut_cumsum(TensorHandle a, long dim);
    [LibraryImport(Lib)] internal static partial int ut_all_finite_(TensorHandle flag, ReadOnlySpan<IntPtr> list, int count);
    [LibraryImport(Lib)] internal static partial int ut_topk(TensorHandle a, long k, long dim, int largest, int sorted, Span<IntPtr> output);
    [LibraryImport(Lib)] internal static partial int ut_sort(TensorHandle a, long dim, int descending, int stable, Span<IntPtr> output);
    [LibraryImport(Lib)] internal static partial IntPtr ut_argsort(TensorHandle a, long dim, int descending);
    [LibraryImport(Lib)] internal static partial IntPtr ut_matmul(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial IntPtr ut_mm(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial IntPtr ut_bmm(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial IntPtr ut_outer(TensorHandle a, TensorHandle b);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial IntPtr ut_einsum(string equation, ReadOnlySpan<IntPtr> operands, int count);
    [LibraryImport(Lib)] internal static partial int ut_linalg_eigh(TensorHandle a, int upper, Span<IntPtr> output);
    [LibraryImport(Lib)] internal static partial int ut_linalg_svd(TensorHandle a, int fullMatrices, Span<IntPtr> output);

    // ---- shape.cpp ----
    [LibraryImport(Lib)] internal static partial IntPtr ut_view(TensorHandle a, ReadOnlySpan<long> dims, int n);
    [LibraryImport(Lib)] internal static partial IntPtr ut_reshape(TensorHandle a, ReadOnlySpan<long> dims, int n);
    [LibraryImport(Lib)] internal static partial IntPtr ut_permute(TensorHandle a, ReadOnlySpan<long> dims, int n);
    [LibraryImport(Lib)] internal static partial IntPtr ut_expand(TensorHandle a, ReadOnlySpan<long> dims, int n);
    [LibraryImport(Lib)] internal static partial IntPtr ut_repeat(TensorHandle a, ReadOnlySpan<long> dims, int n);
    [LibraryImport(Lib)] internal static partial IntPtr ut_flip(TensorHandle a, ReadOnlySpan<long> dims, int n);
    [LibraryImport(Lib)] internal static partial IntPtr ut_transpose(TensorHandle a, long d0, long d1);
    [LibraryImport(Lib)] internal static partial IntPtr ut_squeeze(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr ut_squeeze_dim(TensorHandle a, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr ut_unsqueeze(TensorHandle a, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr ut_flatten(TensorHandle a, long start, long end);
    [LibraryImport(Lib)] internal static partial IntPtr ut_unflatten(TensorHandle a, long dim, ReadOnlySpan<long> sizes, int n);
    [LibraryImport(Lib)] internal static partial IntPtr ut_narrow(TensorHandle a, long dim, long start, long length);
    [LibraryImport(Lib)] internal static partial IntPtr ut_select(TensorHandle a, long dim, long index);
    [LibraryImport(Lib)] internal static partial IntPtr ut_slice(TensorHandle a, long dim, long start, long end, long step);
    [LibraryImport(Lib)] internal static partial IntPtr ut_roll(TensorHandle a, long shift, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr ut_tril(TensorHandle a, long diagonal);
    [LibraryImport(Lib)] internal static partial IntPtr ut_triu(TensorHandle a, long diagonal);
    [LibraryImport(Lib)] internal static partial IntPtr ut_cat(ReadOnlySpan<IntPtr> list, int count, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr ut_stack(ReadOnlySpan<IntPtr> list, int count, long dim);
    [LibraryImport(Lib)] internal static partial int ut_chunk(TensorHandle a, long chunks, long dim, Span<IntPtr> output, int capacity);
    [LibraryImport(Lib)] internal static partial int ut_split(TensorHandle a, long size, long dim, Span<IntPtr> output, int capacity);
    [LibraryImport(Lib)] internal static partial int ut_split_sizes(TensorHandle a, ReadOnlySpan<long> sizes, int n, long dim, Span<IntPtr> output, int capacity);
    [LibraryImport(Lib)] internal static partial IntPtr ut_index_select(TensorHandle a, long dim, TensorHandle index);
    [LibraryImport(Lib)] internal static partial IntPtr ut_gather(TensorHandle a, long dim, TensorHandle index);
    [LibraryImport(Lib)] internal static partial IntPtr ut_scatter(TensorHandle a, long dim, TensorHandle index, TensorHandle src);
    [LibraryImport(Lib)] internal static partial IntPtr ut_scatter_scalar(TensorHandle a, long dim, TensorHandle index, NativeScalar value);
    [LibraryImport(Lib)] internal static partial IntPtr ut_scatter_add(TensorHandle a, long dim, TensorHandle index, TensorHandle src);
    [LibraryImport(Lib)] internal static partial IntPtr ut_index_add(TensorHandle a, long dim, TensorHandle index, TensorHandle source, NativeScalar alpha);
    [LibraryImport(Lib)] internal static partial int ut_index_add_(TensorHandle a, long dim, TensorHandle index, TensorHandle source, NativeScalar alpha);
    [LibraryImport(Lib)] internal static partial int ut_index_copy_(TensorHandle a, long dim, TensorHandle index, TensorHandle source);
    [LibraryImport(Lib)] internal static partial IntPtr ut_bincount(TensorHandle a, long minlength);
    [LibraryImport(Lib)] internal static partial IntPtr ut_one_hot(TensorHandle a, long classes);
    [LibraryImport(Lib)] internal static partial IntPtr ut_nonzero(TensorHandle a);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial IntPtr ut_pad(TensorHandle a, ReadOnlySpan<long> pads, int n, string mode, double value);
    [LibraryImport(Lib)] internal static partial IntPtr ut_upsample_nearest2d(TensorHandle a, long h, long w);
    [LibraryImport(Lib)] internal static partial IntPtr ut_upsample_bilinear2d(TensorHandle a, long h, long w, int alignCorners);
    [LibraryImport(Lib)] internal static partial IntPtr ut_adaptive_avg_pool2d(TensorHandle a, long h, long w);
    [LibraryImport(Lib)] internal static partial IntPtr ut_avg_pool2d(TensorHandle a, long kh, long kw, long sh, long sw, long ph, long pw);
    [LibraryImport(Lib)] internal static partial IntPtr ut_max_pool2d(TensorHandle a, long kh, long kw, long sh, long sw, long ph, long pw);
    [LibraryImport(Lib)] internal static partial IntPtr ut_pixel_shuffle(TensorHandle a, long factor);
    [LibraryImport(Lib)] internal static partial IntPtr ut_pixel_unshuffle(TensorHandle a, long factor);

    // ---- nn.cpp ----
    [LibraryImport(Lib)] internal static partial IntPtr ut_linear(TensorHandle x, TensorHandle w, TensorHandle b);
    [LibraryImport(Lib)] internal static partial IntPtr ut_masked_attention(TensorHandle q, TensorHandle k, TensorHandle v, TensorHandle hidden, double scale, double p, int train);
    [LibraryImport(Lib)] internal static partial IntPtr ut_conv2d(TensorHandle x, TensorHandle w, TensorHandle b, ReadOnlySpan<long> stride, ReadOnlySpan<long> padding, ReadOnlySpan<long> dilation, long groups);
    [LibraryImport(Lib)] internal static partial IntPtr ut_conv_transpose2d(TensorHandle x, TensorHandle w, TensorHandle b, ReadOnlySpan<long> stride, ReadOnlySpan<long> padding, ReadOnlySpan<long> outputPadding, long groups, ReadOnlySpan<long> dilation);
    [LibraryImport(Lib)] internal static partial IntPtr ut_group_norm(TensorHandle x, long groups, TensorHandle w, TensorHandle b, double eps);
    [LibraryImport(Lib)] internal static partial IntPtr ut_layer_norm(TensorHandle x, ReadOnlySpan<long> shape, int n, TensorHandle w, TensorHandle b, double eps);
    [LibraryImport(Lib)] internal static partial IntPtr ut_batch_norm(TensorHandle x, TensorHandle w, TensorHandle b, TensorHandle runningMean, TensorHandle runningVar, int training, double momentum, double eps);
    [LibraryImport(Lib)] internal static partial IntPtr ut_embedding(TensorHandle w, TensorHandle indices, long paddingIdx);
    [LibraryImport(Lib)] internal static partial IntPtr ut_dropout(TensorHandle x, double p, int train);
    [LibraryImport(Lib)] internal static partial IntPtr ut_cross_entropy(TensorHandle logits, TensorHandle target, TensorHandle weight, long reduction, long ignoreIndex, double labelSmoothing);
    [LibraryImport(Lib)] internal static partial IntPtr ut_nll_loss(TensorHandle logp, TensorHandle target, TensorHandle weight, long reduction, long ignoreIndex);
    [LibraryImport(Lib)] internal static partial IntPtr ut_mse_loss(TensorHandle a, TensorHandle b, long reduction);
    [LibraryImport(Lib)] internal static partial IntPtr ut_l1_loss(TensorHandle a, TensorHandle b, long reduction);
    [LibraryImport(Lib)] internal static partial IntPtr ut_bce_with_logits(TensorHandle x, TensorHandle y, TensorHandle weight, TensorHandle posWeight, long reduction);
    [LibraryImport(Lib)] internal static partial int ut_backward(TensorHandle t, TensorHandle gradient, int retainGraph, int createGraph);
    [LibraryImport(Lib)] internal static partial int ut_grad(TensorHandle t, out IntPtr grad);
    [LibraryImport(Lib)] internal static partial int ut_set_grad(TensorHandle t, TensorHandle gradient);
    [LibraryImport(Lib)] internal static partial int ut_retain_grad(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int ut_autograd_grad(ReadOnlySpan<IntPtr> outputs, int nOut, ReadOnlySpan<IntPtr> gradOutputs, int nGradOut, ReadOnlySpan<IntPtr> inputs, int nIn, int retainGraph, int createGraph, int allowUnused, Span<IntPtr> output);

    // ---- image.cpp ----
    [LibraryImport(Lib)] internal static partial IntPtr ut_image_decode(ReadOnlySpan<byte> bytes, long length, int mode);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int ut_image_encode(TensorHandle image, string ext, int quality, out IntPtr buffer, out long length);
    [LibraryImport(Lib)] internal static partial void ut_buffer_free(IntPtr buffer);
    [LibraryImport(Lib)] internal static partial IntPtr ut_image_resize(TensorHandle image, long height, long width, int interpolation);

    [LibraryImport(Lib)] internal static partial int ut_image_fill_circle(TensorHandle image, double cx, double cy, double radius, int r, int g, int b, int antialias);
    [LibraryImport(Lib)] internal static partial int ut_image_fill_polygon(TensorHandle image, ReadOnlySpan<double> xy, int n, int r, int g, int b, int antialias);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int ut_image_draw_text(TensorHandle image, string text, int x, int y, double scale, int thickness, int r, int g, int b);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int ut_image_text_size(string text, double scale, int thickness, out int width, out int height, out int baseline);

    // ---- bench.cpp ----
    [LibraryImport(Lib)] internal static partial int ut_noop(TensorHandle a);
    [LibraryImport(Lib)] internal static partial int ut_bench_add(TensorHandle a, TensorHandle b, long iterations, int repeats, Span<double> output);
    [LibraryImport(Lib)] internal static partial int ut_bench_matmul(TensorHandle a, TensorHandle b, long iterations, int repeats, Span<double> output);
    [LibraryImport(Lib)] internal static partial int ut_bench_conv2d_train(TensorHandle x, TensorHandle w, TensorHandle b, long iterations, int repeats, Span<double> output);
}
