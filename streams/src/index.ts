export { start, type StreamsDeps, type RunningStreams } from './start.js';
export { loadStreamsConfig, ConfigError, DEFAULT_RULES_FILE, type StreamsConfig } from './config.js';
export { loadRules, parseRules, RulesFileError } from './rules/load.js';
export type { RulesConfig, Rule, ThresholdRule, IncidentRule } from './rules/schema.js';
export { StreamEngine, type EngineOptions } from './engine.js';
export { auditHash, verifyChain, type AuditRow } from './alerts/audit-chain.js';
