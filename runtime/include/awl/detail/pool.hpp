// Thread-local free lists for the small, short-lived blocks the runtime churns
// through: promise states, reaction nodes and coroutine frames. After warm-up a
// then-reaction or an await allocates nothing from the global heap. Memory is
// kept at its peak: freed blocks are reused, never returned to the system.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <new>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

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
// Fresh blocks are carved from chunks of this size, so even the first build
// of a million-link chain costs a pointer bump per block, not a malloc.
inline constexpr std::size_t pool_chunk_size = std::size_t{256} << 10;

// Memory the runtime walks by the million (a pool grown past a few
// megabytes, a microtask ring of a million jobs) is offered to the kernel as
// transparent huge pages: with 4 KB pages, walking a million-link chain
// through 64 MB of states spends much of its time on address translation (a
// TLB miss every 64 states, each a two-level walk under a hypervisor), and the
// hardware prefetcher stops at every 4 KB boundary. Smaller memory keeps
// ordinary pages: a small program does not fault in 2 MB at a time.
inline constexpr std::size_t huge_page_size = std::size_t{2} << 20;
// Once the pool has carved this much, its chunks are huge pages.
inline constexpr std::size_t pool_huge_after = std::size_t{4} << 20;

// Advises huge pages for the whole huge pages inside [memory, memory + bytes).
// Advice only: where huge pages are off or unavailable, 4 KB pages serve.
inline void advise_huge_pages(void* memory, std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  const auto begin = reinterpret_cast<std::uintptr_t>(memory);
  const std::uintptr_t first = (begin + huge_page_size - 1) & ~(huge_page_size - 1);
  const std::uintptr_t last = (begin + bytes) & ~(huge_page_size - 1);
  if (first < last) {
    [[maybe_unused]] const int advised =
        ::madvise(static_cast<char*>(memory) + (first - begin), last - first, MADV_HUGEPAGE);
  }
#else
  static_cast<void>(memory);
  static_cast<void>(bytes);
#endif
}

struct FreeBlock {
  FreeBlock* next;
};

// Trivially destructible, so the hot path reads it without a TLS init guard.
struct PoolLists {
  FreeBlock* head[pool_class_count];
  // Per class, one block kept out of its list for short-lived objects (see
  // pool_allocate_short_lived).
  FreeBlock* spare[pool_class_count];
  unsigned char* chunk_cursor;
  unsigned char* chunk_end;
  std::size_t carved;  // bytes of all chunks taken so far
};
inline thread_local PoolLists tls_pool{};

// Chunks live until the process exits (blocks of a thread that ended are
// not reused); the registry keeps them reachable for leak checkers.
struct ChunkRegistry {
  std::mutex mutex;
  std::vector<void*> chunks;
};
inline ChunkRegistry& chunk_registry() {
  static auto* registry = new ChunkRegistry;  // never destroyed: blocks may be freed during exit
  return *registry;
}

constexpr std::size_t pool_class_of(std::size_t size) noexcept { return size == 0 ? 0 : (size - 1) / pool_granularity; }

// Chunks are aligned to a cache line, and a block whose size is a multiple of
// one starts on a line: a 64-byte state then never straddles two.
inline constexpr std::size_t pool_line = 64;

[[gnu::noinline]] inline void* pool_carve(std::size_t block_size) {
  auto& lists = tls_pool;
  if (block_size % pool_line == 0) {
    const auto misalignment = reinterpret_cast<std::uintptr_t>(lists.chunk_cursor) % pool_line;
    if (misalignment != 0 && static_cast<std::size_t>(lists.chunk_end - lists.chunk_cursor) >= pool_line - misalignment)
      lists.chunk_cursor += pool_line - misalignment;
  }
  if (static_cast<std::size_t>(lists.chunk_end - lists.chunk_cursor) < block_size) {
    const bool huge = lists.carved >= pool_huge_after;
    const std::size_t size = huge ? huge_page_size : pool_chunk_size;
    auto* chunk =
        static_cast<unsigned char*>(::operator new(size, std::align_val_t{huge ? huge_page_size : pool_line}));
    if (huge) advise_huge_pages(chunk, size);
    {
      ChunkRegistry& registry = chunk_registry();
      std::lock_guard lock(registry.mutex);
      registry.chunks.push_back(chunk);
    }
    lists.chunk_cursor = chunk;
    lists.chunk_end = chunk + size;
    lists.carved += size;
  }
  void* block = lists.chunk_cursor;
  lists.chunk_cursor += block_size;
  return block;
}

inline void* pool_allocate(std::size_t size) {
#ifndef AWL_DISABLE_POOL
  if (size <= pool_max_block) {
    const std::size_t cls = pool_class_of(size);
    auto& lists = tls_pool;
    if (FreeBlock* block = lists.head[cls]) {
      lists.head[cls] = block->next;
      return block;
    }
    return pool_carve((cls + 1) * pool_granularity);
  }
#endif
  return ::operator new(size);
}

inline void pool_deallocate(void* pointer, std::size_t size) noexcept {
#ifndef AWL_DISABLE_POOL
  if (size <= pool_max_block) {
    auto& lists = tls_pool;
    const std::size_t cls = pool_class_of(size);
    auto* block = static_cast<FreeBlock*>(pointer);
    block->next = lists.head[cls];
    lists.head[cls] = block;
    return;
  }
#else
  (void)size;
#endif
  ::operator delete(pointer);
}

// pool_deallocate for a block of size class `cls` (of a size <= pool_max_block).
inline void pool_deallocate_class(void* pointer, std::size_t cls) noexcept {
#ifndef AWL_DISABLE_POOL
  auto& lists = tls_pool;
  auto* block = static_cast<FreeBlock*>(pointer);
  block->next = lists.head[cls];
  lists.head[cls] = block;
#else
  (void)cls;
  ::operator delete(pointer);
#endif
}

// For objects usually freed as soon as they are made, such as the state of
// an async function that is awaited at once: the block goes to the class's
// spare word instead of its list. Allocating from the list reads the next
// block from the block just freed, so each allocation waits for the last
// free to be stored and loaded back; the spare holds the block's own
// address, which the processor has at hand, and the two overlap. Blocks
// move freely between the spare and the list.
inline void* pool_allocate_short_lived(std::size_t size) {
#ifndef AWL_DISABLE_POOL
  if (size <= pool_max_block) {
    auto& lists = tls_pool;
    const std::size_t cls = pool_class_of(size);
    if (FreeBlock* block = lists.spare[cls]) {
      lists.spare[cls] = nullptr;
      return block;
    }
  }
#endif
  return pool_allocate(size);
}

// Frees a block of class `cls` as pool_deallocate_class does, into the
// spare word if it is empty.
inline void pool_deallocate_short_lived(void* pointer, std::size_t cls) noexcept {
#ifndef AWL_DISABLE_POOL
  auto& lists = tls_pool;
  if (lists.spare[cls] == nullptr) {
    lists.spare[cls] = static_cast<FreeBlock*>(pointer);
    return;
  }
#endif
  pool_deallocate_class(pointer, cls);
}

// Mix-in giving a class pooled operator new/delete. With a virtual destructor,
// the sized delete receives the dynamic type's size.
struct Pooled {
  static void* operator new(std::size_t size) { return pool_allocate(size); }
  static void operator delete(void* pointer, std::size_t size) noexcept { pool_deallocate(pointer, size); }
};

}  // namespace awl::detail
