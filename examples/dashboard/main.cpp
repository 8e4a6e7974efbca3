// Loads and renders user 42's dashboard on virtual time.
#include "shop/dashboard.hpp"
#include "shop/run.hpp"

int main() {
  return shop::run_on_virtual_time("dashboard", []() -> awl::Promise<std::string> {
    const shop::Dashboard dashboard = co_await shop::load_dashboard(42);
    co_return shop::render(dashboard);
  });
}
