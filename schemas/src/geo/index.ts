export * from './h3.js';
export * from './bbox.js';
export * from './districts.js';
export { DISTRICT_NAMES_EN } from './district-names.js';
export * from './venues.js';
export * from './arterials.js';
