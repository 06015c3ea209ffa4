/**
 * Validation of untrusted messages from a webview, shared by the ROM editor's and the dump
 * viewer's protocols: a request is exactly `{ kind: 'request', id, method, params }` with a known
 * method whose params pass that method's validator; anything else is refused with a reason.
 */
import { formatValue, shapeProblem } from '../core/untrusted';

export { formatValue } from '../core/untrusted';

export type Params = Record<string, unknown>;

/** Bounds on a message's shape, checked (without recursion) before anything else reads it. */
/**
 * Bounds checked before a message is walked. The largest legitimate message is a pixel-editor
 * stroke: up to 262,144 pixels (MAX_STROKE_PIXELS) as 3 numbers each; the walk is iterative, so
 * a flat array of that size costs only its length.
 */
export const MESSAGE_LIMITS = { maxDepth: 6, maxNodes: 3 * 262_144 + 1_000 };
export type Validator = (params: Params) => string | null;

export function exactKeys(p: Params, keys: string[]): string | null {
  const extra = Object.keys(p).filter((k) => !keys.includes(k));
  if (extra.length) return `unexpected params ${extra.join(', ')}`;
  const missing = keys.filter((k) => !(k in p));
  return missing.length ? `missing params ${missing.join(', ')}` : null;
}

export function check(p: Params, keys: string[], rules: Record<string, (v: unknown) => boolean>): string | null {
  const shape = exactKeys(p, keys);
  if (shape) return shape;
  for (const [k, ok] of Object.entries(rules)) if (!ok(p[k])) return `invalid ${k}: ${formatValue(p[k], 40)}`;
  return null;
}

export const isBpp = (v: unknown) => v === 2 || v === 4 || v === 8;

/** A protocol's methods: what each takes and answers. */
type Calls<T> = { [K in keyof T]: { params: unknown; result: unknown } };

/** A request of protocol `T` (method `M`): the webview sends it with an id of its choosing. */
export interface RpcRequest<T extends Calls<T>, M extends keyof T> {
  kind: 'request';
  id: number;
  method: M;
  params: T[M]['params'];
}

/** The one response to a request: its result, or why it failed. */
export type RpcResponse<T extends Calls<T>, M extends keyof T> =
  { kind: 'response'; id: number; ok: true; result: T[M]['result'] } | { kind: 'response'; id: number; ok: false; error: string };

export type ParsedRequest<M extends string> = { ok: true; request: { kind: 'request'; id: number; method: M; params: never } } | { ok: false; reason: string };

export function parseRequest<M extends string>(raw: unknown, validators: Record<M, Validator>): ParsedRequest<M> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not an object' };
  const shape = shapeProblem(raw, MESSAGE_LIMITS);
  if (shape) return { ok: false, reason: `message ${shape}` };
  const m = raw as Record<string, unknown>;
  const extra = Object.keys(m).filter((k) => !['kind', 'id', 'method', 'params'].includes(k));
  if (extra.length) return { ok: false, reason: `unexpected fields ${extra.join(', ')}` };
  if (m.kind !== 'request') return { ok: false, reason: `unknown message kind ${formatValue(m.kind, 40)}` };
  if (typeof m.id !== 'number' || !Number.isSafeInteger(m.id) || m.id < 0) return { ok: false, reason: 'missing or invalid id' };
  if (typeof m.method !== 'string' || !Object.prototype.hasOwnProperty.call(validators, m.method)) {
    return { ok: false, reason: `unknown method ${formatValue(m.method, 40)}` };
  }
  const params = m.params === undefined ? {} : m.params;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return { ok: false, reason: 'params must be an object' };
  const problem = validators[m.method as M](params as Params);
  if (problem) return { ok: false, reason: `${m.method}: ${problem}` };
  return { ok: true, request: { kind: 'request', id: m.id, method: m.method as M, params: params as never } };
}
