/** Reading what a webview canvas shows, in the page (the tests compare it with the ROM's colours). */
import type { Locator } from 'playwright-core';

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
