/** IPS and BPS patches: codecs, and patching ROM files with copier headers handled. */
export { PatchError, type PatchErrorReason } from './errors';
export { crc32, crcHex } from './crc32';
export { createIps, applyIps, parseIps, writeIps, ipsRecords, isIps, IPS_MAX_FILE, IPS_EOF_OFFSET, type IpsPatch, type IpsRecord } from './ips';
export { applyBps, readBpsHeader, isBps, BPS_ACTIONS, type BpsHeader, type BpsStats, type BpsActionName } from './bps';
export { createBps, type BpsCreateOptions } from './bps-encode';
export {
  createRomPatch,
  applyRomPatch,
  detectPatchFormat,
  formatFromName,
  countChanged,
  type PatchFormat,
  type PatchSummary,
  type CreatedPatch,
  type AppliedPatch,
  type ApplyOptions,
} from './rom-patch';
export {
  ORIGINALS_PATH,
  KEPT_ORIGINALS_DIR,
  OriginalError,
  recordOriginal,
  keepOriginal,
  keptOriginalPath,
  findOriginal,
  readOriginal,
  loadOriginals,
  parseOriginals,
  serializeOriginals,
  type OriginalRecord,
  type Originals,
  type WorkspaceFiles,
} from './original';
export {
  describeChanges,
  diffRegions,
  matchBlocks,
  movedPointers,
  type ChangeRow,
  type ChangeRange,
  type ChangeKind,
  type ChangesInput,
  type KnownBlock,
  type FoundBlock,
} from './changes';
export { patchesBetween } from './as-edit';
