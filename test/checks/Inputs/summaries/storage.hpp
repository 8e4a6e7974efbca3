// Declarations shared by the two files of the cross-file summary tests
// (unhandled-rejection-summaries.cpp and storage.cpp).
#pragma once
#include <awl/promise.hpp>

struct DiskError {
  int code;
};

awl::Promise<void> device_call(int request); // defined nowhere: may fail

struct Disk {
  awl::Promise<void> lock();        // storage.cpp: awaits nothing that fails
  awl::Promise<void> refresh();     // storage.cpp: catches DiskError
  awl::Promise<void> sync();        // storage.cpp: awaits lock and refresh
  awl::Promise<void> unmount();     // storage.cpp: device_call escapes
  awl::Promise<void> flush_all();   // storage.cpp: awaits settle_local
  awl::Promise<void> eject() const; // storage.cpp: throws
};

// Defined in the test file; storage.cpp's flush_all awaits it.
awl::Promise<void> settle_local(Disk &disk);
// A cycle across the two files that nothing makes fail.
awl::Promise<void> ping(int rounds); // storage.cpp
awl::Promise<void> pong(int rounds); // the test file

struct Job {
  virtual ~Job() = default;
  virtual awl::Promise<void> start() = 0;
};
struct CopyJob : Job {
  awl::Promise<void> start() override; // storage.cpp: cannot fail
};
struct EraseJob : Job {
  awl::Promise<void> start() override; // storage.cpp: may fail
};

struct Restore {
  virtual ~Restore() = default;
  virtual awl::Promise<void> begin() = 0;
};
struct DiskRestore : Restore {
  awl::Promise<void> begin() override; // storage.cpp: cannot fail
};
struct OpticalRestore : Restore {
  awl::Promise<void> begin() override; // storage.cpp: cannot fail
};
