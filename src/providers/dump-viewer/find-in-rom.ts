/**
 * "Find in ROM..." from the dump viewer: the selected sprite's tiles (or a run of VRAM tiles) are
 * looked up in an open ROM by the core (src/core/find), the blocks holding them are listed with
 * their tile range and how many tiles matched, and the chosen one opens in the ROM editor's
 * detail view (raw tiles outside any block open in its Tiles tab at their offset).
 */
import * as vscode from 'vscode';
import { findInRom, spriteQuery, vramRangeQuery, type FindResult, type QueryTile, type TileMatch } from '../../core/find/find-in-rom';
import { hex } from '../../core/format';
import type { RomDocument } from '../rom-document';
import type { GalleryEntry } from '../../webviews/protocol';
import type { FindSelection } from '../../webviews/dump-protocol';
import type { DumpModel } from './dump-document';

/** The ROM editor as Find in ROM uses it. */
export interface RomSource {
  readonly documents: RomDocument[];
  gallery(doc: RomDocument): { entries(): GalleryEntry[] };
  /** Shows the ROM editor on `doc` with the block at `romOffset` open (detail view), or the Tiles tab there. */
  revealBlock(doc: RomDocument, romOffset: number, tab: 'sprites' | 'tiles'): Promise<void>;
  /** The ROM at `uri`, opened in the ROM editor first when needed. */
  documentFor(uri: vscode.Uri, title: string): Promise<RomDocument | undefined>;
}

/** The tiles a selection names in this dump, and a phrase for it. */
export function selectionQuery(model: DumpModel, sel: FindSelection): { query: QueryTile[]; what: string } {
  if ('sprite' in sel) {
    const e = model.entries?.[sel.sprite];
    if (!e) throw new Error(`there is no OAM entry ${sel.sprite} in this dump (no OAM dump is loaded, or it has fewer entries)`);
    return {
      query: spriteQuery(model.vram, e, { base: model.objBase, nameSelect: model.obsel.nameSelect }),
      what: `sprite ${e.index} (${e.width}×${e.height}, tile ${hex(e.tile, 1)})`,
    };
  }
  const { first, count, bpp } = sel.tiles;
  return { query: vramRangeQuery(model.vram, first, count, bpp), what: count === 1 ? `VRAM tile ${first}` : `VRAM tiles ${first}–${first + count - 1}` };
}

function describeMatch(m: TileMatch, doc: RomDocument, names: Map<number, string | null>): vscode.QuickPickItem & { match: TileMatch } {
  const where = doc.session.rom.describeOffset(m.romOffset, 'dotted');
  const what = m.source === 'rom' ? 'uncompressed tiles in the ROM' : m.kind === 'hal' ? 'HAL block' : 'uncompressed block';
  const range = m.firstTile === m.lastTile ? `tile ${m.firstTile}` : `tiles ${m.firstTile}–${m.lastTile}`;
  const aligned = m.aligned < m.matched ? ` (${m.aligned} in place)` : '';
  return {
    label: names.get(m.romOffset) ?? where,
    description: `${names.get(m.romOffset) ? `${where} · ` : ''}${what}`,
    detail: `${range} · ${m.matched} of ${m.queried} tiles matched${aligned}`,
    match: m,
  };
}

/** The ROM to search: the only open one, one picked, or one the user opens now. Undefined: cancelled. */
async function chooseRom(roms: RomSource): Promise<RomDocument | undefined> {
  const docs = roms.documents;
  if (docs.length === 0) {
    const open = 'Open ROM...';
    const answer = await vscode.window.showInformationMessage('Find in ROM searches an open ROM: open the ROM this dump was taken from.', open);
    if (answer !== open) return undefined;
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      title: 'Open the ROM to search',
      filters: { 'SNES ROMs': ['sfc', 'smc', 'swc', 'fig'], 'All files': ['*'] },
    });
    if (!picked?.[0]) return undefined;
    return roms.documentFor(picked[0], 'Open the ROM to search');
  }
  if (docs.length === 1) return docs[0];
  const pick = await vscode.window.showQuickPick(
    docs.map((d) => ({ label: d.fileName, description: vscode.workspace.asRelativePath(d.uri), doc: d })),
    { title: 'Find in ROM: which ROM?', placeHolder: 'Several ROMs are open: choose the one to search' },
  );
  return pick?.doc;
}

/** The whole flow: choose the ROM, search with progress, list the matches, open the chosen one. */
export async function runFindInRom(model: DumpModel, sel: FindSelection, roms: RomSource, log: vscode.LogOutputChannel): Promise<boolean> {
  const { query, what } = selectionQuery(model, sel);
  if (!query.some((q) => q.bytes.some((b) => b !== 0))) {
    void vscode.window.showWarningMessage(`The tiles of ${what} are blank: there is nothing to look for.`);
    return false;
  }
  const doc = await chooseRom(roms);
  if (!doc) return false;
  const entries = roms.gallery(doc).entries();
  const result: FindResult = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `SpritePal: finding ${what} in ${doc.fileName}`, cancellable: true },
    (_p, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return findInRom(doc.session, query, {
        signal: abort.signal,
        extra: entries.map((e) => ({ romOffset: e.romOffset, kind: e.kind, size: e.kind === 'raw' ? e.size : e.consumed })),
      });
    },
  );
  log.info(
    `find in ROM: ${what} (${result.queried} tiles, ${result.blank} blank) in ${doc.fileName}: ${result.matches.length} matches in ${result.blocksSearched} blocks and the raw bytes`,
  );
  if (result.matches.length === 0) {
    void vscode.window.showInformationMessage(
      `None of the ${result.queried} tiles of ${what} is in ${doc.fileName} (searched ${result.blocksSearched} blocks and the raw bytes). The graphics may be compressed in a format SpritePal does not read, or built at run time.`,
    );
    return false;
  }
  const names = new Map(entries.map((e) => [e.romOffset, e.name]));
  const pick = await vscode.window.showQuickPick(
    result.matches.map((m) => describeMatch(m, doc, names)),
    {
      title: `Find in ROM: ${what} in ${doc.fileName}`,
      placeHolder: `${result.matches.length === 1 ? 'One place holds' : `${result.matches.length} places hold`} these tiles; best first`,
      matchOnDescription: true,
      matchOnDetail: true,
    },
  );
  if (!pick) return false;
  const m = pick.match;
  const inGallery = entries.some((e) => e.romOffset === m.romOffset);
  await roms.revealBlock(doc, m.romOffset, m.source === 'block' && (m.kind === 'hal' || inGallery) ? 'sprites' : 'tiles');
  return true;
}
