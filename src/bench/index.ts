/** Every benchmark group, in the order `spritepal bench` runs them. One module per group. */
import type { BenchGroup } from './harness';
import { monitoringBench } from './monitoring';
import { romBench } from './rom';
import { gfxBench } from './gfx';
import { decodeBench } from './decode';
import { halBench } from './hal';
import { codecsBench } from './codecs';
import { lz4Bench } from './lz4';
import { scanBench } from './scan';
import { hostileBench } from './hostile';
import { cliBench } from './cli';
import { patchBench } from './patch';
import { findBench } from './find';
import { editBench } from './edit';

export const BENCH_GROUPS: BenchGroup[] = [
  romBench,
  monitoringBench,
  gfxBench,
  halBench,
  decodeBench,
  codecsBench,
  lz4Bench,
  scanBench,
  findBench,
  editBench,
  hostileBench,
  cliBench,
  patchBench,
];
