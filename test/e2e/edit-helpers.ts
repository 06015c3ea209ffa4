/** Helpers of the e2e tests that edit a demo sprite (pixel-edit, gallery-edit). */
import * as assert from 'node:assert/strict';
import type { DemoSprite } from '../../src/core/demo/demo-rom';
import { copierHeaderSize } from '../../src/core/rom/copier-header';

/** Bytes of 0xFF (or 0x00) right after the sprite's stream: room for a stroke to fit in place. */
export function freeAfter(rom: Uint8Array, s: DemoSprite): number {
  const data = rom.subarray(copierHeaderSize(rom.length));
  const end = s.romOffset + s.consumed;
  let n = 0;
  while (end + n < data.length && (data[end + n] === 0xff || data[end + n] === 0) && data[end + n] === data[end]) n++;
  return n;
}

/** Polls `check` until it holds, failing after `ms` with what was awaited. */
export async function waitFor(what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  assert.fail(`timed out waiting for ${what}`);
}
