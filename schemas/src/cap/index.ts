export {
  alertToCap,
  capIdentifier,
  CapOptionsError,
  CAP_MEDIA_TYPE,
  CAP_NAMESPACE,
  districtNamesOf,
  type CapOptions,
  type DistrictNames,
} from './alert.js';
export {
  alertsToCapFeed,
  capFeedEntryId,
  ATOM_MEDIA_TYPE,
  ATOM_NAMESPACE,
  type CapFeedOptions,
} from './feed.js';
export {
  AGENCY_NAMES,
  CAP_CATEGORY,
  CAP_SEVERITY,
  EVENT_NAMES,
  LEVEL_NAMES,
  LEVEL_ROMAN,
  type CapCategory,
  type CapSeverity,
} from './mapping.js';
export { capDateTime, CapTimeError, CHINA_STANDARD_TIME_OFFSET_MINUTES } from './time.js';
export { escapeXml } from './xml.js';
