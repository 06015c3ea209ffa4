/**
 * Edit mode of the detail view: draw on the block's indexed pixels with the tools of
 * core/edit-pixels/tools (pencil B, fill G, eyedropper I or Alt+click, line L, rectangle U,
 * selection M; H/V flip and R turn the selection or the tile under the cursor, Shift for 16x16),
 * and send each stroke (mouse down to up) to the host as one `applyStroke`. A refused stroke
 * rolls its pixels back and shows the host's message. Undo and redo are VS Code's (Ctrl+Z /
 * Ctrl+Y reach the workbench from the webview); the view reloads the block when the ROM changes.
 */
import type { PaletteOption, PixelImage, StrokeParams } from '../../protocol';
import {
  clip,
  copyRegion,
  fillRect,
  floodFill,
  inside,
  linePoints,
  moveRegion,
  pasteRegion,
  plot,
  rectBetween,
  rectPoints,
  rotateRegion,
  Stroke,
  tileRectAt,
  transformRect,
  type Rect,
  type Region,
  type Sheet,
} from '../../../core/edit-pixels/tools';
import { el } from '../dom';
import { cssRgb } from '../../../core/format';
import { copyRegionToClipboard, readClipboardRegion } from './clipboard';
import { PaletteStrip } from './palette-strip';
import type { Rpc } from '../rpc';

export type Tool = 'pencil' | 'fill' | 'eyedropper' | 'line' | 'rect' | 'select';

const TOOLS: { tool: Tool; key: string; label: string }[] = [
  { tool: 'pencil', key: 'B', label: 'Pencil' },
  { tool: 'fill', key: 'G', label: 'Fill' },
  { tool: 'eyedropper', key: 'I', label: 'Eyedropper' },
  { tool: 'line', key: 'L', label: 'Line' },
  { tool: 'rect', key: 'U', label: 'Rectangle' },
  { tool: 'select', key: 'M', label: 'Select' },
];

/** What the editor needs of the detail view. */
export interface EditorHost {
  image(): PixelImage | null;
  /** The block as shown: format for the stroke (widthTiles is the image's width in tiles). */
  format(): Omit<StrokeParams, 'changes' | 'tool'>;
  zoom(): number;
  redraw(): void;
  say(text: string, error?: boolean): void;
  /** The block was relocated by a stroke. */
  moved(romOffset: number): void;
  /** A stroke finished (applied or rolled back): the view may reload now. */
  idle(): void;
}

interface Drag {
  tool: Tool;
  stroke: Stroke;
  value: number;
  start: [number, number];
  last: [number, number];
  /** For a selection move: the rectangle lifted. */
  moving?: Rect;
}

export class PixelEditor {
  readonly toolbar: HTMLElement;
  readonly overlay: HTMLCanvasElement;
  readonly palette: PaletteStrip;
  tool: Tool = 'pencil';
  /** A stroke is being drawn or waits for the host. */
  busy = false;
  private drag: Drag | null = null;
  private selection: Rect | null = null;
  private cursor: [number, number] | null = null;
  private clipboard: Region | null = null;
  private readonly buttons = new Map<Tool, HTMLElement>();

  constructor(
    private readonly rpc: Rpc,
    private readonly host: EditorHost,
  ) {
    this.palette = new PaletteStrip({ picked: () => this.drawOverlay(), writeColor: (id, index, color) => this.writeColor(id, index, color) });
    for (const t of TOOLS) {
      const b = el(
        'button',
        { class: 'pe-button pe-tool', id: `pe-tool-${t.tool}`, 'data-tool': t.tool, title: `${t.label} (${t.key})`, 'aria-pressed': 'false' },
        `${t.label} ${t.key}`,
      );
      b.addEventListener('click', () => this.setTool(t.tool));
      this.buttons.set(t.tool, b);
    }
    const flip = (op: 'flipH' | 'flipV' | 'rotate', text: string, key: string) => {
      const b = el('button', { class: 'pe-button', id: `pe-${op}`, title: `${text} the selection, or the tile under the cursor (${key}; Shift: 16x16)` }, text);
      b.addEventListener('click', () => void this.transform(op, false));
      return b;
    };
    this.toolbar = el(
      'div',
      { class: 'toolbar pe-toolbar', role: 'toolbar', 'aria-label': 'Drawing tools', id: 'pe-toolbar' },
      ...this.buttons.values(),
      flip('flipH', 'Flip H', 'H'),
      flip('flipV', 'Flip V', 'V'),
      flip('rotate', 'Turn', 'R'),
      this.palette.root,
    );
    this.overlay = el('canvas', { class: 'pe-overlay', id: 'pe-overlay', tabindex: '0', 'aria-label': 'Drawing surface' });
    this.overlay.addEventListener('pointerdown', (e) => this.down(e));
    this.overlay.addEventListener('pointermove', (e) => this.move(e));
    this.overlay.addEventListener('pointerup', (e) => void this.up(e));
    this.overlay.addEventListener('pointerleave', () => {
      this.cursor = null;
      this.drawOverlay();
    });
    this.overlay.addEventListener('contextmenu', (e) => e.preventDefault());
    this.setTool('pencil');
  }

