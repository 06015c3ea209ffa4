/**
 * The sprites on screen: the 256x224 composite (each sprite in its own CGRAM palette) at the
 * largest whole zoom that fits, an overlay outlining the selected sprite, and a summary line.
 * Clicking a sprite or Left/Right picks one (through `pick`, so the OAM table follows).
 */
import { hex } from '../../core/format';
import type { CompositeResult } from '../dump-protocol';
import { cssColor, el } from '../client/dom';
import { toBitmap } from '../client/draw';
import { spriteAt } from './geometry';
import type { DumpRpc, DumpState } from './state';

export class ScreenView {
  readonly summary = el('p', { class: 'dim', id: 'screen-summary' });
  readonly host: HTMLElement;
  private composite: CompositeResult | null = null;
  private readonly canvas = el('canvas', {
    id: 'composite',
    class: 'composite',
    width: '256',
    height: '224',
    tabindex: '0',
    role: 'img',
    'aria-label': 'Sprites on screen, 256 by 224; Left and Right arrows select the previous or next visible sprite',
  });
  private readonly overlay = el('canvas', { id: 'composite-overlay', class: 'composite-overlay', width: '256', height: '224', 'aria-hidden': 'true' });

  constructor(
    private readonly state: DumpState,
    private readonly rpc: DumpRpc,
    private readonly hooks: { pick(index: number | null): void; showError(message: string): void },
  ) {
    this.host = el('div', { class: 'screen-host' }, el('div', { class: 'screen-wrap' }, this.canvas, this.overlay));
    this.listen();
  }

  async load(): Promise<void> {
    const view = this.state.view;
    if (!view) return;
    try {
      this.composite = view.entries && view.vramComplete ? await this.rpc.request('composite', {}) : null;
    } catch (e) {
      this.composite = null;
      this.hooks.showError((e as Error).message);
    }
    const visible = view.entries?.filter((e) => e.visible).length ?? 0;
    this.summary.textContent = this.composite
      ? `${visible} of 128 sprites on screen, each in its own palette${view.palettes ? '' : ' (grayscale: no CGRAM)'}; OBJ tiles at ${hex(view.objBase, 4)} (${view.obsel.base !== null ? 'chosen' : view.objBaseDetected ? 'found from the dump' : 'default: no base stood out'}).`
      : view.entries
        ? 'The VRAM dump is not 64 KiB, so the sprites cannot be drawn.'
        : 'No OAM dump: pick one above to see the sprites that were on screen.';
    this.host.hidden = !this.composite;
    this.draw();
  }

  /** The screen scale: the largest whole factor that fits the column (1-3). */
  private zoom(): number {
    const avail = this.host.clientWidth || 512;
    return Math.max(1, Math.min(3, Math.floor(avail / 256)));
  }

  /** The 256 CGRAM colours as RGBA (grayscale by colour index without CGRAM, like the CLI's sheet). */
  private cgramRgba(): Uint8Array {
    const palettes = this.state.view?.palettes;
    const out = new Uint8Array(256 * 4);
    for (let i = 0; i < 256; i++) {
      const c = palettes ? palettes[i >> 4]![i & 15]! : (i & 15) * 17 * 0x010101;
      out.set([(c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff, 255], i * 4);
    }
    return out;
  }

  private draw(): void {
    const { canvas, composite } = this;
    const z = this.zoom();
    const w = (this.state.view?.screen.width ?? 256) * z;
    const h = (this.state.view?.screen.height ?? 224) * z;
    for (const c of [canvas, this.overlay]) {
      c.width = w;
      c.height = h;
    }
    const ctx = canvas.getContext('2d')!;
    ctx.clearRect(0, 0, w, h);
    if (composite) {
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(toBitmap(composite.pixels, composite.width, composite.height, this.cgramRgba()), 0, 0, w, h);
    }
    canvas.dataset.zoom = String(z);
    canvas.dataset.ready = 'true';
    this.drawOverlay();
  }

  /** Outlines the selected sprite (both parts when it wraps past the bottom of the 256-line space). */
  drawOverlay(): void {
    const { overlay } = this;
    const ctx = overlay.getContext('2d')!;
    ctx.clearRect(0, 0, overlay.width, overlay.height);
    const e = this.state.selectedEntry();
    overlay.dataset.outlined = e ? String(e.index) : '';
    if (!e || !e.visible) return;
    const z = Number(this.canvas.dataset.zoom) || 1;
    const parts = [e.y, e.y + e.height > 256 ? e.y - 256 : null].filter((y): y is number => y !== null);
    for (const y of parts) {
      const rect: [number, number, number, number] = [e.x * z - 1, y * z - 1, e.width * z + 2, e.height * z + 2];
      ctx.lineWidth = 3;
      ctx.strokeStyle = cssColor('--vscode-editor-background', '#000');
      ctx.strokeRect(...rect);
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = cssColor('--vscode-focusBorder', '#007fd4');
      ctx.strokeRect(...rect);
    }
  }

  private listen(): void {
    const { canvas } = this;
    canvas.addEventListener('click', (ev) => {
      const r = canvas.getBoundingClientRect();
      const z = Number(canvas.dataset.zoom) || 1;
      const hit = spriteAt(this.state.view?.entries, Math.floor((ev.clientX - r.left) / z), Math.floor((ev.clientY - r.top) / z));
      this.hooks.pick(hit?.index ?? null);
    });
    canvas.addEventListener('keydown', (ev) => {
      const visible = this.state.view?.entries?.filter((e) => e.visible) ?? [];
      if (!visible.length || (ev.key !== 'ArrowRight' && ev.key !== 'ArrowLeft')) return;
      ev.preventDefault();
      const at = visible.findIndex((e) => e.index === this.state.ui.selected);
      const next = ev.key === 'ArrowRight' ? (at + 1) % visible.length : (at <= 0 ? visible.length : at) - 1;
      this.hooks.pick(visible[next]!.index);
    });
    new ResizeObserver(() => {
      if (Number(canvas.dataset.zoom) !== this.zoom()) this.draw();
    }).observe(this.host);
  }
}
