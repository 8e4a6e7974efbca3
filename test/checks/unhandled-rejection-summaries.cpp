// Summaries of other files' coroutines (Summaries, ExportSummaries and the
// driver's --summaries): a dropped promise of a coroutine defined in another
// file is quiet when that file's summary shows its body lets nothing out,
// settled over both files (a coroutine there awaits one here; a cycle of
// awaits nothing makes fail cannot fail; a virtual call is quiet only when
// every override is known and cannot fail). Anything unknown is reported.
// RUN: rm -rf %t && mkdir -p %t
//
// No summaries: every dropped promise is reported.
// RUN: %awaitlint --quiet --warnings-as-errors=-* --checks='-*,async-unhandled-rejection' %s -- %awl_flags -I %inputs/summaries 2>&1 | %FileCheck %s --check-prefixes=ALL,NONE --implicit-check-not=warning:
//
// The check's options, as the clang-tidy plugin takes them: export both
// files' summaries, then read them.
// RUN: %awaitlint --quiet --warnings-as-errors=-* --checks='-*,async-unhandled-rejection' --config="{CheckOptions: {async-unhandled-rejection.ExportSummaries: '%t/sum'}}" %inputs/summaries/storage.cpp %s -- %awl_flags -I %inputs/summaries > /dev/null
// RUN: cat %t/sum/*.awlsum | %FileCheck %s --check-prefix=SUMMARY
// RUN: %awaitlint --quiet --warnings-as-errors=-* --checks='-*,async-unhandled-rejection' --config="{CheckOptions: {async-unhandled-rejection.Summaries: '%t/sum'}}" %s -- %awl_flags -I %inputs/summaries 2>&1 | %FileCheck %s --check-prefixes=ALL --implicit-check-not=warning:
//
// The plugin in the host clang-tidy-22 reads them the same way.
// RUN: %host_clang_tidy --load=%plugin --quiet --warnings-as-errors=-* --checks='-*,async-unhandled-rejection' --config="{CheckOptions: {async-unhandled-rejection.Summaries: '%t/sum'}}" %s -- %awl_flags -I %inputs/summaries 2>&1 | %FileCheck %s --check-prefixes=ALL --implicit-check-not=warning:
//
// The driver writes and reads them in one command (and reports storage.cpp's
// own dropped promise).
// RUN: %awaitlint --summaries=%t/driver --quiet --warnings-as-errors=-* --checks='-*,async-unhandled-rejection' %s %inputs/summaries/storage.cpp -- %awl_flags -I %inputs/summaries 2>&1 | %FileCheck %s --check-prefixes=ALL,OTHER --implicit-check-not=warning:
// RUN: ls %t/driver | %FileCheck %s --check-prefix=FILES
//
// A Summaries path that does not exist stops the driver before it analyses.
// RUN: %not %awaitlint --quiet --warnings-as-errors=-* --checks='-*,async-unhandled-rejection' --config="{CheckOptions: {async-unhandled-rejection.Summaries: '%t/missing'}}" %s -- %awl_flags -I %inputs/summaries 2>&1 | %FileCheck %s --check-prefix=MISSING
// MISSING: async-unhandled-rejection.Summaries{{.*}}missing' does not exist
// MISSING: nothing was analysed
//
// An ExportSummaries directory that cannot be made is named, and the file is
// still analysed.
// RUN: touch %t/plain-file
// RUN: %awaitlint --quiet --warnings-as-errors=-* --checks='-*,async-unhandled-rejection' --config="{CheckOptions: {async-unhandled-rejection.ExportSummaries: '%t/plain-file/sum'}}" %s -- %awl_flags -I %inputs/summaries 2>&1 | %FileCheck %s --check-prefix=UNWRITABLE
// UNWRITABLE: warning: cannot export the exception summary of {{.*}}unhandled-rejection-summaries.cpp (async-unhandled-rejection.ExportSummaries): cannot create '{{.*}}plain-file{{/|\\}}sum': Not a directory
// UNWRITABLE: warning: the promise returned by 'unmount' is discarded
//
// One summary per file, however the file is named, and a file that has
// lost its coroutines replaces its old summary with an empty one.
// RUN: mkdir -p %t/stale && cp %inputs/summaries/storage.cpp %t/stale/storage.cpp
// RUN: %awaitlint --quiet --warnings-as-errors=-* --checks='-*,async-unhandled-rejection' --config="{CheckOptions: {async-unhandled-rejection.ExportSummaries: '%t/stalesum'}}" %t/stale/storage.cpp -- %awl_flags -I %inputs/summaries > /dev/null
// RUN: cd %t/stale && %awaitlint --quiet --warnings-as-errors=-* --checks='-*,async-unhandled-rejection' --config="{CheckOptions: {async-unhandled-rejection.ExportSummaries: '%t/stalesum'}}" storage.cpp -- %awl_flags -I %inputs/summaries > /dev/null
// RUN: cat %t/stalesum/*.awlsum | %FileCheck %s --check-prefix=ONCE
// ONCE-COUNT-1: awaitlint summary 2
// ONCE: C	Disk::lock()	clean
// ONCE-NOT: awaitlint summary
// RUN: echo 'int plain() { return 0; }' > %t/stale/storage.cpp
// RUN: cd %t/stale && %awaitlint --quiet --warnings-as-errors=-* --checks='-*,async-unhandled-rejection' --config="{CheckOptions: {async-unhandled-rejection.ExportSummaries: '%t/stalesum'}}" storage.cpp -- -std=c++20 > /dev/null
// RUN: cat %t/stalesum/*.awlsum | %FileCheck %s --check-prefix=EMPTIED
// EMPTIED: awaitlint summary 2
// EMPTIED-NOT: {{^}}C
//
// clang-tidy sorts the diagnostics by file: storage.cpp's come first.
// OTHER: storage.cpp:59:8: warning: the promise returned by 'unmount' is discarded

