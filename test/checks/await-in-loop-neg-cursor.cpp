// RUN: %check_async %s async-await-in-loop %t
// Negative: pagination. The next request uses the previous result (the
// cursor), directly or through a variable of the loop header.
#include <awl/promise.hpp>
#include <string>
#include <vector>

struct Page {
  std::vector<int> items;
  std::string next;
};
awl::Promise<Page> fetch_page(const std::string& cursor);
awl::Promise<int> fetch_after(int previous);

awl::Promise<std::vector<int>> all_items() {
  std::vector<int> items;
  std::string cursor;
  for (int page = 0; page < 10; ++page) {
    Page result = co_await fetch_page(cursor);
    cursor = result.next;
  }
  int previous = 0;
  for (int i = 0; i < 10; ++i) previous = co_await fetch_after(previous);
  for (int i = 0; i < 10; i += co_await fetch_after(i)) {
  }
  co_return items;
}
