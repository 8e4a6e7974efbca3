// A sleep(ms) promise (awl::sleep) in sequence and in parallel with timers.
const log = console.log;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
sleep(50).then(() => log('slept 50'));
sleep(10).then(() => log('slept 10')).then(() => sleep(100)).then(() => log('slept 10+100'));
setTimeout(() => log('timeout 80'), 80);