#include "storage.hpp"

// storage.cpp's flush_all awaits this: it cannot fail.
awl::Promise<void> settle_local(Disk &disk) {
  try {
    co_await disk.refresh();
  } catch (...) {
  }
}

// storage.cpp's ping awaits this, and this awaits ping.
awl::Promise<void> pong(int rounds) {
  if (rounds > 0)
    co_await ping(rounds - 1);
}

void drop_calls(Disk &disk, const Disk &shared, Job &job, CopyJob &copy,
                Restore &restore) {
  disk.lock();
  // NONE: :[[@LINE-1]]:8: warning: the promise returned by 'lock' is discarded
  disk.refresh();
  // NONE: :[[@LINE-1]]:8: warning: the promise returned by 'refresh'
  disk.sync();
  // NONE: :[[@LINE-1]]:8: warning: the promise returned by 'sync'
  disk.unmount();
  // ALL: :[[@LINE-1]]:8: warning: the promise returned by 'unmount' is discarded
  disk.flush_all();
  // NONE: :[[@LINE-1]]:8: warning: the promise returned by 'flush_all'
  shared.eject();
  // ALL: :[[@LINE-1]]:10: warning: the promise returned by 'eject'
  ping(3);
  // NONE: :[[@LINE-1]]:3: warning: the promise returned by 'ping'
  job.start();
  // ALL: :[[@LINE-1]]:7: warning: the promise returned by 'start'
  copy.start();
  // NONE: :[[@LINE-1]]:8: warning: the promise returned by 'start'
  restore.begin();
  // NONE: :[[@LINE-1]]:11: warning: the promise returned by 'begin'
  disk.lock().then([] {});
  // NONE: :[[@LINE-1]]:15: warning: the promise chain ending in 'then'
  disk.unmount().then([] {});
  // ALL: :[[@LINE-1]]:18: warning: the promise chain ending in 'then'
  disk.lock().then([] { throw DiskError{6}; });
  // ALL: :[[@LINE-1]]:15: warning: the promise chain ending in 'then'
}

// SUMMARY-DAG: C	Disk::lock()	clean
// A summary holds each file's own knowledge: unmount's body is clean but
// for device_call, which no summary defines (so unmount may reject).
// SUMMARY-DAG: C	Disk::unmount()	clean	F:device_call(int)
// SUMMARY-DAG: C	Disk::eject() const	lets-out
// SUMMARY-DAG: C	Disk::flush_all()	clean	F:settle_local(Disk &)
// SUMMARY-DAG: C	Disk::sync()	clean
// SUMMARY-DAG: C	ping(int)	clean	F:pong(int)
// SUMMARY-DAG: C	pong(int)	clean	F:ping(int)
// SUMMARY-DAG: O	CopyJob::start()	Job::start()
// SUMMARY-DAG: O	DiskRestore::begin()	Restore::begin()
// SUMMARY-NOT: settle_quietly
// FILES-COUNT-2: {{[0-9A-F]+}}.awlsum
