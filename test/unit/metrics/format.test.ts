import * as assert from 'node:assert/strict';
import { formatBytes, formatCount, formatMs, formatNumber, formatPercent, formatRate } from '../../../src/core/metrics/format';

describe('metrics: formatting', () => {
  it('durations', () => {
    assert.deepEqual([0.0423, 3.14159, 120.4, 9999, 12_345].map(formatMs), ['0.042 ms', '3.14 ms', '120 ms', '9999 ms', '12.3 s']);
  });
  it('bytes in binary units', () => {
    assert.deepEqual([0, 1023, 1536, 12.3 * 1024 * 1024, 5 * 1024 ** 4, 3 * 1024 ** 5].map(formatBytes), [
      '0 B',
      '1023 B',
      '1.5 KiB',
      '12.3 MiB',
      '5.0 TiB',
      '3072.0 TiB',
    ]);
  });
  it('percentages and rates', () => {
    assert.deepEqual([0, 0.05, 0.34, 9.96, 12.5].map(formatPercent), ['0.0%', '<0.1%', '0.3%', '10%', '13%']);
    assert.deepEqual([null, 0, 0.915, 1].map(formatRate), ['—', '0%', '92%', '100%']);
  });
  it('counts and gauge values', () => {
    assert.deepEqual([0, 999, 1000, 1234567, -4321].map(formatCount), ['0', '999', '1,000', '1,234,567', '-4,321']);
    assert.deepEqual([7, 2500, 3.14159].map(formatNumber), ['7', '2,500', '3.1']);
  });
});
