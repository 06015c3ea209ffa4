/** The webview side of the protocol: requests with ids, one promise per request, host events. */
import type { HostEvent, HostMessage, Method, RequestMap } from '../protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export class Rpc {
  readonly api: VsCodeApi = acquireVsCodeApi();
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners: ((e: HostEvent) => void)[] = [];

  constructor() {
    window.addEventListener('message', (e: MessageEvent<HostMessage>) => {
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

  request<M extends Method>(method: M, params: RequestMap[M]['params']): Promise<RequestMap[M]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.api.postMessage({ kind: 'request', id, method, params });
    });
  }

  onEvent(listener: (e: HostEvent) => void): void {
    this.listeners.push(listener);
  }
}
