// Thread-local free lists for the small, short-lived blocks the runtime churns
// through: promise states, reaction nodes and coroutine frames. After warm-up a
// then-reaction or an await allocates nothing from the global heap.
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define AWL_DISABLE_POOL 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define AWL_DISABLE_POOL 1
#endif
#endif

namespace awl::detail {

inline constexpr std::size_t pool_granularity = 16;
inline constexpr std::size_t pool_max_block = 512;
inline constexpr std::size_t pool_class_count = pool_max_block / pool_granularity;
// Bounds what an idle thread keeps cached: 16 Ki blocks per size class.
inline constexpr std::uint32_t pool_cache_limit = 1U << 14;

struct FreeBlock {
  FreeBlock* next;
};

// Trivially destructible, so the hot path reads it without a TLS init guard.
struct PoolLists {
  FreeBlock* head[pool_class_count];
  std::uint32_t count[pool_class_count];
  bool cleanup_registered;
  bool shut_down;
};
inline thread_local PoolLists tls_pool{};

struct PoolCleanup {
  PoolCleanup() = default;
  PoolCleanup(const PoolCleanup&) = delete;
  PoolCleanup& operator=(const PoolCleanup&) = delete;
  ~PoolCleanup() {
    auto& lists = tls_pool;
    for (std::size_t cls = 0; cls < pool_class_count; ++cls) {
      while (FreeBlock* block = lists.head[cls]) {
        lists.head[cls] = block->next;
        ::operator delete(block);
      }
      lists.count[cls] = 0;
    }
    lists.shut_down = true;
  }
};

inline void register_pool_cleanup() noexcept {
  // A function-local thread_local with a destructor: constructed on first use,
  // only on the slow path.
  static thread_local PoolCleanup cleanup;
  (void)&cleanup;
  tls_pool.cleanup_registered = true;
}

constexpr std::size_t pool_class_of(std::size_t size) noexcept { return size == 0 ? 0 : (size - 1) / pool_granularity; }

inline void* pool_allocate(std::size_t size) {
#ifndef AWL_DISABLE_POOL
  if (size <= pool_max_block) {
    const std::size_t cls = pool_class_of(size);
    auto& lists = tls_pool;
    if (FreeBlock* block = lists.head[cls]) {
      lists.head[cls] = block->next;
      --lists.count[cls];
      return block;
    }
    return ::operator new((cls + 1) * pool_granularity);
  }
#endif
  return ::operator new(size);
}

inline void pool_deallocate(void* pointer, std::size_t size) noexcept {
#ifndef AWL_DISABLE_POOL
  if (size <= pool_max_block) {
    const std::size_t cls = pool_class_of(size);
    auto& lists = tls_pool;
    if (lists.count[cls] < pool_cache_limit && !lists.shut_down) {
      if (!lists.cleanup_registered) register_pool_cleanup();
      auto* block = static_cast<FreeBlock*>(pointer);
      block->next = lists.head[cls];
      lists.head[cls] = block;
      ++lists.count[cls];
      return;
    }
  }
#else
  (void)size;
#endif
  ::operator delete(pointer);
}

// Mix-in giving a class pooled operator new/delete. With a virtual destructor,
// the sized delete receives the dynamic type's size.
struct Pooled {
  static void* operator new(std::size_t size) { return pool_allocate(size); }
  static void operator delete(void* pointer, std::size_t size) noexcept { pool_deallocate(pointer, size); }
};

}  // namespace awl::detail
