// Declarations of sequential-await-summary-passes.cpp: the test file awaits
// coroutines of front.cpp, which call plain functions of back.cpp. One
// summary pass knows front.cpp's coroutines only as far as front.cpp goes;
// a second pass, reading back.cpp's summary, knows what they do.
#pragma once
#include <awl/promise.hpp>

extern int shared_counter; // back.cpp

// back.cpp
int bump_counter();     // writes shared_counter
void remember(int id);  // writes a static of back.cpp

// front.cpp
awl::Promise<int> next_number();          // calls bump_counter
awl::Promise<int> read_number();          // reads shared_counter
awl::Promise<void> remember_later(int id); // calls remember
awl::Promise<int> price(int id);           // reads only its argument
