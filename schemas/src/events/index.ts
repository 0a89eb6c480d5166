export * from './common.js';
export * from './sensor-reading.js';
export * from './crowd-heat.js';
export * from './traffic-flow.js';
export * from './traffic-incident.js';
export * from './alert.js';
export * from './alert-action.js';
export * from './live-aggregate.js';
