// Query-string validation for the REST handlers: a bad parameter is a 400 naming it, never a 500.
import { z } from 'zod';

export class BadRequestError extends Error {
  override readonly name = 'BadRequestError';
}

export function parseQuery<T extends z.ZodType>(schema: T, url: string): z.infer<T> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(url).searchParams));
  if (!parsed.success) {
    throw new BadRequestError(
      parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; '),
    );
  }
  return parsed.data;
}

/** Runs a handler body, answering a BadRequestError with 400 and its message. */
export async function answer(body: () => Promise<unknown>): Promise<Response> {
  try {
    return Response.json(await body());
  } catch (error) {
    if (error instanceof BadRequestError) return Response.json({ error: error.message }, { status: 400 });
    throw error;
  }
}
