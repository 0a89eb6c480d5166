export * from './alert-row.js';
export * from './client.js';
export * from './migrate.js';
export * from './tables.js';
export * from './time.js';
