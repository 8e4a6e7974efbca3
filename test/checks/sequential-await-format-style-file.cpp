// RUN: %check_async --clang-format %inputs/format/indent4-narrow.clang-format %s async-sequential-await %t
// With --format-style=file clang-tidy formats the fixed lines by the
// project's .clang-format (4-space indents, 60 columns), not by its default.
#include "fetch_api.hpp"

awl::Promise<int> dashboard_totals(int account_id) {
    int orders = co_await fetch_count(account_id);
    int invoices = co_await fetch_count(account_id + 1000000);
    // CHECK-MESSAGES: :[[@LINE-2]]:18: warning: 2 independent co_await expressions
    // CHECK-FIXES: {{^}}    auto [orders, invoices] = co_await awl::when_all({{$}}
    // CHECK-FIXES-NEXT: {{^}}        fetch_count(account_id),{{$}}
    // CHECK-FIXES-NEXT: {{^}}        fetch_count(account_id + 1000000));{{$}}
    co_return orders + invoices;
}
