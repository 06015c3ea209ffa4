/**
 * Drawing on a sprite in the ROM: the edits the detail view's editor makes, as ROM patches.
 *
 * - `planStroke(rom, stroke, opts)`: the pixels a stroke changed -> tiles -> the injection
 *   pipeline (raw in place; HAL re-compressed, in place or relocated) -> minimal patches.
 * - `planPaletteColor(rom, edit)`: one BGR555 colour written at a palette's address.
 * - `./tools` (no Node APIs, bundled into the webview): the drawing tools on indexed pixels.
 */
export { planStroke, strokePixels, tilePixelIndex, minimalPatches, type Stroke, type StrokePlan } from './stroke';
export { planPaletteColor, PaletteEditError, MAX_BGR555, type PaletteColorEdit } from './palette-edit';
export { editedBlocks, type Span } from './edited-blocks';
