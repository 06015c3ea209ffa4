/** The webview's view of a ROM, from the core's RomInfo. */
import type { RomSession } from '../core/session/rom-session';
import type { RomView } from '../webviews/protocol';

export function romView(session: RomSession, fileName: string, state: { dirty: boolean; readOnly: boolean }): RomView {
  const info = session.info();
  return {
    fileName,
    ...info,
    headerFileOffset: info.headerOffset === null ? null : session.rom.fileOffsetOf(info.headerOffset),
    dirty: state.dirty,
    readOnly: state.readOnly,
  };
}
