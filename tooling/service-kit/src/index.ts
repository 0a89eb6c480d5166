export { createKafka, keyedProducer } from './create-kafka.js';
export { pinoLogCreator, kafkaLogLevel } from './pino-log-creator.js';
export { retryUntilDone, ShutdownError, DEFAULT_BACKOFF, type BackoffPolicy } from './retry.js';
export { startHealthServer, type HealthServer } from './health-server.js';
export { runService, runUntilSignal } from './run-until-signal.js';
export {
  LOG_LEVELS,
  logLevelVar,
  portVar,
  kafkaBrokersVar,
  clickhouseVars,
  clickhouseTargetOf,
  describeEnvIssues,
  parseEnv,
  ConfigError,
  type LogLevel,
} from './env.js';
