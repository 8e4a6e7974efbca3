// RUN: %check_async %s async-await-in-loop %t
// Negative: loop-carried variables. A variable declared outside the loop,
// written in the body (assignment, +=, ++, by non-const reference or
// pointer) and read by a later operand or by the condition.
#include <awl/promise.hpp>
#include <vector>

awl::Promise<int> fetch_count(int id);
awl::Promise<int> fetch_into(std::vector<int>& buffer, int id);
awl::Promise<int> fetch_from(const int* value);
void advance(int* position);

awl::Promise<int> carried(const std::vector<int>& ids, int n) {
  int offset = 0;
  for (int id : ids) {
    co_await fetch_count(id + offset);
    offset += 10;
  }
  int i = 0;
  while (i < n) {
    co_await fetch_count(i + offset);
    offset += 1;
    ++i;
  }
  for (int k = 0; k < n;) co_await fetch_count(k++);
  std::vector<int> buffer;
  for (int id : ids) co_await fetch_into(buffer, id);
  int position = 0;
  for (int id : ids) {
    co_await fetch_from(&position);
    position = id;
  }
  int remaining = n;
  while (remaining > 0) remaining -= co_await fetch_count(remaining);
  std::vector<int> out;
  for (int id : ids) out.push_back(co_await fetch_count(static_cast<int>(out.size()) + id));
  co_return offset + position;
}
