/**
 * The optimal parse for the Lunar family (LC_LZ2, LC_LZ3): the shortest stream, costed in encoded
 * bytes, over raw runs and every other command a codec offers. A dynamic program from the end of
 * the input down: cost[i] = the fewest bytes that encode input[i..n).
 *
 * Every command but raw is a "channel": at position i it can write any count from 1 up to
 * `max[i]` (a run or match length, capped at 1,024) for a fixed number of operand bytes, plus
 * the header (1 byte for counts up to 32, 2 above). Every prefix of a run or match is one too, so
 * a channel at i costs `extra + 1 + min cost[j]` over j in [i+1, i+min(max, 32)] and
 * `extra + 2 + min cost[j]` over j in [i+33, i+max]: two range minima (near-min.ts), whose left
 * ends are fixed distances from i. A raw run of k bytes costs k + 1 (k <= 32) or k + 2: the
 * minimum of cost[j] + j over two sliding windows.
 *
 * The parse may pick a command that only ties with raw bytes (a 1-byte fill costs what a 1-byte
 * raw run does); the codecs' writers turn those into raw runs (see `normalize`), which never costs
 * more, so the stream an encoder writes has no such ties left.
 */
import { StreamWriter } from '../../hal/commands';
import { MAX_COUNT, SHORT_MAX, TERMINATOR } from './format';
import { NearMin, WindowMin } from '../shared/near-min';

/** A command family the parse may use at any position. */
export interface Channel {
  /** Longest count at each position (0 where the channel cannot start). */
  max: Int32Array;
  /** Operand bytes after the header. */
  extra: number;
}

export interface Parse {
  /** Encoded bytes of the commands (terminator not included). */
  cost: number;
  /** Per starting position of a chosen command: 0 for raw, c + 1 for channel c. */
  channelAt: Uint8Array;
  /** Per starting position of a chosen command: its count. */
  countAt: Uint16Array;
}

/** One chosen command, in order. */
export interface ParsedCommand {
  /** 0 raw, c + 1 channel c. */
  channel: number;
  start: number;
  count: number;
}

export function optimalParse(n: number, channels: readonly Channel[]): Parse {
  const cost = new Int32Array(n + 1);
  const channelAt = new Uint8Array(n);
  const countAt = new Uint16Array(n);
  const near = new NearMin(n + 1); // cost[j], j in [i+1, ...]
  const far = new NearMin(n + 1); // cost[j], j in [i+33, ...]
  const raw1 = new WindowMin(n + 1); // cost[j] + j, j in [i+1, i+32]
  const raw2 = new WindowMin(n + 1); // cost[j] + j, j in [i+33, i+1024]
  const maxes = channels.map((c) => c.max);
  const extras = channels.map((c) => c.extra);
  for (let i = n - 1; i >= 0; i--) {
    near.push(i + 1, cost[i + 1]!);
    raw1.push(i + 1, cost[i + 1]! + i + 1);
    raw1.expire(i + SHORT_MAX);
    const f = i + SHORT_MAX + 1;
    if (f <= n) {
      far.push(f, cost[f]!);
      raw2.push(f, cost[f]! + f);
      raw2.expire(i + MAX_COUNT);
    }
    let j = raw1.best;
    let best = raw1.bestValue - i + 1;
    let ch = 0;
    if (!raw2.empty && raw2.bestValue - i + 2 < best) {
      j = raw2.best;
      best = raw2.bestValue - i + 2;
    }
    for (let c = 0; c < maxes.length; c++) {
      const m = maxes[c]![i]!;
      if (m <= 0) continue;
      const count = m < MAX_COUNT ? m : MAX_COUNT;
      const e = extras[c]!;
      const j1 = near.argmin(i + (count < SHORT_MAX ? count : SHORT_MAX));
      if (cost[j1]! + e + 1 < best) {
        best = cost[j1]! + e + 1;
        j = j1;
        ch = c + 1;
      }
      if (count > SHORT_MAX) {
        const j2 = far.argmin(i + count);
        if (cost[j2]! + e + 2 < best) {
          best = cost[j2]! + e + 2;
          j = j2;
          ch = c + 1;
        }
      }
    }
    cost[i] = best;
    channelAt[i] = ch;
    countAt[i] = j - i;
  }
  return { cost: cost[0]!, channelAt, countAt };
}

/**
 * The chosen commands in order, with ties turned into raw bytes: a command of a channel whose
 * count is below `minCount[c]` (where it costs no less than raw bytes) becomes raw, and neighbouring
 * raw runs are joined while they fit one command (one header instead of two: never longer).
 */
export function normalize(p: Parse, n: number, minCount: readonly number[]): ParsedCommand[] {
  const cmds: ParsedCommand[] = [];
  for (let i = 0; i < n;) {
    let channel = p.channelAt[i]!;
    const count = p.countAt[i]!;
    if (channel > 0 && count < minCount[channel - 1]!) channel = 0;
    const last = cmds[cmds.length - 1];
    if (channel === 0 && last && last.channel === 0 && last.count + count <= MAX_COUNT) last.count += count;
    else cmds.push({ channel, start: i, count });
    i += count;
  }
  return cmds;
}

export interface EmitSpec {
  /** Per channel: the command number its commands have. */
  cmd: readonly number[];
  /** Per channel: the count below which raw bytes cost no more (see `normalize`). */
  minCount: readonly number[];
  /** Writes the operands of channel `channel`'s command starting at input position `at`. */
  operands(w: StreamWriter, channel: number, at: number): void;
}

/** The stream of a parse: its commands (normalized), then the terminator; checks the planned size. */
export function emitParse(input: Uint8Array, parse: Parse, spec: EmitSpec, what: string): Uint8Array {
  const w = new StreamWriter(parse.cost + 1);
  for (const c of normalize(parse, input.length, spec.minCount)) {
    if (c.channel === 0) {
      w.raw(input, c.start, c.count);
      continue;
    }
    w.header(spec.cmd[c.channel - 1]!, c.count);
    spec.operands(w, c.channel - 1, c.start);
  }
  w.byte(TERMINATOR);
  if (w.length !== parse.cost + 1) throw new Error(`${what} optimal parse: wrote ${w.length} bytes, planned ${parse.cost + 1}`);
  return w.finish();
}
