// What the fan-out benchmark's two processes say to each other over the fork IPC channel.
export interface LoadPlan {
  durationMs: number;
  alertsPerSecond: number;
  liveEveryMs: number;
}

export interface ServerReady {
  type: 'ready';
  port: number;
  districts: string[];
  /** A wall display token the clients connect with (the real authentication path). */
  token: string;
}

export interface LoadDone {
  type: 'done';
  wallMs: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  rssPeakMb: number;
  rssEndMb: number;
  alertsSent: number;
  liveSent: number;
  /** The server's event-loop delay while loaded (ms): how long a ready emit could wait behind others. */
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
}

export type ServerMessage = ServerReady | LoadDone;
