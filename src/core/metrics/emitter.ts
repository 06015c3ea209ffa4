/** A minimal synchronous event emitter: `on` returns a disposable; a throwing listener cannot break the others or the caller. */
import type { Disposable } from './types';

export class Emitter<T> {
  private listeners: { fn: (value: T) => void }[] = [];
  /** Exceptions thrown by listeners (counted, never rethrown). */
  listenerErrors = 0;

  on(listener: (value: T) => void): Disposable {
    const entry = { fn: listener };
    this.listeners = [...this.listeners, entry];
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((l) => l !== entry);
      },
    };
  }

  fire(value: T): void {
    for (const l of this.listeners) {
      try {
        l.fn(value);
      } catch {
        this.listenerErrors++;
      }
    }
  }
}
