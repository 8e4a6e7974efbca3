// Declarations shared by sequential-await-summaries.cpp and session.cpp:
// the test file awaits functions whose bodies only session.cpp holds, so
// what they read and write is known from session.cpp's summary alone.
#pragma once
#include <awl/promise.hpp>
#include <vector>

extern int ticket_counter; // session.cpp

awl::Promise<int> next_ticket();    // writes ticket_counter
awl::Promise<int> current_ticket(); // reads ticket_counter
awl::Promise<int> price_of(int id); // reads only its argument
awl::Promise<int> stock_of(int id); // reads only its argument
awl::Promise<void> warm_cache(int id); // writes a static of session.cpp
awl::Promise<int> cache_hits();        // reads that static
int hits_now();                        // reads that static, not a coroutine
awl::Promise<int> ledger_size();       // ledger.cpp: reads a static of its own
awl::Promise<void> audit(int id);      // calls something defined nowhere
struct Event { int id; };
awl::Promise<void> acknowledge(Event &ev); // defined in no file summarised
awl::Promise<void> record(int id);         // defined in no file summarised
awl::Promise<int> tally(std::vector<int> &into, int id); // writes into
awl::Promise<int> quick_total(int id);  // a coroutine that never suspends

struct Store {
  virtual ~Store() = default;
  virtual awl::Promise<void> purge(int id) = 0;
};
struct MemoryStore : Store {
  awl::Promise<void> purge(int id) override; // session.cpp: never suspends
};

struct Feed {
  virtual ~Feed() = default;
  virtual awl::Promise<int> pull(int id) = 0;
};
struct LiveFeed : Feed {
  awl::Promise<int> pull(int id) override; // session.cpp: suspends
};
