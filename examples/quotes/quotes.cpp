// Price comparison with asio: ask three suppliers for a quote, order from the
// cheapest. Each supplier's API answers after 50 ms (a steady_timer stands in
// for the network), on the real clock.
#include "shop/print.hpp"

#include <asio.hpp>

#include <chrono>
#include <exception>
#include <string>

namespace {

using namespace std::chrono_literals;

struct Quote {
  std::string supplier;
  int price_cents = 0;
};

// A supplier's price API.
asio::awaitable<Quote> fetch_quote(std::string supplier, std::string sku) {
  asio::steady_timer network(co_await asio::this_coro::executor, 50ms);
  co_await network.async_wait(asio::use_awaitable);
  int price = 1000;
  for (char c : supplier + sku) price += c % 17;
  co_return Quote{supplier, price};
}

// The order goes to the supplier chosen: it needs the quotes first.
asio::awaitable<std::string> place_order(Quote quote, std::string sku) {
  asio::steady_timer network(co_await asio::this_coro::executor, 20ms);
  co_await network.async_wait(asio::use_awaitable);
  co_return sku + "@" + quote.supplier;
}

// Three independent requests, awaited one after another.
asio::awaitable<std::string> order_cheapest(std::string sku) {
  Quote acme = co_await fetch_quote("acme", sku);
  Quote globex = co_await fetch_quote("globex", sku);
  Quote initech = co_await fetch_quote("initech", sku);
  Quote best = acme;
  if (globex.price_cents < best.price_cents) best = globex;
  if (initech.price_cents < best.price_cents) best = initech;
  const std::string order = co_await place_order(best, sku);
  co_return "order=" + order + " price=" + std::to_string(best.price_cents) +
      " quotes=" + std::to_string(acme.price_cents) + "," + std::to_string(globex.price_cents) + "," +
      std::to_string(initech.price_cents);
}

}  // namespace

int main() {
  asio::io_context io;
  std::string result;
  const auto start = std::chrono::steady_clock::now();
  asio::co_spawn(io, order_cheapest("sku-42"), [&result](std::exception_ptr error, std::string order) {
    if (error) std::rethrow_exception(error);
    result = std::move(order);
  });
  io.run();
  const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
  shop::print_result("quotes", result, elapsed.count(), "wall clock");
}
