/**
 * Loading and saving a catalog file through a tiny file interface (the extension passes one over
 * vscode.workspace.fs; Node code uses `nodeCatalogFiles`, which writes atomically).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../io/atomic-file';
import { emptyCatalog, parseCatalog, serializeCatalog } from './catalog';
import type { Catalog } from './types';

/** The folder, in a workspace folder, where SpritePal keeps its files (catalog, ROM identities, originals). */
export const WORKSPACE_DIR = '.spritepal';

/** Where a workspace keeps its catalog, relative to the workspace folder. */
export const WORKSPACE_CATALOG_PATH = `${WORKSPACE_DIR}/catalog.json`;

export interface CatalogFiles {
  /** The file's bytes, or null when it does not exist. */
  readFile(path: string): Promise<Uint8Array | null>;
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
}

/** The catalog at `path`; an empty one when the file does not exist. */
export async function loadCatalog(files: CatalogFiles, path: string): Promise<Catalog> {
  const bytes = await files.readFile(path);
  if (bytes === null) return emptyCatalog();
  return parseCatalog(new TextDecoder().decode(bytes), path);
}

export async function saveCatalog(files: CatalogFiles, path: string, catalog: Catalog): Promise<void> {
  await files.writeFile(path, new TextEncoder().encode(serializeCatalog(catalog)));
}

/** Node files: a missing file reads as null; writes create the folder and replace the file atomically. */
export function nodeCatalogFiles(): CatalogFiles {
  return {
    async readFile(path) {
      try {
        return new Uint8Array(await readFile(path));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async writeFile(path, bytes) {
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, bytes);
    },
  };
}
