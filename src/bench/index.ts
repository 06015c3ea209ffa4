/** Every benchmark group, in the order `spritepal bench` runs them. One module per group. */
import type { BenchGroup } from './harness';
import { monitoringBench } from './monitoring';
import { romBench } from './rom';
import { gfxBench } from './gfx';
import { halBench } from './hal';
import { scanBench } from './scan';
import { editBench } from './edit';

export const BENCH_GROUPS: BenchGroup[] = [romBench, monitoringBench, gfxBench, halBench, scanBench, editBench];
