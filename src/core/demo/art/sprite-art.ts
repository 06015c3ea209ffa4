/**
 * What every drawing produces: a sheet image (width a multiple of 8, a whole number of 8x8 tiles,
 * at least 16 of them), its palette, and how to show it. `frames` lays out animation frames,
 * optionally followed by their horizontally mirrored copies (which HAL's bit-reversed copy
 * command compresses well).
 */
import { Canvas } from './canvas';

export type SpriteKind = 'character' | 'item' | 'effect' | 'background';

export interface SpriteArt {
  name: string;
  kind: SpriteKind;
  bpp: 2 | 4;
  /** 16 palette colours as '#rrggbb' (index 0 transparent). */
  palette: string[];
  image: Canvas;
  mirroredFrames: boolean;
}

export interface FrameOptions {
  /** Frames a row of the sheet (default: all of them). */
  perRow?: number;
  /** Append each frame mirrored left-right after the originals. */
  mirror?: boolean;
  /** Outline colour applied to each frame after drawing (0: none). */
  outline?: number;
  /** Outline with diagonal neighbours too. */
  outlineDiagonal?: boolean;
}

/** Draws `count` frames of fw x fh pixels and lays them out as one sheet. */
export function frames(fw: number, fh: number, count: number, draw: (c: Canvas, i: number) => void, opts: FrameOptions = {}): Canvas {
  const drawn: Canvas[] = [];
  for (let i = 0; i < count; i++) {
    const c = new Canvas(fw, fh);
    draw(c, i);
    if (opts.outline) c.outline(opts.outline, opts.outlineDiagonal);
    drawn.push(c);
  }
  const all = opts.mirror ? [...drawn, ...drawn.map((_, i) => i)] : drawn;
  const total = all.length;
  const perRow = Math.min(opts.perRow ?? total, total);
  const sheet = new Canvas(perRow * fw, Math.ceil(total / perRow) * fh);
  all.forEach((f, k) => {
    const src = typeof f === 'number' ? drawn[f]! : f;
    sheet.blit(src, (k % perRow) * fw, Math.floor(k / perRow) * fh, typeof f === 'number');
  });
  return sheet;
}
