// The third file of sequential-await-summary-passes.cpp: plain functions
// that front.cpp's coroutines call.
#include "chain.hpp"

int shared_counter = 0;
static int remembered[8];

int bump_counter() { return ++shared_counter; }
void remember(int id) { remembered[id % 8] = id; }
