/**
 * One webview request through to its response, shared by the ROM editor and the dump viewer:
 * the untrusted message is validated (`parse`), the method's handler runs, and exactly one
 * response with the request's id is posted. A message that breaks the protocol gets no answer
 * (`rejected` counts and logs it); a handler that throws is answered with its message (`failed`
 * logs it).
 */
import { formatValue } from '../webviews/validate';

type Parsed = { ok: true; request: { id: number; method: string; params: unknown } } | { ok: false; reason: string };

export interface ServeRequest<M> {
  parse(raw: unknown): Parsed;
  handle(method: string, params: unknown): unknown;
  /** Posts a response (typed by the caller's protocol). */
  post(message: M): void;
  rejected(reason: string, raw: unknown): void;
  failed(method: string, message: string): void;
}

export async function serveRequest<M>(raw: unknown, s: ServeRequest<M>): Promise<void> {
  let parsed: Parsed;
  try {
    parsed = s.parse(raw);
  } catch (err) {
    // A validator must never throw; if one does, the message is still refused and logged.
    parsed = { ok: false, reason: `validation failed: ${(err as Error).message}` };
  }
  if (!parsed.ok) {
    s.rejected(parsed.reason, raw);
    // A request that names its id is answered with the refusal, so its sender does not wait forever.
    const id = typeof raw === 'object' && raw !== null ? (raw as { kind?: unknown; id?: unknown }).id : undefined;
    if ((raw as { kind?: unknown } | null)?.kind === 'request' && typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) {
      s.post({ kind: 'response', id, ok: false, error: `refused: ${parsed.reason}` } as M);
    }
    return;
  }
  const { id, method, params } = parsed.request;
  try {
    const result = await s.handle(method, params);
    s.post({ kind: 'response', id, ok: true, result } as M);
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    s.failed(method, message);
    s.post({ kind: 'response', id, ok: false, error: message } as M);
  }
}

/** How a rejected message is shown in the log: its reason and its first 200 characters. */
export function describeRejected(reason: string, raw: unknown): string {
  return `ignored a webview message that breaks the protocol (${reason}): ${formatValue(raw, 200, 3)}`;
}
