/**
 * The edit model: one patch shape that records the bytes it replaces (`Patch`), and the history of
 * an open ROM with a saved marker (`EditModel`). Used by the editor, the injection pipeline and
 * anything else that changes ROM bytes.
 */
export { checkPatches, fileRanges, invertPatches, makePatch, patchedFile, writePatches, type Patch } from './patch';
export {
  EditModel,
  type BlockMove,
  type ChangeListener,
  type DiskChange,
  type DiskStamp,
  type EditHandle,
  type RestoredState,
  type RomEdit,
  type RomFileAccess,
} from './edit-model';
export { EditHistoryError, StaleRomError } from './errors';
