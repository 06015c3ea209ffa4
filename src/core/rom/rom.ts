/**
 * A loaded ROM: the on-disk bytes, the copier header (kept for saving), the headerless data, and
 * what the internal header says. Immutable: edits produce new bytes, and a new Rom reads them.
 */
import { RomLoadError } from '../errors';
import { copierHeaderSize } from './copier-header';
import { computeChecksum, checksumBytes, readChecksumState, type ChecksumState } from './checksum';
import { detectHeader, type Detection } from './detect';
import { chipsetName, mapModeName, regionName } from './header';
import { offsetToSnes, type Mapping } from './mapping';
import { parseAddress, type ResolvedAddress } from './address';
import { makePatch, type Patch } from '../edit/patch';
import { fileOffsetOf, formatLocation, type LocationStyle } from '../format';

export const MIN_ROM_SIZE = 32 * 1024;
export const MAX_ROM_SIZE = 64 * 1024 * 1024;

/** Refuses sizes no ROM has, before anything is read. */
export function checkRomFileSize(size: number, name = 'the file'): void {
  if (size === 0) throw new RomLoadError(`${name} is empty: a SNES ROM is at least 32 KiB`);
  if (size < MIN_ROM_SIZE) throw new RomLoadError(`${name} is ${size} bytes: a SNES ROM is at least 32 KiB (${MIN_ROM_SIZE} bytes)`);
  if (size > MAX_ROM_SIZE + 512) throw new RomLoadError(`${name} is ${size} bytes: SpritePal opens ROMs up to 64 MiB`);
}

export interface RomInfo {
  fileSize: number;
  copierHeader: boolean;
  romSize: number;
  mapping: Mapping;
  headerOffset: number | null;
  title: string | null;
  mapMode: number | null;
  mapModeName: string | null;
  chipset: number | null;
  chipsetName: string | null;
  romSizeCode: number | null;
  ramSizeCode: number | null;
  region: number | null;
  regionName: string | null;
  developerId: number | null;
  version: number | null;
  checksum: ChecksumState | null;
  evidence: string[];
}

export class Rom {
  readonly copierHeaderSize: 0 | 512;
  readonly data: Uint8Array;
  readonly detection: Detection;
  private checksumCache: ChecksumState | null | undefined;

  constructor(
    readonly file: Uint8Array,
    readonly name = 'ROM',
  ) {
    checkRomFileSize(file.length, name);
    this.copierHeaderSize = copierHeaderSize(file.length);
    this.data = file.subarray(this.copierHeaderSize);
    if (this.data.length < MIN_ROM_SIZE)
      throw new RomLoadError(`${name} holds ${this.data.length} bytes after its copier header: a SNES ROM is at least 32 KiB`);
    this.detection = detectHeader(this.data);
  }

  get mapping(): Mapping {
    return this.detection.mapping;
  }

  get headerOffset(): number | null {
    return this.detection.headerOffset;
  }

  /** Stored and computed checksum (computed once: a full pass over the ROM). */
  get checksum(): ChecksumState | null {
    if (this.checksumCache === undefined) {
      this.checksumCache = this.headerOffset === null ? null : readChecksumState(this.data, this.headerOffset);
    }
    return this.checksumCache;
  }

  /** The patch (headerless, with the bytes it replaces) that corrects the checksum pair, or null without a header. */
  fixedChecksumPatch(): Patch | null {
    if (this.headerOffset === null) return null;
    const computed = computeChecksum(this.data, this.headerOffset);
    return makePatch(this.data, this.headerOffset + 0x1c, checksumBytes(computed));
  }

  resolveAddress(input: string): ResolvedAddress {
    return parseAddress(input, { mapping: this.mapping, romSize: this.data.length, copierHeaderSize: this.copierHeaderSize });
  }

  /** Canonical SNES address of a headerless offset, or null. */
  snesOf(romOffset: number): number | null {
    return offsetToSnes(this.mapping, romOffset);
  }

  /** The on-disk file offset of a headerless offset (the copier header counted). */
  fileOffsetOf(romOffset: number): number {
    return fileOffsetOf(romOffset, this.copierHeaderSize);
  }

  /** Where a headerless offset is, as the editor and the CLI write it (core/format.ts): `$BB:AAAA`, or its file offset without a SNES address. */
  describeOffset(romOffset: number, style: LocationStyle = 'short'): string {
    return formatLocation(this.snesOf(romOffset), this.fileOffsetOf(romOffset), style);
  }

  info(): RomInfo {
    const f = this.detection.fields;
    return {
      fileSize: this.file.length,
      copierHeader: this.copierHeaderSize > 0,
      romSize: this.data.length,
      mapping: this.mapping,
      headerOffset: this.headerOffset,
      title: f?.title ?? null,
      mapMode: f?.mapMode ?? null,
      mapModeName: f ? mapModeName(f.mapMode) : null,
      chipset: f?.chipset ?? null,
      chipsetName: f ? chipsetName(f.chipset) : null,
      romSizeCode: f?.romSizeCode ?? null,
      ramSizeCode: f?.ramSizeCode ?? null,
      region: f?.region ?? null,
      regionName: f ? regionName(f.region) : null,
      developerId: f?.developerId ?? null,
      version: f?.version ?? null,
      checksum: this.checksum,
      evidence: this.detection.evidence,
    };
  }
}
