/**
 * The dump viewer's state: what the panel remembers across reloads (getState/setState), the view
 * the host sent, and what follows from both (the selected sprite, what Find in ROM looks for).
 */
import type { DumpBpp, DumpEvent, DumpRequestMap, DumpView, FindSelection, OamRow } from '../dump-protocol';
import type { Rpc } from '../client/rpc';

export type DumpRpc = Rpc<DumpRequestMap, DumpEvent>;

export interface UiState {
  bpp: DumpBpp;
  widthTiles: number;
  /** 'gray' or 'cgram-N'; empty: CGRAM palette 8 when there is a CGRAM, else grayscale. */
  palette: string;
  zoom: number;
  selected: number | null;
  cursor: number;
  /** A run of VRAM tiles chosen with Shift (first, count), searched instead of the sprite; null: none. */
  range?: { first: number; count: number } | null;
}

export class DumpState {
  ui: UiState;
  /** What the host last sent; null until the first answer. */
  view: DumpView | null = null;
  /** The remembered state had no cursor: the first visit to this dump (the tiles start at the OBJ area). */
  readonly firstVisit: boolean;

  constructor(private readonly api: { getState(): unknown; setState(state: unknown): void }) {
    const saved = (api.getState() as Partial<UiState> | undefined) ?? {};
    this.firstVisit = saved.cursor === undefined;
    this.ui = { bpp: 4, widthTiles: 16, palette: '', zoom: 2, selected: null, cursor: 0, ...saved };
  }

  save(patch: Partial<UiState>): void {
    this.ui = { ...this.ui, ...patch };
    this.api.setState(this.ui);
  }

  selectedEntry(): OamRow | null {
    return this.ui.selected !== null ? (this.view?.entries?.[this.ui.selected] ?? null) : null;
  }

  /** What Find in ROM looks for: the Shift-chosen VRAM tiles, else the selected sprite. */
  findSelection(): FindSelection | null {
    if (this.ui.range) return { tiles: { first: this.ui.range.first, count: this.ui.range.count, bpp: this.ui.bpp } };
    const e = this.selectedEntry();
    return e ? { sprite: e.index } : null;
  }

  /** Bytes of one VRAM tile at the chosen depth. */
  tileBytes(): number {
    return this.ui.bpp * 8;
  }
}
