// Native memory the .NET garbage collector should know about.
//
// libtorch's CPU storage is invisible to the GC: a loop that drops tensors without disposing them fills
// RAM while the managed heap stays tiny, so no collection ever runs. The bridge therefore installs a CPU
// allocator that counts the bytes of live storage (one relaxed atomic add per allocation and per free);
// C# reads the counter through a pointer (no call) and reports its changes as GC memory pressure.
//
// Each block carries its size in a 64-byte header in front of the data, so the plain deleter (which only
// gets the data pointer) can subtract it, raw_deleter() works, and the data keeps libtorch's 64-byte
// alignment.
#include "bridge.h"

#include <c10/core/CPUAllocator.h>
#include <c10/core/impl/alloc_cpu.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <mutex>
#include <unordered_map>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {
constexpr size_t kHeader = 64;
std::atomic<int64_t> g_bytes{0};
static_assert(sizeof(std::atomic<int64_t>) == sizeof(int64_t) && std::atomic<int64_t>::is_always_lock_free,
              "C# reads the counter as a plain int64");

// Large blocks (1 MiB and more) live in their own mappings (see pin_mmap_threshold), so freeing and allocating
// them again every training step costs a page fault per 4 KiB: a third of a VQ-VAE step here. Freed large blocks
// therefore wait in a cache, by exact size, for the next allocation of that size (a training or sampling loop
// allocates the same sizes every step). The cache holds at most the most storage that was live at once since it was
// last emptied (at least 256 MiB): a step that needed that much will need it again, so keeping it costs no more
// memory than the step's own peak, while a fixed 256 MiB left a GPT step (2.4 GB of activations) paying 1.7 s of
// page faults per 2.8 s step. It is emptied by ut_release_free_memory, which runs after every collection the C#
// side induces, so memory the GC freed still leaves the process. UNICODE_TORCH_BLOCK_CACHE_MB fixes the limit
// instead (0 turns the cache off).
constexpr size_t kLargeBlock = size_t{1} << 20;
std::mutex g_cache_mutex;
std::unordered_map<size_t, std::vector<char*>> g_cache;  // total size (header included) -> free blocks
size_t g_cached = 0;
std::atomic<int64_t> g_peak{0};  // the most live storage since the cache was last emptied

constexpr size_t kCacheFloor = size_t{256} << 20;

size_t cache_limit() {
  static const long fixed = [] {
    const char* value = std::getenv("UNICODE_TORCH_BLOCK_CACHE_MB");
    return value == nullptr ? -1L : std::max(0L, std::strtol(value, nullptr, 10));
  }();
  if (fixed >= 0) return static_cast<size_t>(fixed) << 20;
  return std::max(kCacheFloor, static_cast<size_t>(g_peak.load(std::memory_order_relaxed)));
}

void note_live(int64_t live) {
  auto peak = g_peak.load(std::memory_order_relaxed);
  while (live > peak && !g_peak.compare_exchange_weak(peak, live, std::memory_order_relaxed)) {
  }
}

char* take_cached(size_t total) {
  if (total < kLargeBlock) return nullptr;
  std::lock_guard<std::mutex> lock(g_cache_mutex);
  auto found = g_cache.find(total);
  if (found == g_cache.end() || found->second.empty()) return nullptr;
  char* base = found->second.back();
  found->second.pop_back();
  g_cached -= total;
  return base;
}

bool keep_cached(char* base, size_t total) {
  if (total < kLargeBlock) return false;
  std::lock_guard<std::mutex> lock(g_cache_mutex);
  if (g_cached + total > cache_limit()) return false;
  g_cache[total].push_back(base);
  g_cached += total;
  return true;
}

void release_cache() {
  std::vector<char*> blocks;
  {
    std::lock_guard<std::mutex> lock(g_cache_mutex);
    for (auto& entry : g_cache) blocks.insert(blocks.end(), entry.second.begin(), entry.second.end());
    g_cache.clear();
    g_cached = 0;
  }
  g_peak.store(g_bytes.load(std::memory_order_relaxed), std::memory_order_relaxed);
  for (char* base : blocks) c10::free_cpu(base);
}

void counted_free(void* data) {
  if (data == nullptr) return;
  auto* base = static_cast<char*>(data) - kHeader;
  const size_t n = *reinterpret_cast<size_t*>(base);
  g_bytes.fetch_sub(static_cast<int64_t>(n), std::memory_order_relaxed);
  if (!keep_cached(base, n + kHeader)) c10::free_cpu(base);
}

struct CountingCpuAllocator final : at::Allocator {
  at::DataPtr allocate(size_t n) const override {
    if (n == 0) return {nullptr, nullptr, &counted_free, at::Device(at::kCPU)};
    auto* base = take_cached(n + kHeader);
    if (base == nullptr) base = static_cast<char*>(c10::alloc_cpu(n + kHeader));  // throws c10::Error when out of memory
    *reinterpret_cast<size_t*>(base) = n;
    note_live(g_bytes.fetch_add(static_cast<int64_t>(n), std::memory_order_relaxed) + static_cast<int64_t>(n));
    void* data = base + kHeader;
    return {data, data, &counted_free, at::Device(at::kCPU)};
  }
  at::DeleterFnPtr raw_deleter() const override { return &counted_free; }
};

// glibc raises its mmap threshold (up to 32 MiB) each time a large mmapped block is freed, after which large
// tensors come from the heap and the memory freed by the GC's finalizers stays resident, fragmented: measured
// with `unicode bench memory`, an unscoped loop peaked at 642 MiB RSS for 126 MiB of live storage, against
// 282 MiB with the threshold pinned at 1 MiB (the scoped loop: 245 and 226 MiB). Pinning it keeps storage of
// 1 MiB and more in its own mappings, returned to the OS when freed. MALLOC_MMAP_THRESHOLD_ still overrides it.
void pin_mmap_threshold() {
#if defined(__GLIBC__)
  if (std::getenv("MALLOC_MMAP_THRESHOLD_") == nullptr) mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
}

// Installed when the bridge loads; storage allocated before keeps its own deleter.
const bool g_installed = [] {
  pin_mmap_threshold();
  static CountingCpuAllocator allocator;
  c10::SetCPUAllocator(&allocator, /*priority=*/1);
  return true;
}();
}  // namespace

// The address of the live-storage byte counter (read by C# with a volatile load).
UT_API const int64_t* ut_native_bytes_counter() { return reinterpret_cast<const int64_t*>(&g_bytes); }

// Bytes of CPU tensor storage currently allocated through libtorch's CPU allocator.
UT_API int64_t ut_native_bytes() { return g_installed ? g_bytes.load(std::memory_order_relaxed) : -1; }

// Empties the large-block cache and returns the heap's free memory (blocks under the mmap threshold) to the OS;
// called after each collection C# induces, so that what the finalizers freed leaves the process. Returns 1 when
// the heap released memory.
UT_API int32_t ut_release_free_memory() {
  release_cache();
#if defined(__GLIBC__)
  return malloc_trim(0);
#else
  return 0;
#endif
}
