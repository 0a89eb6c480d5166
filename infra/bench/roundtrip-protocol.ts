// What the action round-trip benchmark's two processes say over the fork IPC channel.
export interface ClientsPlan {
  url: string;
  token: string;
  clients: number;
  alertId: string;
}

export type ClientsMessage =
  | { type: 'connected'; clients: number; ms: number }
  /** Per alert version: the wall-clock ms at which each client received it. */
  | { type: 'receipts'; receipts: Record<string, number[]>; cpuUserMs: number; cpuSystemMs: number };

export type ParentMessage = { type: 'plan'; plan: ClientsPlan } | { type: 'finish' };
