/**
 * Errors the core raises on bad input. Each names what went wrong, where and why, and carries a
 * stable `code` that front ends (CLI exit lines, webview messages, metrics) can key on.
 */
export class SpritePalError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SpritePalError';
  }
}

/** The file cannot be a ROM (too small, too large, empty, not a file). */
export class RomLoadError extends SpritePalError {
  constructor(message: string) {
    super('rom-load', message);
    this.name = 'RomLoadError';
  }
}

/** An address a user typed or a tool computed cannot be used with this ROM. */
export class AddressError extends SpritePalError {
  constructor(message: string) {
    super('address', message);
    this.name = 'AddressError';
  }
}
