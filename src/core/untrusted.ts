/**
 * Helpers for values that came from outside (webview messages, catalog and palette files, cache
 * entries): a shape bound checked without recursion before any recursive code sees the value,
 * a bounded formatting of rejected values for messages and logs (no JSON.stringify of a value
 * 10,000 levels deep), and names cleaned of control characters before they reach a terminal.
 */

export interface ShapeLimits {
  /** Deepest nesting of arrays and objects (a flat object is depth 1). */
  maxDepth: number;
  /** Most values in all (every array item, object property and the root). */
  maxNodes: number;
}

/** What is wrong with the value's shape (too deep, too many values), or null; iterative. */
export function shapeProblem(value: unknown, limits: ShapeLimits): string | null {
  const stack: Array<[unknown, number]> = [[value, 0]];
  let nodes = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (++nodes > limits.maxNodes) return `more than ${limits.maxNodes} values`;
    if (typeof v !== 'object' || v === null) continue;
    if (depth + 1 > limits.maxDepth) return `nested more than ${limits.maxDepth} deep`;
    const items = Array.isArray(v) ? v : Object.values(v);
    if (items.length > limits.maxNodes) return `more than ${limits.maxNodes} values`;
    for (const item of items) stack.push([item, depth + 1]);
  }
  return null;
}

/**
 * A short, JSON-like rendering of any value for a message: at most `maxChars` characters, nested
 * values past `maxDepth` shown as `[…]` / `{…}`, never throwing (getters, cycles, BigInt).
 */
export function formatValue(value: unknown, maxChars = 60, maxDepth = 2): string {
  const out = render(value, maxDepth, maxChars + 1);
  return out.length > maxChars ? out.slice(0, Math.max(0, maxChars - 1)) + '…' : out;
}

function render(v: unknown, depth: number, budget: number): string {
  try {
    if (v === undefined) return 'undefined';
    if (typeof v === 'string') return JSON.stringify(v.length > budget ? v.slice(0, budget) : v);
    if (typeof v === 'bigint') return `${v}n`;
    if (typeof v !== 'object' || v === null) return String(v);
    const isArray = Array.isArray(v);
    if (depth <= 0) return isArray ? '[…]' : '{…}';
    const parts: string[] = [];
    let used = 2;
    const keys = isArray ? null : Object.keys(v);
    const count = isArray ? (v as unknown[]).length : keys!.length;
    for (let i = 0; i < count && used < budget; i++) {
      const item = isArray
        ? render((v as unknown[])[i], depth - 1, budget - used)
        : `${JSON.stringify(keys![i]!.slice(0, budget))}:${render((v as Record<string, unknown>)[keys![i]!], depth - 1, budget - used)}`;
      parts.push(item);
      used += item.length + 1;
    }
    const body = parts.join(',') + (parts.length < count ? ',…' : '');
    return isArray ? `[${body}]` : `{${body}}`;
  } catch {
    return '(unprintable value)';
  }
}

// C0 controls, DEL and C1 controls (ESC sequences, BEL, CSI 0x9b).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// The same, keeping tab and line feed (multi-line notes).
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `text` without control characters (a name from a file, before it is printed or shown). */
export function stripControl(text: string, keepLines = false): string {
  return text.replace(keepLines ? CONTROL_BUT_LINES : CONTROL, '');
}
