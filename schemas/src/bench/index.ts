// Helpers the benchmarks of every package share: what the machine did during a run, and percentiles.
export * from './machine.js';
export * from './stats.js';
