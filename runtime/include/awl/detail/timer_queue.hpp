// Timers ordered by due time, then by insertion (Node's order). As in Node,
// timers are kept in one FIFO list per delay: a timer joins its list at
// now + delay with now never decreasing, so each list is already sorted by
// (due, insertion), and a heap over the lists' heads gives the global order
// at O(log #delays) instead of O(log #timers). Callbacks live in a slot
// table; an id carries a generation so a stale or cleared id is harmless.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include <awl/detail/unique_function.hpp>

namespace awl::detail {

class TimerQueue {
 public:
  struct Fired {
    UniqueFunction callback;  // empty when nothing was due
    std::uint32_t slot = 0;
    std::uint32_t generation = 0;
    double interval = 0;  // 0 for a timeout
  };

  std::uint64_t add(UniqueFunction callback, double now, double delay, bool repeat) {
    std::uint32_t slot;
    if (!free_slots_.empty()) {
      slot = free_slots_.back();
      free_slots_.pop_back();
    } else {
      slot = static_cast<std::uint32_t>(slots_.size());
      slots_.emplace_back();
    }
    Slot& entry = slots_[slot];
    entry.callback = std::move(callback);
    entry.active = true;
    entry.interval = repeat ? delay : 0;
    ++live_;
    enqueue(now, delay, slot, entry.generation);
    return (std::uint64_t{entry.generation} << 32) | (std::uint64_t{slot} + 1);
  }

  void cancel(std::uint64_t id) noexcept {
    const std::uint64_t low = id & 0xffffffffU;
    if (low == 0 || low > slots_.size()) return;
    const auto slot = static_cast<std::uint32_t>(low - 1);
    if (slots_[slot].generation != static_cast<std::uint32_t>(id >> 32) || !slots_[slot].active) return;
    free_slot(slot);
  }

  bool empty() const noexcept { return live_ == 0; }
  std::size_t size() const noexcept { return live_; }

  bool has_due(double now) {
    const Entry* next = front();
    return next != nullptr && next->due <= now;
  }

  double next_due() {
    const Entry* next = front();
    return next == nullptr ? 0 : next->due;
  }

  // Removes the earliest timer; a timeout's slot is freed before its callback
  // runs, an interval's stays reserved until finish().
  Fired pop_due() {
    Fired fired;
    const Entry* next = front();
    if (next == nullptr) return fired;
    const Entry top = *next;
    pop_front_of_top_list();
    Slot& entry = slots_[top.slot];
    fired.callback = std::move(entry.callback);
    fired.slot = top.slot;
    fired.generation = top.generation;
    fired.interval = entry.interval;
    if (entry.interval == 0) free_slot(top.slot);
    return fired;
  }

  // Reschedules an interval unless its callback cleared it.
  void finish(Fired&& fired, double now) {
    if (fired.interval == 0) return;
    Slot& entry = slots_[fired.slot];
    if (!entry.active || entry.generation != fired.generation) return;
    entry.callback = std::move(fired.callback);
    enqueue(now, fired.interval, fired.slot, fired.generation);
  }

  void clear() noexcept {
    heap_.clear();
    lists_.clear();
    list_of_delay_.clear();
    slots_.clear();
    free_slots_.clear();
    live_ = 0;
  }

 private:
  struct Slot {
    UniqueFunction callback;
    double interval = 0;
    std::uint32_t generation = 0;
    bool active = false;
  };
  struct Entry {
    double due;
    std::uint64_t sequence;
    std::uint32_t slot;
    std::uint32_t generation;
  };
  // The timers of one delay, oldest first; `head` indexes the first live one.
  struct List {
    std::vector<Entry> entries;
    std::size_t head = 0;
    bool queued = false;  // in heap_
    bool empty() const noexcept { return head == entries.size(); }
    const Entry& first() const noexcept { return entries[head]; }
  };
  // A queued list, keyed by its first entry (copied: comparisons stay local).
  struct HeapKey {
    double due;
    std::uint64_t sequence;
    std::uint32_t list;
    bool operator<(const HeapKey& other) const noexcept {
      return due != other.due ? due < other.due : sequence < other.sequence;
    }
  };
  struct DelayHash {
    std::size_t operator()(double delay) const noexcept {
      return static_cast<std::size_t>(std::bit_cast<std::uint64_t>(delay) * 0x9E3779B97F4A7C15ULL >> 17);
    }
  };

