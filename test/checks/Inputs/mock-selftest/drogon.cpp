// Self-test of the drogon mock (../drogon, ../trantor): runs as drogon user
// code would.
#include <drogon/HttpAppFramework.h>
#include <drogon/HttpClient.h>
#include <drogon/orm/DbClient.h>
#include <drogon/utils/coroutine.h>
#include "../mock_loop.hpp"
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

using namespace drogon;
using namespace std::chrono_literals;

Task<int> fetch_count(orm::DbClientPtr db, int id) {
  auto r = co_await db->execSqlCoro("select count from t where id = $1", id * 10);
  co_return r[0][0].as<int>();
}
Task<std::string> fetch_page(HttpClientPtr client, std::string path) {
  auto req = HttpRequest::newHttpRequest();
  req->setPath(path);
  auto resp = co_await client->sendRequestCoro(req);
  co_return std::string(resp->body());
}
Task<> audit(std::string *log) {
  co_await sleepCoro(app().getLoop(), 0.05);
  *log += "audited";
}
Task<int> broken() {
  co_await sleepCoro(app().getLoop(), 10ms);
  throw std::runtime_error("broken");
}

Task<> run() {
  auto db = orm::DbClient::newPgClient("host=mock", 1);
  auto client = HttpClient::newHttpClient("http://example.com");

  auto t0 = mock_loop::now_ms();
  int count = co_await fetch_count(db, 1);
  std::string page = co_await fetch_page(client, "/a");
  std::printf("sequential: %d '%s' in %.0fms\n", count, page.c_str(), mock_loop::now_ms() - t0);

  t0 = mock_loop::now_ms();
  std::string log;
  auto [c, p, v] = co_await when_all(fetch_count(db, 2), fetch_page(client, "/b"), audit(&log));
  std::false_type placeholder = v;
  (void)placeholder;
  std::printf("when_all: %d '%s' %s in %.0fms\n", c, p.c_str(), log.c_str(), mock_loop::now_ms() - t0);

  std::vector<Task<int>> tasks;
  for (int i = 0; i < 3; ++i)
    tasks.push_back(fetch_count(db, i));
  std::vector<int> counts = co_await when_all(std::move(tasks));
  std::printf("when_all(vector): %zu values, last %d\n", counts.size(), counts.back());

  Mutex m;
  int shared = 0;
  auto bump = [](Mutex &m, int &shared) -> Task<> {
    auto lock = co_await m.scoped_lock();
    int seen = shared;
    co_await sleepCoro(app().getLoop(), 0.01);
    shared = seen + 1;
  };
  co_await when_all(bump(m, shared), bump(m, shared));
  std::printf("mutex: %d\n", shared);

  int n = co_await queueInLoopCoro<int>(app().getLoop(), [] { return 5; });
  co_await switchThreadCoro(app().getLoop());
  std::printf("queueInLoopCoro: %d\n", n);

  try {
    co_await when_all(fetch_count(db, 3), broken());
  } catch (const std::exception &e) {
    std::printf("when_all threw: %s\n", e.what());
  }
  try {
    co_await db->execSqlCoro("FAIL now");
  } catch (const orm::DrogonDbException &e) {
    std::printf("execSqlCoro threw: %s\n", e.base().what());
  }
  try {
    co_await fetch_page(client, "/fail");
  } catch (const HttpException &e) {
    std::printf("sendRequestCoro threw: %s\n", e.what());
  }
}

int main() {
  sync_wait(run());
  auto db = orm::DbClient::newSqlite3Client("mock.db", 1);
  int answer = sync_wait(fetch_count(db, 4));
  std::printf("sync_wait: %d, total %.0fms\n", answer, mock_loop::now_ms());

  // Fire and forget, then run the app loop until nothing is left.
  int done = 0;
  async_run([&done]() -> Task<> {
    co_await sleepCoro(app().getLoop(), 0.2);
    ++done;
  });
  app().run();
  std::printf("async_run: %d, total %.0fms\n", done, mock_loop::now_ms());
  try {
    sync_wait(broken());
  } catch (const std::exception &e) {
    std::printf("sync_wait threw: %s\n", e.what());
  }
  return 0;
}