  setPalette(p: PaletteOption | undefined, bpp: number): void {
    this.palette.setPalette(p, bpp);
  }

  setTool(tool: Tool): void {
    this.tool = tool;
    for (const [t, b] of this.buttons) b.setAttribute('aria-pressed', String(t === tool));
    this.overlay.dataset.tool = tool;
    if (tool !== 'select') this.selection = null;
    this.drawOverlay();
  }

  private sheet(): Sheet | null {
    const img = this.host.image();
    return img ? { width: img.width, height: img.height, pixels: img.pixels, tiles: img.tiles } : null;
  }

  private at(e: PointerEvent): [number, number] {
    const z = this.host.zoom();
    return [Math.floor(e.offsetX / z), Math.floor(e.offsetY / z)];
  }

  private down(e: PointerEvent): void {
    const sheet = this.sheet();
    if (!sheet || (e.button !== 0 && e.button !== 2)) return;
    e.preventDefault();
    this.overlay.focus();
    const [x, y] = this.at(e);
    const right = e.button === 2;
    // Picking a colour only reads: allowed while a stroke waits for the host.
    if (e.altKey || this.tool === 'eyedropper') {
      if (!inside(sheet, x, y)) return;
      const v = sheet.pixels[y * sheet.width + x]!;
      if (right) this.palette.setBg(v);
      else this.palette.setFg(v);
      this.host.say(`Picked colour ${v} as ${right ? 'background' : 'foreground'}.`);
      return;
    }
    if (this.busy) return;
    const value = right ? this.palette.bg : this.palette.fg;
    const stroke = new Stroke(sheet);
    if (this.tool === 'fill') {
      floodFill(stroke, x, y, value);
      this.host.redraw();
      void this.commit(stroke, 'Fill');
      return;
    }
    this.overlay.setPointerCapture(e.pointerId);
    this.busy = true;
    this.drag = { tool: this.tool, stroke, value, start: [x, y], last: [x, y] };
    if (this.tool === 'select') {
      const s = this.selection;
      if (s && x >= s.x && x < s.x + s.w && y >= s.y && y < s.y + s.h) this.drag.moving = s;
      else this.selection = null;
    } else if (this.tool === 'pencil') stroke.set(x, y, value);
    this.paint(x, y);
  }

  private move(e: PointerEvent): void {
    const [x, y] = this.at(e);
    this.cursor = [x, y];
    if (this.drag) this.paint(x, y);
    else this.drawOverlay();
  }

  /** Draws the drag so far: the pencil adds a line segment; the others redraw from the start. */
  private paint(x: number, y: number): void {
    const d = this.drag!;
    const [sx, sy] = d.start;
    switch (d.tool) {
      case 'pencil':
        plot(d.stroke, linePoints(d.last[0], d.last[1], x, y), d.value);
        break;
      case 'line':
        d.stroke.rollback();
        plot(d.stroke, linePoints(sx, sy, x, y), d.value);
        break;
      case 'rect':
        d.stroke.rollback();
        plot(d.stroke, rectPoints(rectBetween(sx, sy, x, y)), d.value);
        break;
      case 'select':
        if (d.moving) {
          d.stroke.rollback();
          moveRegion(d.stroke, d.moving, x - sx, y - sy, this.palette.bg);
          this.selection = { ...d.moving, x: d.moving.x + x - sx, y: d.moving.y + y - sy };
        } else this.selection = rectBetween(sx, sy, x, y);
        break;
    }
    d.last = [x, y];
    this.host.redraw();
    this.drawOverlay();
  }

