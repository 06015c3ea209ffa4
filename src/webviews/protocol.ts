/**
 * The one typed module of messages between the ROM editor's webview and the extension host,
 * shared by both sides. Requests carry an id and get exactly one response with the same id;
 * events flow from the host to the webview. Everything the webview sends is untrusted: the host
 * runs it through `parseWebviewRequest`, which accepts only well-formed requests of known methods.
 */

/** What the webview shows of a ROM (plain JSON, no typed arrays). */
export interface RomView {
  fileName: string;
  fileSize: number;
  copierHeader: boolean;
  romSize: number;
  mapping: string;
  headerOffset: number | null;
  /** On-disk offset of the header (copier header included), null when there is none. */
  headerFileOffset: number | null;
  title: string | null;
  mapMode: number | null;
  mapModeName: string | null;
  chipset: number | null;
  chipsetName: string | null;
  romSizeCode: number | null;
  ramSizeCode: number | null;
  region: number | null;
  regionName: string | null;
  developerId: number | null;
  version: number | null;
  checksum: { stored: number; complement: number; computed: number; valid: boolean } | null;
  evidence: string[];
  dirty: boolean;
  readOnly: boolean;
}

/** Requests the webview may send, by method: params and result types. */
export interface RequestMap {
  /** The webview has loaded; the host answers with the current view. */
  ready: { params: Record<string, never>; result: RomView };
  /** Apply the checksum fix as an undoable edit. */
  fixChecksum: { params: Record<string, never>; result: { applied: boolean; checksum: number | null } };
}

export type Method = keyof RequestMap;

export interface WebviewRequest<M extends Method = Method> {
  kind: 'request';
  id: number;
  method: M;
  params: RequestMap[M]['params'];
}

export type HostResponse<M extends Method = Method> =
  | { kind: 'response'; id: number; ok: true; result: RequestMap[M]['result'] }
  | { kind: 'response'; id: number; ok: false; error: string };

/** Events the host pushes without being asked. */
export type HostEvent = { kind: 'event'; event: 'romChanged'; data: RomView };

export type HostMessage = HostResponse | HostEvent;

type Validator = (params: Record<string, unknown>) => string | null;

const noParams: Validator = (p) => (Object.keys(p).length === 0 ? null : `unexpected params ${Object.keys(p).join(', ')}`);

const VALIDATORS: { [M in Method]: Validator } = {
  ready: noParams,
  fixChecksum: noParams,
};

export type ParseResult = { ok: true; request: WebviewRequest } | { ok: false; reason: string };

/** Validates an untrusted message from the webview. */
export function parseWebviewRequest(raw: unknown): ParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not an object' };
  const m = raw as Record<string, unknown>;
  if (m.kind !== 'request') return { ok: false, reason: `unknown message kind ${JSON.stringify(m.kind)}` };
  if (typeof m.id !== 'number' || !Number.isSafeInteger(m.id) || m.id < 0) return { ok: false, reason: 'missing or invalid id' };
  if (typeof m.method !== 'string' || !Object.prototype.hasOwnProperty.call(VALIDATORS, m.method)) {
    return { ok: false, reason: `unknown method ${JSON.stringify(m.method)}` };
  }
  const params = m.params ?? {};
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return { ok: false, reason: 'params must be an object' };
  const problem = VALIDATORS[m.method as Method](params as Record<string, unknown>);
  if (problem) return { ok: false, reason: `${m.method}: ${problem}` };
  return { ok: true, request: { kind: 'request', id: m.id, method: m.method as Method, params: params as never } };
}
