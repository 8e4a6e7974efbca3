// The other file of sequential-await-summaries.cpp: its summary says what
// each function does.
#include "session.hpp"

int ticket_counter = 0;
static int warmed[16];

void record_somewhere(int id); // defined in no file of the test

awl::Promise<int> next_ticket() {
  int ticket = co_await awl::Promise<int>::resolve(++ticket_counter);
  co_return ticket;
}
awl::Promise<int> current_ticket() {
  co_return co_await awl::Promise<int>::resolve(ticket_counter);
}
awl::Promise<int> price_of(int id) {
  co_return co_await awl::Promise<int>::resolve(id * 3);
}
awl::Promise<int> stock_of(int id) {
  co_return co_await awl::Promise<int>::resolve(id + 1);
}
awl::Promise<void> warm_cache(int id) {
  warmed[id % 16] = co_await awl::Promise<int>::resolve(id);
}
awl::Promise<int> cache_hits() {
  int hits = 0;
  for (int value : warmed)
    hits += value != 0;
  co_return co_await awl::Promise<int>::resolve(hits);
}
int hits_now() {
  int hits = 0;
  for (int value : warmed)
    hits += value != 0;
  return hits;
}
awl::Promise<void> audit(int id) {
  record_somewhere(id);
  co_await awl::Promise<int>::resolve(id);
}
awl::Promise<int> tally(std::vector<int> &into, int id) {
  into.push_back(id);
  co_return co_await awl::Promise<int>::resolve(id);
}
awl::Promise<int> quick_total(int id) { co_return id * 2; }

awl::Promise<void> MemoryStore::purge(int id) { co_return; }
awl::Promise<int> LiveFeed::pull(int id) {
  co_return co_await awl::Promise<int>::resolve(id);
}
