// The driver checks its configuration before it analyses anything: a broken
// .clang-tidy, an unknown async- option or check, a missing or broken
// compilation database, a file the database does not list, or a missing
// source file each stop the run with an error naming what is wrong and
// where, and nothing is written (--fix leaves the file as it was).
// RUN: rm -rf %t && mkdir -p %t/yaml %t/names %t/db %t/broken %t/fixed
// RUN: cp %s %t/yaml/a.cpp && cp %s %t/names/a.cpp && cp %s %t/db/a.cpp && cp %s %t/fixed/a.cpp
//
// A .clang-tidy that is not valid YAML: clang-tidy alone would run with
// its defaults.
// RUN: printf 'Checks: [-*\nCheckOptions:\n  x: : y\n' > %t/yaml/.clang-tidy
// RUN: %not %awaitlint --fix %t/yaml/a.cpp -- %awl_flags 2>&1 | %FileCheck %s --check-prefix=PARSE
// RUN: diff %s %t/yaml/a.cpp
// PARSE: yaml{{/|\\}}.clang-tidy:3:4: error: Expected , between entries!
// PARSE: awaitlint: 1 configuration problem(s); nothing was analysed
//
// Misspelt option and check names, with the closest real option.
// RUN: printf "Checks: '-*,async-sequential-awiat'\nCheckOptions:\n  async-sequential-await.TaskTypez: 'x'\n" > %t/names/.clang-tidy
// RUN: %not %awaitlint --fix %t/names/a.cpp -- %awl_flags 2>&1 | %FileCheck %s --check-prefix=NAMES
// RUN: diff %s %t/names/a.cpp
// NAMES-DAG: .clang-tidy: error: unknown check 'async-sequential-awiat' in Checks
// NAMES-DAG: .clang-tidy: error: unknown option 'async-sequential-await.TaskTypez' of check 'async-sequential-await'; did you mean 'async-sequential-await.TaskTypes'?
// NAMES: awaitlint: 2 configuration problem(s)
//
// An unknown key of the configuration format itself.
// RUN: %not %awaitlint "--config={Checks: '-*,async-*', ChecksX: 1}" %t/db/a.cpp -- %awl_flags 2>&1 | %FileCheck %s --check-prefix=KEY
// KEY: unknown key 'ChecksX'
//
// -p naming a directory without a database, or with a broken one.
// RUN: %not %awaitlint --checks='-*,async-*' -p %t/nowhere %t/db/a.cpp 2>&1 | %FileCheck %s --check-prefix=NODB
// NODB: nowhere: error: no such directory (-p names the build directory that holds compile_commands.json)
// RUN: printf '[{"directory": 1,' > %t/broken/compile_commands.json
// RUN: %not %awaitlint --checks='-*,async-*' -p %t/broken %t/db/a.cpp 2>&1 | %FileCheck %s --check-prefix=BROKEN
// BROKEN: broken{{/|\\}}compile_commands.json: error: cannot load the compilation database: Missing key: "file".
//
// A database that does not list the file: clang-tidy would guess its flags.
// RUN: printf '[{"directory": "%/t/db", "file": "other.cpp", "command": "clang++ %awl_flags -c other.cpp"}]' > %t/db/compile_commands.json
// RUN: %not %awaitlint --checks='-*,async-*' --fix -p %t/db %t/db/a.cpp 2>&1 | %FileCheck %s --check-prefix=UNLISTED
// RUN: diff %s %t/db/a.cpp
// UNLISTED: a.cpp: error: not in the compilation database of '{{.*}}db'; its flags would be guessed from another file's. Add it to the database, pass its flags after '--', or pass --allow-unlisted-files
// RUN: %awaitlint --checks='-*,async-*' --warnings-as-errors='-*' --allow-unlisted-files -p %t/db %t/db/a.cpp 2>&1 | %FileCheck %s --check-prefix=ALLOWED
// ALLOWED: warning: 2 independent co_await expressions run one after another
//
// No -p and no flags after '--': the database found above the file (here
// the build tree's, when it has one) must list it. (test/delivery's
// ci_lint_test.sh covers a file with no database above it at all.)
// RUN: %not %awaitlint --checks='-*,async-*' %t/fixed/a.cpp 2>&1 | %FileCheck %s --check-prefix=NONE
// NONE: a.cpp: error: {{no compilation database found in its directory or above; pass -p <build directory>, or the compiler flags after '--'|not in the compilation database; its flags would be guessed}}
//
// A source file that does not exist.
// RUN: %not %awaitlint --checks='-*,async-*' %t/missing.cpp -- %awl_flags 2>&1 | %FileCheck %s --check-prefix=MISSING
// MISSING: missing.cpp: error: no such file
//
// With a good configuration the same file is analysed (and fixed).
// RUN: %awaitlint --checks='-*,async-sequential-await' --warnings-as-errors='-*' --fix %t/fixed/a.cpp -- %awl_flags 2>&1 | %FileCheck %s --check-prefix=GOOD
// RUN: %FileCheck %s --check-prefix=FIXED < %t/fixed/a.cpp
// GOOD: warning: 2 independent co_await expressions run one after another
// FIXED: auto [a, b] = co_await awl::when_all(fetch_count(id), fetch_orders(id));
#include "fetch_api.hpp"

awl::Promise<int> load(int id) {
  auto a = co_await fetch_count(id);
  auto b = co_await fetch_orders(id);
  co_return a + b;
}
