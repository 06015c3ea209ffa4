/**
 * A tiny indexed-pixel canvas for drawing the demo ROM's original sprites by code: filled shapes
 * measured at pixel centres, lit spheres, polygons, an automatic outline pass and mirrored blits.
 * Everything is integer-deterministic for a given call sequence.
 */
import { linePoints } from '../../edit-pixels/tools';

export type Point = readonly [number, number];

export class Canvas {
  readonly px: Uint8Array;

  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    this.px = new Uint8Array(w * h);
  }

  get(x: number, y: number): number {
    x = Math.floor(x);
    y = Math.floor(y);
    return x < 0 || y < 0 || x >= this.w || y >= this.h ? 0 : this.px[y * this.w + x]!;
  }

  set(x: number, y: number, c: number): void {
    x = Math.floor(x);
    y = Math.floor(y);
    if (x >= 0 && y >= 0 && x < this.w && y < this.h) this.px[y * this.w + x] = c;
  }

  /** Sets only where a pixel is already drawn (non-zero): shading inside a shape. */
  paint(x: number, y: number, c: number): void {
    if (this.get(x, y) !== 0) this.set(x, y, c);
  }

  rect(x: number, y: number, w: number, h: number, c: number): void {
    for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) this.set(x + i, y + j, c);
  }

  /** Calls `f` for every pixel whose centre lies inside the ellipse. */
  eachInEllipse(cx: number, cy: number, rx: number, ry: number, f: (x: number, y: number, nx: number, ny: number) => void): void {
    for (let y = Math.floor(cy - ry); y <= Math.ceil(cy + ry); y++) {
      for (let x = Math.floor(cx - rx); x <= Math.ceil(cx + rx); x++) {
        const nx = (x + 0.5 - cx) / rx;
        const ny = (y + 0.5 - cy) / ry;
        if (nx * nx + ny * ny <= 1) f(x, y, nx, ny);
      }
    }
  }

  ellipse(cx: number, cy: number, rx: number, ry: number, c: number): void {
    this.eachInEllipse(cx, cy, rx, ry, (x, y) => this.set(x, y, c));
  }

  disc(cx: number, cy: number, r: number, c: number): void {
    this.ellipse(cx, cy, r, r, c);
  }

  /** An ellipse ring `t` pixels thick. */
  ring(cx: number, cy: number, r: number, t: number, c: number): void {
    this.eachInEllipse(cx, cy, r, r, (x, y, nx, ny) => {
      if (Math.sqrt(nx * nx + ny * ny) * r >= r - t) this.set(x, y, c);
    });
  }

  /**
   * A lit ellipsoid: `ramp` runs dark to light; light comes from the upper left. `only` limits
   * drawing to already drawn pixels (shading a silhouette).
   */
  shaded(cx: number, cy: number, rx: number, ry: number, ramp: readonly number[], only = false): void {
    const L = [-0.55, -0.65, 0.52];
    this.eachInEllipse(cx, cy, rx, ry, (x, y, nx, ny) => {
      const nz = Math.sqrt(Math.max(0, 1 - nx * nx - ny * ny));
      const d = nx * L[0]! + ny * L[1]! + nz * L[2]!;
      const t = Math.max(0, Math.min(0.999, (d + 0.3) / 1.45));
      const c = ramp[Math.floor(t * ramp.length)]!;
      if (only) this.paint(x, y, c);
      else this.set(x, y, c);
    });
  }

  line(x0: number, y0: number, x1: number, y1: number, c: number): void {
    for (const [x, y] of linePoints(Math.round(x0), Math.round(y0), Math.round(x1), Math.round(y1))) this.set(x, y, c);
  }

  /** Fills a polygon (even-odd rule at pixel centres). */
  poly(points: readonly Point[], c: number): void {
    let minY = Infinity;
    let maxY = -Infinity;
    for (const [, y] of points) {
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    for (let y = Math.floor(minY); y <= Math.ceil(maxY); y++) {
      const yc = y + 0.5;
      const xs: number[] = [];
      for (let i = 0; i < points.length; i++) {
        const [ax, ay] = points[i]!;
        const [bx, by] = points[(i + 1) % points.length]!;
        if (ay <= yc !== by <= yc) xs.push(ax + ((yc - ay) * (bx - ax)) / (by - ay));
      }
      xs.sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        for (let x = Math.ceil(xs[k]! - 0.5); x + 0.5 <= xs[k + 1]!; x++) this.set(x, y, c);
      }
    }
  }

  /**
   * Draws `c` on every empty pixel touching a drawn one (4-neighbours, or 8 with `diagonal`):
   * the dark outline that keeps sprites readable on any background.
   */
  outline(c: number, diagonal = false): void {
    const src = this.px.slice();
    const at = (x: number, y: number) => (x < 0 || y < 0 || x >= this.w || y >= this.h ? 0 : src[y * this.w + x]!);
    for (let y = 0; y < this.h; y++) {
      for (let x = 0; x < this.w; x++) {
        if (src[y * this.w + x] !== 0) continue;
        let hit = at(x - 1, y) || at(x + 1, y) || at(x, y - 1) || at(x, y + 1);
        if (!hit && diagonal) hit = at(x - 1, y - 1) || at(x + 1, y - 1) || at(x - 1, y + 1) || at(x + 1, y + 1);
        if (hit) this.px[y * this.w + x] = c;
      }
    }
  }

  /** Copies `src` in at (dx, dy), skipping its zero pixels; mirrored left-right with `flipX`. */
  blit(src: Canvas, dx: number, dy: number, flipX = false): void {
    for (let y = 0; y < src.h; y++) {
      for (let x = 0; x < src.w; x++) {
        const c = src.px[y * src.w + (flipX ? src.w - 1 - x : x)]!;
        if (c !== 0) this.set(dx + x, dy + y, c);
      }
    }
  }
}