  private async up(e: PointerEvent): Promise<void> {
    const d = this.drag;
    if (!d) return;
    this.drag = null;
    if (this.overlay.hasPointerCapture(e.pointerId)) this.overlay.releasePointerCapture(e.pointerId);
    if (d.tool === 'select' && !d.moving) {
      const sheet = this.sheet();
      this.selection = sheet && this.selection ? clip(sheet, this.selection) : null;
      this.busy = false;
      this.drawOverlay();
      this.host.idle();
      return;
    }
    const names: Record<Tool, string> = { pencil: 'Pencil', line: 'Line', rect: 'Rectangle', select: 'Move', fill: 'Fill', eyedropper: 'Eyedropper' };
    await this.commit(d.stroke, names[d.tool]);
  }

  /** Sends a stroke to the host; rolls it back when refused. */
  private async commit(stroke: Stroke, tool: string): Promise<void> {
    const changes = stroke.changes();
    if (changes.length === 0) {
      this.busy = false;
      this.host.idle();
      return;
    }
    this.busy = true;
    try {
      const r = await this.rpc.request('applyStroke', { ...this.host.format(), changes, tool });
      if (r.applied) {
        // Strokes the host applied so far (tests and diagnosis wait on it).
        this.overlay.dataset.applied = String(Number(this.overlay.dataset.applied ?? 0) + 1);
        this.host.say(`${r.label}: ${changes.length / 3} pixel${changes.length === 3 ? '' : 's'}${r.inPlace ? '' : ', block relocated'}.`);
        if (r.romOffset !== this.host.format().romOffset) this.host.moved(r.romOffset);
      } else {
        stroke.rollback();
        this.host.redraw();
        this.host.say(`Not drawn: ${r.refused}`, true);
      }
    } catch (err) {
      stroke.rollback();
      this.host.redraw();
      this.host.say((err as Error).message, true);
    } finally {
      this.busy = false;
      this.host.idle();
    }
  }

  /** Flip or turn the selection, or else the 8x8 (16x16 with Shift) tile under the cursor. */
  private async transform(op: 'flipH' | 'flipV' | 'rotate', big: boolean): Promise<void> {
    const sheet = this.sheet();
    if (!sheet || this.busy) return;
    const rect = this.selection ?? (this.cursor ? tileRectAt(this.cursor[0], this.cursor[1], big ? 16 : 8) : null);
    if (!rect) return this.host.say('Select pixels, or point at a tile, to flip or turn.', true);
    const stroke = new Stroke(sheet);
    if (!transformRect(stroke, rect, op)) {
      // A selection that is not square turns into a new shape: lift it and put it back turned.
      const turned = rotateRegion(copyRegion(sheet, rect));
      fillRect(stroke, rect, this.palette.bg);
      pasteRegion(stroke, turned, rect.x, rect.y);
      this.selection = { x: rect.x, y: rect.y, w: turned.width, h: turned.height };
    }
    this.host.redraw();
    this.drawOverlay();
    await this.commit(stroke, op === 'rotate' ? 'Turn' : 'Flip');
  }

  private async copy(cut: boolean): Promise<void> {
    const sheet = this.sheet();
    if (!sheet || !this.selection) return;
    this.clipboard = copyRegion(sheet, this.selection);
    const rgb = Array.from({ length: 16 }, (_, i) => this.palette.rgbOf(i));
    const system = await copyRegionToClipboard(this.clipboard, rgb);
    this.host.say(`Copied ${this.selection.w}x${this.selection.h} pixels${system ? ' (also to the clipboard as an indexed PNG)' : ''}.`);
    if (cut) {
      const stroke = new Stroke(sheet);
      fillRect(stroke, this.selection, this.palette.bg);
      this.host.redraw();
      await this.commit(stroke, 'Cut');
    }
  }

