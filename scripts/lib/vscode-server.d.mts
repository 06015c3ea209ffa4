// Types for vscode-server.mjs, so the TypeScript end-to-end tests can use it.
import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';

export const ROOT: string;
export const SERVER_DIR: string;
export const SERVER_MAIN: string;
export const CHROMIUM: string;
export const CHROMIUM_ARGS: string[];
export interface Profile {
  userDataDir: string;
  extensionsDir: string;
}
export interface RunningServer {
  port: number;
  url: string;
  child: ChildProcess;
  stop(): void;
}
export function ensureDebianPackages(): void;
export function ensureServer(): string;
export function freePort(): Promise<number>;
export function freshProfile(base: string, settings?: Record<string, unknown>): Profile;
export function installVsix(vsix: string, opts: Profile & { base: string }): void;
export function startServer(opts: Profile & { base: string; port?: number; quiet?: boolean; extraArgs?: string[] }): Promise<RunningServer>;
export function remoteUri(port: number, absPath: string): string;
export function workbenchUrl(server: RunningServer, folder?: string, payload?: [string, string][]): string;
export function launchChromium(): Promise<Browser>;