  std::uint32_t list_for(double delay) {
    if (delay == cached_delay_ && cached_list_ < lists_.size()) return cached_list_;
    auto [position, inserted] = list_of_delay_.try_emplace(delay, static_cast<std::uint32_t>(lists_.size()));
    if (inserted) lists_.emplace_back();
    cached_delay_ = delay;
    cached_list_ = position->second;
    return position->second;
  }

  void enqueue(double now, double delay, std::uint32_t slot, std::uint32_t generation) {
    const std::uint32_t index = list_for(delay);
    List& list = lists_[index];
    list.entries.push_back({now + delay, next_sequence_++, slot, generation});
    if (!list.queued) {
      list.queued = true;
      const Entry& first = list.first();
      heap_.push_back({first.due, first.sequence, index});
      sift_up(heap_.size() - 1);
    }
  }

  bool is_live(const Entry& entry) const noexcept {
    const Slot& slot = slots_[entry.slot];
    return slot.active && slot.generation == entry.generation;
  }

  // The earliest live entry, dropping cancelled ones on the way.
  const Entry* front() {
    while (!heap_.empty()) {
      const List& list = lists_[heap_.front().list];
      if (is_live(list.first())) return &list.first();
      pop_front_of_top_list();
    }
    return nullptr;
  }

  void pop_front_of_top_list() {
    List& list = lists_[heap_.front().list];
    ++list.head;
    if (list.empty()) {
      list.queued = false;
      list.entries.clear();
      list.head = 0;
      heap_.front() = heap_.back();
      heap_.pop_back();
    } else {
      // Reclaim the consumed prefix once it dominates the list.
      if (list.head >= 1024 && list.head * 2 >= list.entries.size()) {
        list.entries.erase(list.entries.begin(), list.entries.begin() + static_cast<std::ptrdiff_t>(list.head));
        list.head = 0;
      }
      heap_.front().due = list.first().due;
      heap_.front().sequence = list.first().sequence;
    }
    if (!heap_.empty()) sift_down(0);
  }

  void sift_up(std::size_t position) noexcept {
    const HeapKey key = heap_[position];
    while (position > 0) {
      const std::size_t parent = (position - 1) / 2;
      if (!(key < heap_[parent])) break;
      heap_[position] = heap_[parent];
      position = parent;
    }
    heap_[position] = key;
  }

  void sift_down(std::size_t position) noexcept {
    const HeapKey key = heap_[position];
    const std::size_t size = heap_.size();
    for (;;) {
      std::size_t child = 2 * position + 1;
      if (child >= size) break;
      if (child + 1 < size && heap_[child + 1] < heap_[child]) ++child;
      if (!(heap_[child] < key)) break;
      heap_[position] = heap_[child];
      position = child;
    }
    heap_[position] = key;
  }

  void free_slot(std::uint32_t slot) noexcept {
    Slot& entry = slots_[slot];
    entry.callback.reset();
    entry.active = false;
    ++entry.generation;
    free_slots_.push_back(slot);
    --live_;
  }

  std::vector<HeapKey> heap_;  // a binary min-heap of the non-empty lists
  std::vector<List> lists_;
  std::unordered_map<double, std::uint32_t, DelayHash> list_of_delay_;
  double cached_delay_ = -1;
  std::uint32_t cached_list_ = 0;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_slots_;
  std::size_t live_ = 0;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace awl::detail
