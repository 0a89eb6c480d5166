// What the fan-out benchmark's processes say to each other over the fork IPC channels: the coordinator
// (fanout.ts), the server (fanout-server.ts) and the client processes (fanout-clients.ts).
export interface LoadPlan {
  durationMs: number;
  alertsPerSecond: number;
  liveEveryMs: number;
  /** Share of each district's heat cells whose count changes from one tick to the next (0–1). */
  heatChange: number;
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
  /** Per alert event / live tick: publish → handed to every socket's connection (the server's own share). */
  alertWriteMs: number[];
  liveWriteMs: number[];
  liveSent: number;
  /** The server's event-loop delay while loaded (ms): how long a ready emit could wait behind others. */
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
}

export type ServerMessage = ServerReady | LoadDone;

/** Coordinator → client process: whom to connect, then when to start and stop measuring. */
export type ClientCommand =
  | {
      type: 'connect';
      url: string;
      token: string;
      /** One entry per client this process runs: the scope it asks for ('city' or a district adcode). */
      scopes: string[];
      /**
       * true: every client runs the wall page's whole message path (decode, apply to a wall store of its
       * own); false: plain socket.io-clients, which receive and decode every message and do nothing more.
       */
      walls: boolean;
    }
  | { type: 'measure' }
  | { type: 'report' };

/** Client process → coordinator. Latencies are send → handler in ms, on the machine's one wall clock. */
export type ClientMessage =
  | {
      type: 'connected';
      clients: number;
      connectMs: number;
      /** Heat cells of the snapshots, decoded as a wall does when it draws its snapshot. */
      snapshotCells: number;
    }
  | {
      type: 'report';
      /** Send → the message received and decoded by socket.io-client (handed to the page's code). */
      alertLatency: number[];
      liveLatency: number[];
      /** Wall processes only: send → the wall's store updated with it (decoded and applied, as the page does). */
      alertApplied: number[];
      liveApplied: number[];
      /** Per message (alert id / live tick), this process's fastest delivery. */
      firstAlert: Record<string, number>;
      firstLive: Record<string, number>;
      cpuMs: number;
      wallMs: number;
    };
