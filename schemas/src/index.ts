export * from './events/index.js';
export * from './topics.js';
