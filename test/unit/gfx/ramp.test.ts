import * as assert from 'node:assert/strict';
import { bgr555ToRgb } from '../../../src/core/gfx/color';
import { readableRamp } from '../../../src/core/gfx/ramp';

describe('readable default ramp', () => {
  const rgb = Array.from(readableRamp().colors, (c) => bgr555ToRgb(c));
  const luma = ([r, g, b]: readonly number[]) => 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;

  it('rises in brightness with the index, so shading reads as it does in the game', () => {
    for (let i = 2; i < 16; i++) assert.ok(luma(rgb[i]!) > luma(rgb[i - 1]!), `index ${i} is brighter than ${i - 1}`);
  });

  it('keeps the low indices off black and every colour distinct (no silhouettes)', () => {
    assert.ok(luma(rgb[1]!) >= 30, `index 1 luma ${luma(rgb[1]!).toFixed(0)}`);
    assert.equal(new Set(rgb.slice(1).map((c) => c.join(','))).size, 15);
    for (let i = 2; i < 16; i++) {
      const d = Math.hypot(rgb[i]![0]! - rgb[i - 1]![0]!, rgb[i]![1]! - rgb[i - 1]![1]!, rgb[i]![2]! - rgb[i - 1]![2]!);
      assert.ok(d >= 20, `indices ${i - 1} and ${i} are ${d.toFixed(0)} apart`);
    }
  });
});
