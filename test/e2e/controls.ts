/** Driving @vscode-elements controls the way a person does (they are not native inputs). */
import type { Locator } from 'playwright-core';

/** Opens a `vscode-single-select` and clicks the option with this label (rendered in its shadow DOM). */
export async function chooseOption(select: Locator, label: string): Promise<void> {
  await select.click();
  await select.locator('li.option', { hasText: label }).first().click();
}

/** The text of a `vscode-textfield` (Playwright's inputValue() takes native inputs only). */
export function fieldValue(field: Locator): Promise<string> {
  return field.evaluate((el) => (el as HTMLElement & { value: string }).value);
}
