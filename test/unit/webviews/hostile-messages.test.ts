/**
 * Webview messages nested 10,000+ deep (issue 18, item 8) made the validators throw RangeError,
 * so the request got no answer and nothing was logged. They are now refused ({ok: false}) from a
 * bounded, iterative shape check, and the log line is bounded too.
 */
import * as assert from 'node:assert/strict';
import { describeRejected, serveRequest } from '../../../src/providers/serve-request';
import { parseDumpRequest } from '../../../src/webviews/dump-protocol';
import { parseWebviewRequest } from '../../../src/webviews/protocol';
import { formatValue, MESSAGE_LIMITS } from '../../../src/webviews/validate';

function deep(levels: number, leaf: unknown = 1): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

describe('webview messages: hostile shapes are refused, answered and logged, never thrown', () => {
  it('refuses a message nested 100,000 deep, anywhere in it, with {ok: false}', () => {
    const bomb = deep(100_000);
    for (const raw of [
      { kind: 'request', id: 1, method: 'rename', params: { romOffset: 0, name: bomb } },
      { kind: 'request', id: 1, method: bomb, params: {} },
      { kind: bomb, id: 1, method: 'gallery' },
    ]) {
      const r = parseWebviewRequest(raw);
      assert.equal(r.ok, false);
      assert.match((r as { reason: string }).reason, /message nested more than 6 deep/);
      assert.equal(parseDumpRequest(raw).ok, false);
    }
    const wide = { kind: 'request', id: 1, method: 'thumbnails', params: { offsets: new Array(MESSAGE_LIMITS.maxNodes + 1).fill(0), maxTiles: 4 } };
    assert.match((parseWebviewRequest(wide) as { reason: string }).reason, new RegExp(`more than ${MESSAGE_LIMITS.maxNodes} values`));
  });

  it('still accepts the largest well-formed message (256 thumbnail offsets)', () => {
    const r = parseWebviewRequest({
      kind: 'request',
      id: 3,
      method: 'thumbnails',
      params: { offsets: Array.from({ length: 256 }, (_, i) => i * 64), maxTiles: 64 },
    });
    assert.equal(r.ok, true);
  });

  it('serveRequest logs a deep message once, bounded, and answers its id with {ok: false}; a throwing validator is logged and answered too', async () => {
    const logged: string[] = [];
    const posted: unknown[] = [];
    const s = {
      parse: parseWebviewRequest,
      handle: () => 'never',
      post: (m: unknown) => posted.push(m),
      rejected: (reason: string, raw: unknown) => logged.push(describeRejected(reason, raw)),
      failed: () => assert.fail('no handler runs'),
    };
    await serveRequest({ kind: 'request', id: 7, method: 'rename', params: { romOffset: 0, name: deep(50_000) } }, s);
    await serveRequest(
      { kind: 'request', id: 8 },
      {
        ...s,
        parse: () => {
          throw new RangeError('Maximum call stack size exceeded');
        },
      },
    );
    // The sender is answered (its promise must not wait forever), with no handler run.
    assert.deepEqual(
      posted.map((m) => {
        const r = m as { kind: string; id: number; ok: boolean; error: string };
        return [r.kind, r.id, r.ok, /^refused: /.test(r.error)];
      }),
      [
        ['response', 7, false, true],
        ['response', 8, false, true],
      ],
    );
    await serveRequest({ kind: 'event', id: 9 }, s);
    assert.equal(posted.length, 2, 'what is not a request gets no response');
    assert.equal(logged.length, 3);
    assert.match(
      logged[0]!,
      /^ignored a webview message that breaks the protocol \(message nested more than 6 deep\): \{"kind":"request","id":7,"method":"rename","params":\{/,
    );
    assert.ok(logged[0]!.length < 400, 'the log line is bounded');
    assert.match(logged[1]!, /validation failed: Maximum call stack size exceeded/);
  });

  it('formats any value bounded and without throwing (cycles, getters, BigInt, huge strings)', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const getter = Object.defineProperty({}, 'x', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    assert.equal(formatValue(cyclic, 60), '{"a":1,"self":{"a":1,"self":{…}}}');
    assert.equal(formatValue(getter), '(unprintable value)');
    assert.equal(formatValue(10n), '10n');
    assert.equal(formatValue('x'.repeat(1e6), 10).length, 10);
    assert.equal(formatValue(deep(1e5), 30).length <= 30, true);
  });
});
