/**
 * The facade both front ends (the VS Code providers and the CLI) reach the core through: one open
 * ROM and everything composed around it. A capability is written here once and behaves the same in
 * the editor and on the command line. Later issues compose scanning, the cache and the worker pool
 * in here; front ends never assemble those pieces themselves.
 */
import { Rom, type RomInfo } from '../rom';

export class RomSession {
  private current: Rom;

  private constructor(rom: Rom) {
    this.current = rom;
  }

  /** Parses the bytes as a ROM (throws RomLoadError with a clear message when they cannot be one). */
  static open(fileBytes: Uint8Array, name = 'ROM'): RomSession {
    return new RomSession(new Rom(fileBytes, name));
  }

  get rom(): Rom {
    return this.current;
  }

  /** The on-disk bytes (copier header included). */
  get bytes(): Uint8Array {
    return this.current.file;
  }

  /** Replaces the bytes after an edit, undo or revert; the header is read again. */
  update(fileBytes: Uint8Array): void {
    this.current = new Rom(fileBytes, this.current.name);
  }

  info(): RomInfo {
    return this.current.info();
  }

  dispose(): void {
    // Nothing held yet beyond memory; later the worker pool and cache handles are released here.
  }
}
