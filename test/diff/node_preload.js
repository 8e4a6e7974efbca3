// Loaded with `node -r` before every case (see compare.sh). process.stdout is
// created lazily by the first console.log, which takes tens of milliseconds on
// a loaded machine; creating it up front keeps that cost from landing between
// the timers a case sets and skewing their real-time order. No output.
void process.stdout;
