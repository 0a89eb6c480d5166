// The accounts file as the server sees it: re-read when its modification time changes (checked at most
// once a second), so the CLI's changes apply to the next login or connection without a restart.
import { statSync } from 'node:fs';
import { agencyId } from '@citybrain/schemas/events';
import type { WallScope } from '../../realtime/events.js';
import {
  readDirectoryFile,
  type DirectoryFile,
  type DisplayRecord,
  type UserRecord,
} from './directory-file.js';

export class UserDirectory {
  private content: DirectoryFile = { users: [], displays: [] };
  private mtimeMs = -1;
  private checkedAt = -Infinity;

  constructor(
    readonly path: string,
    private readonly options: { now?: () => number; onReloadError?: (error: Error) => void } = {},
  ) {
    this.reload();
  }

  user(id: string): UserRecord | undefined {
    this.refresh();
    return this.content.users.find((u) => u.id === id);
  }

  display(id: string): DisplayRecord | undefined {
    this.refresh();
    return this.content.displays.find((d) => d.id === id);
  }

  private refresh(): void {
    const now = (this.options.now ?? Date.now)();
    if (now - this.checkedAt < 1_000) return;
    this.checkedAt = now;
    let mtimeMs: number;
    try {
      mtimeMs = statSync(this.path).mtimeMs;
    } catch {
      mtimeMs = 0;
    }
    if (mtimeMs === this.mtimeMs) return;
    try {
      this.reload();
    } catch (error) {
      // A file broken by a hand edit keeps the last good content rather than locking everyone out (start-up,
      // in the constructor, still fails on it).
      this.mtimeMs = mtimeMs;
      this.options.onReloadError?.(error as Error);
    }
  }

  private reload(): void {
    this.content = readDirectoryFile(this.path);
    try {
      this.mtimeMs = statSync(this.path).mtimeMs;
    } catch {
      this.mtimeMs = 0;
    }
  }
}

/** The scope an account may see, from its role. */
export function userScope(user: UserRecord): WallScope {
  if (user.role === 'agency' && user.agency !== undefined) return { kind: 'agency', agency: user.agency };
  if ((user.role === 'district' || user.role === 'wall') && user.district !== undefined)
    return { kind: 'district', adcode: user.district };
  return { kind: 'city' };
}

export function displayScope(display: DisplayRecord): WallScope {
  if (display.scope === 'city') return { kind: 'city' };
  if (display.scope.startsWith('agency:')) {
    const agency = agencyId.parse(display.scope.slice('agency:'.length));
    return { kind: 'agency', agency };
  }
  return { kind: 'district', adcode: display.scope };
}
