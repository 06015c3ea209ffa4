/**
 * The host side of the sprite editor: a stroke (or a palette colour) from the detail view is
 * planned by the core (edit-pixels: the injection pipeline) and applied as ONE undoable edit of
 * the ROM document, labelled "Draw on <name>". A stroke that cannot be applied is refused with
 * the message Inject would give, and the ROM stays as it was. Relocation (and which pointers to
 * rewrite) is asked once per editing session of a document, not per stroke.
 */
import * as vscode from 'vscode';
import { hex } from '../core/format';
import { planPaletteColor, planStroke } from '../core/edit-pixels';
import { InjectionRefusedError, type InjectionPlan } from '../core/inject';
import { romPaletteOffset } from '../core/gallery';
import type { PaletteOption, RequestMap, StrokeResult } from '../webviews/protocol';
import { sentence } from './inject-commands';
import type { RomDocument } from './rom-document';

/** What the editor asks of the rest of the extension (the gallery's names and palettes). */
export interface PixelEditDeps {
  /** The name the gallery shows for a block, if any. */
  nameOf(doc: RomDocument, romOffset: number): string | null;
  /** The palette option for a `rom:<offset>` id after the edit (read again from the bytes). */
  paletteOption(doc: RomDocument, paletteId: string): PaletteOption;
}

/** What the user answered in this editing session of a document. */
interface Session {
  /** Move blocks that no longer fit (asked once). */
  relocate?: boolean;
  /** Pointer slots chosen for a block, by the block's offset when asked. */
  pointers: Map<number, number[]>;
}

/**
 * The one place an edit of this module meets the document's edit model: the core plan applied
 * through the document (its stale-file check, one undoable edit, catalog moves included).
 */
export function applyPlanAsEdit(doc: RomDocument, label: string, plan: InjectionPlan): void {
  doc.applyInjection(plan, label);
}

export class PixelEditor implements vscode.Disposable {
  private readonly sessions = new Map<RomDocument, Session>();

  constructor(private readonly deps: PixelEditDeps) {}

  private session(doc: RomDocument): Session {
    let s = this.sessions.get(doc);
    if (!s) {
      s = { pointers: new Map() };
      this.sessions.set(doc, s);
      doc.onDidDispose(() => this.sessions.delete(doc));
    }
    return s;
  }

  private checkWritable(doc: RomDocument): void {
    if (doc.readOnly) throw new Error(`${doc.fileName} is read-only: drawing on it is disabled`);
    if (!vscode.workspace.isTrusted) throw new Error('editing ROMs is disabled in untrusted workspaces');
  }

  /** Plans and applies one stroke; refusals come back as results (the webview rolls its pixels back). */
  async applyStroke(doc: RomDocument, p: RequestMap['applyStroke']['params']): Promise<StrokeResult> {
    this.checkWritable(doc);
    const s = this.session(doc);
    const rom = () => doc.session.rom;
    const target = { romOffset: p.romOffset, kind: p.kind, bpp: p.bpp, tiles: p.kind === 'raw' ? p.rawTiles : undefined };
    const stroke = { target, widthTiles: p.widthTiles, changes: p.changes };
    const name = this.deps.nameOf(doc, p.romOffset);
    const label = `Draw on ${name ?? `block at ${where(doc, p.romOffset)}`}`;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const { plan } = planStroke(rom(), stroke, { relocate: s.relocate === true, pointers: s.pointers.get(p.romOffset) });
        if (!plan.unchanged) applyPlanAsEdit(doc, label, plan);
        return { applied: true, romOffset: plan.summary.newRomOffset, inPlace: plan.summary.inPlace, label };
      } catch (e) {
        if (!(e instanceof InjectionRefusedError)) throw e;
        if (e.reason === 'no-room' && s.relocate === undefined) {
          s.relocate = await this.askRelocate(doc, e.message);
          if (s.relocate) continue;
        } else if (e.reason === 'ambiguous-pointers' && !s.pointers.has(p.romOffset)) {
          const chosen = await this.askPointers(doc, e.candidates, e.message);
          if (chosen.length > 0) {
            s.pointers.set(p.romOffset, chosen);
            continue;
          }
        }
        return { applied: false, refused: e.message };
      }
    }
    return { applied: false, refused: 'the stroke could not be planned' };
  }

  private async askRelocate(doc: RomDocument, why: string): Promise<boolean> {
    const choice = await vscode.window.showWarningMessage(
      'The edited sprite no longer fits in place',
      {
        modal: true,
        detail: `${sentence(why)}\n\nMove blocks that no longer fit to free space in ${doc.fileName} (their pointers are rewritten) for the rest of this editing session?`,
      },
      'Relocate',
    );
    return choice === 'Relocate';
  }

  private async askPointers(doc: RomDocument, candidates: number[], why: string): Promise<number[]> {
    const items = candidates.map((slot) => ({ label: where(doc, slot), description: `ROM offset ${hex(slot)}`, slot, picked: true }));
    const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Pointers to rewrite', placeHolder: why });
    return picked?.map((i) => i.slot) ?? [];
  }

  /** Writes one colour of a ROM palette as an undoable edit. */
  editPaletteColor(doc: RomDocument, p: RequestMap['editPaletteColor']['params']): { applied: boolean; palette: PaletteOption } {
    this.checkWritable(doc);
    const paletteRomOffset = romPaletteOffset(p.paletteId);
    if (paletteRomOffset === null) throw new Error(`palette ${p.paletteId} is not a ROM palette: only a ROM palette can be edited`);
    const plan = planPaletteColor(doc.session.rom, { paletteRomOffset, index: p.index, color: p.color });
    const name = this.deps.paletteOption(doc, p.paletteId).label;
    if (!plan.unchanged) applyPlanAsEdit(doc, `Edit colour ${p.index} of ${name}`, plan);
    return { applied: !plan.unchanged, palette: this.deps.paletteOption(doc, p.paletteId) };
  }

  dispose(): void {
    this.sessions.clear();
  }
}

function where(doc: RomDocument, romOffset: number): string {
  return doc.session.rom.describeOffset(romOffset);
}
