// Delays above 2^31-1 ms are clamped to 1 ms (Node warns on stderr).
const log = console.log;
setTimeout(() => log('100 ms'), 100);
setTimeout(() => log('2^31 ms, clamped to 1'), 2 ** 31);
setTimeout(() => log('NaN ms, clamped to 1'), NaN);