  private async paste(): Promise<void> {
    const sheet = this.sheet();
    if (!sheet || this.busy) return;
    const rgb = Array.from({ length: 16 }, (_, i) => this.palette.rgbOf(i));
    // The system clipboard where the webview lets us read it (not waiting long on a permission), else our own copy.
    const fromSystem = readClipboardRegion(rgb, 1 << this.host.format().bpp).catch(() => null);
    const region = (await Promise.race([fromSystem, new Promise<null>((r) => setTimeout(() => r(null), 500))])) ?? this.clipboard;
    if (!region) return this.host.say('Nothing to paste: copy a selection first (M, then Ctrl+C).', true);
    const x = this.selection?.x ?? 0;
    const y = this.selection?.y ?? 0;
    const stroke = new Stroke(sheet);
    pasteRegion(stroke, region, x, y);
    this.setTool('select');
    this.selection = clip(sheet, { x, y, w: region.width, h: region.height });
    this.host.redraw();
    this.drawOverlay();
    await this.commit(stroke, 'Paste');
  }

  private async deleteSelection(): Promise<void> {
    const sheet = this.sheet();
    if (!sheet || !this.selection || this.busy) return;
    const stroke = new Stroke(sheet);
    fillRect(stroke, this.selection, this.palette.bg);
    this.host.redraw();
    await this.commit(stroke, 'Clear');
  }

  private async writeColor(paletteId: string, index: number, color: number): Promise<void> {
    try {
      const r = await this.rpc.request('editPaletteColor', { paletteId, index, color });
      this.host.say(r.applied ? `Colour ${index} written to the ROM.` : `Colour ${index} already holds that value.`);
    } catch (err) {
      this.host.say((err as Error).message, true);
    }
  }

  /** Keys of edit mode; true when the key was the editor's. */
  handleKey(e: KeyboardEvent): boolean {
    const ctrl = e.ctrlKey || e.metaKey;
    const k = e.key.toLowerCase();
    if (ctrl) {
      if (k === 'c') void this.copy(false);
      else if (k === 'x') void this.copy(true);
      else if (k === 'v') void this.paste();
      else return false; // Ctrl+Z / Ctrl+Y and the rest go on to VS Code
      return true;
    }
    if (e.altKey) return false;
    const tool = TOOLS.find((t) => t.key.toLowerCase() === k);
    if (tool) {
      this.setTool(tool.tool);
      return true;
    }
    if (k === 'h' || k === 'v' || k === 'r') {
      void this.transform(k === 'h' ? 'flipH' : k === 'v' ? 'flipV' : 'rotate', e.shiftKey);
      return true;
    }
    if (k === 'x') {
      this.palette.swap();
      return true;
    }
    if (k === 'delete' || k === 'backspace') {
      void this.deleteSelection();
      return true;
    }
    if (k === 'escape' && this.selection) {
      this.selection = null;
      this.drawOverlay();
      return true;
    }
    return false;
  }

  /** Sizes the overlay to the drawn canvas and draws the cursor preview and the selection. */
  drawOverlay(): void {
    const img = this.host.image();
    if (!img) return;
    const z = this.host.zoom();
    if (this.overlay.width !== img.width * z || this.overlay.height !== img.height * z) {
      this.overlay.width = img.width * z;
      this.overlay.height = img.height * z;
    }
    const ctx = this.overlay.getContext('2d')!;
    ctx.clearRect(0, 0, this.overlay.width, this.overlay.height);
    if (this.cursor && !this.drag && (this.tool === 'pencil' || this.tool === 'line' || this.tool === 'rect')) {
      const [x, y] = this.cursor;
      const fg = this.palette.fg;
      ctx.fillStyle = fg === 0 ? 'rgba(128,128,128,0.5)' : cssRgb(this.palette.rgbOf(fg));
      ctx.fillRect(x * z, y * z, z, z);
      ctx.strokeStyle = 'rgba(0,0,0,0.6)';
      ctx.strokeRect(x * z + 0.5, y * z + 0.5, z - 1, z - 1);
    }
    if (this.selection) {
      const s = this.selection;
      ctx.lineWidth = 1;
      ctx.setLineDash([4, 4]);
      ctx.strokeStyle = '#ffffff';
      ctx.strokeRect(s.x * z + 0.5, s.y * z + 0.5, s.w * z - 1, s.h * z - 1);
      ctx.lineDashOffset = 4;
      ctx.strokeStyle = '#000000';
      ctx.strokeRect(s.x * z + 0.5, s.y * z + 0.5, s.w * z - 1, s.h * z - 1);
      ctx.setLineDash([]);
    }
  }
}
