// @citybrain/web's server entry: the launcher and the bin compose the wall from here. Browser code lives
// in app/ and src/wall/ and is never imported through this file.
export { start, type WebDeps, type RunningWeb } from './server/start.js';
export {
  loadWebConfig,
  loadAuthConfig,
  ConfigError,
  type WebConfig,
  type WebMode,
  type AuthConfig,
} from './config.js';
export { ensureDemoAccounts, type DemoAccounts } from './server/auth/demo-accounts.js';
export { hasProductionBuild } from './server/next-app.js';
export type {
  ServerToClientEvents,
  ClientToServerEvents,
  WallSnapshot,
  WallScope,
  HandshakeAuth,
} from './realtime/events.js';
