/** Reading what a webview canvas shows, in the page: its colours (compared with the ROM's), and the gallery's drawn cells (draw counts, marks, pixels). */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { waitFor } from './edit-helpers';

export interface CanvasColours {
  /** Distinct opaque colours as "r,g,b". */
  colours: string[];
  opaque: number;
  width: number;
  height: number;
  zoom: number;
}

export function canvasColours(canvas: Locator): Promise<CanvasColours> {
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const set = new Set<string>();
    let opaque = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] === 255) {
        opaque++;
        set.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
      }
    }
    return { colours: [...set], opaque, width: c.width, height: c.height, zoom: Number(c.dataset.zoom) };
  });
}

export interface Cell {
  /** The canvas's draw count, its mark (null: unmarked) and a hash of its pixels. */
  renders: number;
  mark: string | null;
  hash: string;
  name: string;
  label: string;
}

export interface Drawn {
  /** Offset -> each drawn cell in view. */
  cells: Record<string, Cell>;
  total: number;
}

/** Every drawn thumbnail in view: its draw count, mark, pixels and text; optionally marks them first. */
export function drawn(view: FrameLocator, mark?: string): Promise<Drawn> {
  return view.locator('.gallery').evaluate((g: HTMLElement, m: string | undefined) => {
    const cells: Drawn['cells'] = {};
    for (const cell of Array.from(g.querySelectorAll<HTMLElement>('.cell[data-state="ready"]'))) {
      const c = cell.querySelector('canvas')!;
      if (m) c.dataset.mark = m;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let h = 0x811c9dc5;
      for (let i = 0; i < d.length; i++) h = Math.imul(h ^ d[i]!, 0x01000193) >>> 0;
      cells[cell.dataset.offset!] = {
        renders: Number(c.dataset.renders ?? 0),
        mark: c.dataset.mark ?? null,
        hash: h.toString(16),
        name: cell.querySelector('.name')?.textContent ?? '',
        label: cell.getAttribute('aria-label') ?? '',
      };
    }
    return { cells, total: Number(g.dataset.renders ?? 0) };
  }, mark);
}

/** Waits until the gallery's grid is settled: the same cell width half a second apart, every cell in view drawn. */
export async function gridSettled(view: FrameLocator, page: Page): Promise<void> {
  let width = '';
  await waitFor('the grid to settle', async () => {
    const now = (await view.locator('.gallery').getAttribute('data-cell-width')) ?? '';
    const settled = now === width && (await view.locator('.cell:not([data-state="ready"])').count()) === 0;
    width = now;
    if (!settled) await page.waitForTimeout(500);
    return settled;
  });
}
