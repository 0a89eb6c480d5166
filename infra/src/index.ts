export { startEmbedded, type RunningSystem } from './launcher.js';
export { loadLauncherConfig, LauncherConfigError, type LauncherConfig } from './config.js';
