// An invalid option value is reported once per check by its full key. In
// the host clang-tidy (the plugin) the check goes on with the option's
// default; the awaitlint driver stops before analysing anything (exit 2),
// naming every problem and where it is.
// RUN: %host_clang_tidy --load=%plugin --checks='-*,async-sequential-await' --config-file=%inputs/config/invalid-values.yaml %s -- %awl_flags 2>&1 | %FileCheck %s
// RUN: %not %awaitlint --checks='-*,async-sequential-await' --config-file=%inputs/config/invalid-values.yaml %s -- %awl_flags 2>&1 | %FileCheck %s --check-prefix=DRIVER
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  auto a = co_await fetch_count(id);
  auto b = co_await fetch_orders(id);
  co_return a + b;
}
// CHECK-DAG: warning: invalid configuration value 'maybe' for option 'async-sequential-await.SameObjectIsDependent'; expected a bool [clang-tidy-config]
// CHECK-DAG: warning: invalid regular expression '(unclosed': parentheses not balanced in option 'async-sequential-await.ExtraGuardTypes' [clang-tidy-config]
// CHECK-DAG: warning: invalid configuration value 'many' for option 'CalleeDepth'; expected a non-negative integer [clang-tidy-config]
// CHECK-DAG: options-invalid-values.cpp:10:12: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]

// DRIVER-DAG: invalid-values.yaml: error: invalid configuration value 'maybe' for option 'async-sequential-await.SameObjectIsDependent'; expected a bool
// DRIVER-DAG: invalid-values.yaml: error: invalid configuration value 'many' for option 'CalleeDepth'; expected a non-negative integer
// DRIVER-DAG: awaitlint: 5 configuration problem(s); nothing was analysed
// DRIVER-NOT: warning: 2 independent
