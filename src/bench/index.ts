/** Every benchmark group, in the order `spritepal bench` runs them. One module per group. */
import type { BenchGroup } from './harness';
import { romBench } from './rom';

export const BENCH_GROUPS: BenchGroup[] = [romBench];
