// The shape an `action` socket event must have before anything else looks at it: strict (unknown keys are
// refused, so a client cannot smuggle `actor` or `role`), bounded, and no bigger than MAX_ACTION_BYTES.
import { agencyId, agencyProgressState, alertActionType, alertLevel } from '@citybrain/schemas/events';
import { z } from 'zod';
import type { ActionRequest } from '../../realtime/events.js';

export const MAX_ACTION_BYTES = 8 * 1024;

export const actionRequestSchema = z.strictObject({
  alertId: z.string().min(1).max(128),
  version: z.number().int().min(1),
  type: alertActionType,
  note: z.string().max(2000).optional(),
  agencies: z.array(agencyId).min(1).max(agencyId.options.length).optional(),
  agency: agencyId.optional(),
  progress: agencyProgressState.optional(),
  level: alertLevel.optional(),
}) satisfies z.ZodType<ActionRequest>;

export type ParsedActionRequest = { ok: true; request: ActionRequest } | { ok: false; detail: string };

export function parseActionRequest(raw: unknown): ParsedActionRequest {
  let size: number;
  try {
    // JSON.stringify(undefined) is undefined, whatever its declared type says.
    const text = JSON.stringify(raw) as string | undefined;
    size = Buffer.byteLength(text ?? '', 'utf8');
  } catch {
    return { ok: false, detail: 'not serializable' };
  }
  if (size > MAX_ACTION_BYTES) return { ok: false, detail: `request over ${String(MAX_ACTION_BYTES)} bytes` };
  const parsed = actionRequestSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      detail: parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; '),
    };
  }
  return { ok: true, request: parsed.data };
}
