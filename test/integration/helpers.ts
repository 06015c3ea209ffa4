/** Helpers the extension-host integration tests share. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpritePalApi } from '../../src/extension';

export const EXTENSION_ID = 'spritepal.spritepal';

/** The activated extension's API. */
export async function api(): Promise<SpritePalApi> {
  const ext = vscode.extensions.getExtension<SpritePalApi>(EXTENSION_ID);
  assert.ok(ext, 'the extension is installed in the development host');
  return ext.activate();
}

/** Polls `fn` until it returns a truthy value (or `ms` pass: then fails naming `what`). */
export async function waitFor<T>(what: string, fn: () => T | undefined | null | false | Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== null && v !== false) return v as T;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
