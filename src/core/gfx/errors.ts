/** Refusals raised by the graphics core: bad tile data, palettes, and images offered for injection. */
import { SpritePalError } from '../errors';

/** Tile data, image geometry or arrangement options that cannot work. */
export class GfxError extends SpritePalError {
  constructor(message: string) {
    super('gfx', message);
    this.name = 'GfxError';
  }
}

/** A palette source that cannot be read (wrong size, bad JSON, index out of range). */
export class PaletteError extends SpritePalError {
  constructor(message: string) {
    super('palette', message);
    this.name = 'PaletteError';
  }
}

/** An image refused for injection; the message names the first offending pixels and the counts. */
export class PngImportError extends SpritePalError {
  constructor(message: string) {
    super('png-import', message);
    this.name = 'PngImportError';
  }
}
