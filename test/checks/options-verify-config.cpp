// --verify-config checks the values of async- options, not only their names:
// each invalid value is an error naming the key as written, and the exit
// code is 1; valid spellings (yes/no, on/off, 0/1 in any case) pass.
// RUN: %not %awaitlint --verify-config --config-file=%inputs/config/invalid-values.yaml 2>&1 | %FileCheck %s --check-prefix=INVALID
// RUN: %awaitlint --verify-config --config-file=%inputs/config/valid-values.yaml 2>&1 | %FileCheck %s --check-prefix=VALID
// RUN: %not %awaitlint --verify-config "--config={CheckOptions: {async-await-late.ExtraLoggingFunctions: 'trace;emit('}}" 2>&1 | %FileCheck %s --check-prefix=INLINE

// INVALID-DAG: invalid-values.yaml: error: invalid configuration value 'maybe' for option 'async-sequential-await.SameObjectIsDependent'; expected a bool [-verify-config]
// INVALID-DAG: invalid-values.yaml: error: invalid configuration value '-3' for option 'async-await-in-loop.CalleeDepth'; expected a non-negative integer [-verify-config]
// INVALID-DAG: invalid-values.yaml: error: invalid configuration value '(unclosed' for option 'async-sequential-await.ExtraGuardTypes'; invalid regular expression '(unclosed': parentheses not balanced [-verify-config]
// INVALID-DAG: invalid-values.yaml: error: invalid configuration value 'gnu' for option 'async-sequential-await.IncludeStyle'; expected 'llvm' or 'google' [-verify-config]
// INVALID-DAG: invalid-values.yaml: error: invalid configuration value 'many' for option 'CalleeDepth'; expected a non-negative integer [-verify-config]
// INVALID-NOT: Off
// INVALID-NOT: my_yield
// INVALID-NOT: No config errors detected

// VALID: No config errors detected.
// VALID-NOT: error

// INLINE: --config: error: invalid configuration value 'trace;emit(' for option 'async-await-late.ExtraLoggingFunctions'; invalid regular expression 'emit(': parentheses not balanced [-verify-config]
