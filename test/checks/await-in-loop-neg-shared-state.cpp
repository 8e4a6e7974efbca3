// RUN: %check_async %s async-await-in-loop %t
// Negative: the body writes shared state (a global, a member, a reference
// parameter) or calls functions with unknown effects: the awaited calls may
// observe those writes in order.
#include <awl/promise.hpp>
#include <vector>

struct Context {
  int current = 0;
};
extern Context context;
extern int global_counter;
awl::Promise<void> handle_current();
awl::Promise<int> fetch_count(int id);
void log_event(const char* what);

awl::Promise<void> run(const std::vector<int>& ids, std::vector<int>& results) {
  for (int id : ids) {
    context.current = id;
    co_await handle_current();
  }
  for (int id : ids) {
    co_await fetch_count(id);
    ++global_counter;
  }
  for (int id : ids) {
    log_event("fetching");
    co_await fetch_count(id);
  }
  for (int id : ids) results.push_back(co_await fetch_count(id));
}
