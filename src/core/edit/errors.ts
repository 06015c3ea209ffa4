/** Errors of the edit model: bytes that are not what an edit expects, and edits out of order. */
import { SpritePalError } from '../errors';

/** The file no longer holds the bytes an edit or a plan was made from (changed since it was opened). */
export class StaleRomError extends SpritePalError {
  constructor(message: string) {
    super('rom-changed', message);
    this.name = 'StaleRomError';
  }
}

/** An undo or redo that does not fit the document's history (out of order, or dropped by a reload). */
export class EditHistoryError extends SpritePalError {
  constructor(message: string) {
    super('edit-history', message);
    this.name = 'EditHistoryError';
  }
}
