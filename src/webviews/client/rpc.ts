/**
 * The webview side of a protocol: requests with ids, one promise per request, host events. Generic
 * over the protocol (`Requests`: method -> params/result, `Event`: what the host pushes); both
 * webview clients use it, the ROM editor's with the defaults, the dump viewer's with its own maps.
 */
import type { HostEvent, RequestMap } from '../protocol';
import type { RpcResponse } from '../validate';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export class Rpc<Requests extends { [M in keyof Requests]: { params: unknown; result: unknown } } = RequestMap, Event extends { kind: 'event' } = HostEvent> {
  readonly api: VsCodeApi = acquireVsCodeApi();
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners: ((e: Event) => void)[] = [];

  constructor() {
    window.addEventListener('message', (e: MessageEvent<RpcResponse<Requests, keyof Requests> | Event>) => {
      const m = e.data;
      if (!m || typeof m !== 'object') return;
      if (m.kind === 'response') {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.ok) p.resolve(m.result);
        else p.reject(new Error(m.error));
      } else if (m.kind === 'event') {
        for (const l of this.listeners) l(m);
      }
    });
  }

  request<M extends keyof Requests & string>(method: M, params: Requests[M]['params']): Promise<Requests[M]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.api.postMessage({ kind: 'request', id, method, params });
    });
  }

  onEvent(listener: (e: Event) => void): void {
    this.listeners.push(listener);
  }
}
