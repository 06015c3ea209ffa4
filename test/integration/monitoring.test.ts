/**
 * Monitoring in a real VS Code: the status-bar item and the Metrics tree show what the registry
 * holds, Reset clears it, Export writes it, thresholds come from the settings, and monitoring off
 * hides the item and stops recording.
 */
import { DEFAULT_MIN_SAMPLES } from '../../src/core/metrics/alerts';
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { buildTreeModel, formatRate, formatStatusText, type MetricsSnapshot } from '../../src/core/metrics';
import { encode } from '../../src/core/hal';
import type { RomDocument } from '../../src/providers/rom-document';
import { makeRom } from '../fixtures/roms';
import { api, waitFor } from './helpers';

const BLOCKS = [0x10000, 0x12000, 0x14000, 0x16000];
const STATUS_FORMAT = /^(\$\(warning\) )?\$\(pulse\) (\d+(\.\d+)?%|<0\.1%|—) · (\d+% cache|no lookups yet)$/;

/** A LoROM with four HAL blocks at known offsets (distinct bytes each, so each has its own cache key). */
function romWithBlocks(): Uint8Array {
  const rom = makeRom({ mapping: 'lorom', size: 256 * 1024, title: 'MONITORING' });
  BLOCKS.forEach((offset, k) => {
    const plain = new Uint8Array(2048).map((_, i) => (i * (k + 3)) ^ (i >> 4));
    rom.set(encode(plain), offset);
  });
  return rom;
}

const config = () => vscode.workspace.getConfiguration('spritepal.monitoring');

describe('Monitoring (extension host)', () => {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? mkdtempSync('/tmp/spritepal-it-');
  let doc: RomDocument;

  before(async () => {
    const file = join(folder, 'monitoring.sfc');
    writeFileSync(file, romWithBlocks());
    const { editor } = await api();
    await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(file), 'spritepal.romEditor');
    doc = await waitFor('the ROM document', () => editor.documents.find((d) => d.uri.fsPath === file));
  });

  after(async () => {
    for (const key of ['enabled', 'alerts.cacheLookup.warningMs', 'alerts.cacheLookup.criticalMs', 'alerts.cooldownSeconds'])
      await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the status-bar text and the Metrics tree show what the registry holds', async () => {
    const { services, monitoring, editor, dumps } = await api();
    await doc.session.decodeBlock(BLOCKS[0]!);
    await doc.session.decodeBlock(BLOCKS[0]!);
    const shown = monitoring.refresh();
    const registry = services.metrics.snapshot();

    assert.ok((registry.operations['rom.open']?.count ?? 0) >= 1, 'opening the ROM was timed');
    assert.ok((registry.operations['cache.lookup']?.count ?? 0) >= 2, 'the decodes went through the cache');
    for (const name of ['rom.open', 'cache.lookup', 'hal.decode']) assert.equal(shown.operations[name]?.count, registry.operations[name]?.count, name);
    assert.deepEqual(shown.cacheTotals, registry.cacheTotals, 'the shown cache figures are the registry');

    const text = monitoring.statusText();
    assert.ok(text, 'the item is shown while monitoring is on');
    assert.match(text, STATUS_FORMAT);
    assert.equal(text, formatStatusText(shown));
    assert.ok(text.endsWith(`· ${formatRate(registry.cacheTotals.hitRate)} cache`), `${text} shows the registry's hit rate`);
    assert.match(monitoring.statusTooltip() ?? '', /Overhead: .*\nCache: /);

    const tree = monitoring.treeModel();
    assert.deepEqual(
      tree.map((g) => g.label),
      ['Overview', 'Operations', 'Cache', 'Workers', 'Memory', 'Errors', 'Alerts'],
    );
    // Errors also lists the webview messages both editors refused (other tests send some).
    const expected = buildTreeModel(shown, { protocolViolations: editor.protocolViolations + dumps.provider.protocolViolations });
    tree.forEach((g, i) => {
      assert.deepEqual(
        g.items.map((it) => [it.label, it.description]),
        expected[i]!.items.map((it) => [it.label, it.description]),
        `group ${g.label} renders the snapshot`,
      );
    });
    const ops = tree.find((g) => g.id === 'operations')!;
    const romOpen = ops.items.find((it) => it.label === 'rom.open');
    assert.ok(romOpen?.description.endsWith(`${registry.operations['rom.open']!.count}×`), `rom.open count in ${romOpen?.description}`);
    const cache = tree.find((g) => g.id === 'cache')!;
    assert.deepEqual(
      cache.items.map((it) => it.label),
      ['memory', 'disk', 'All levels'],
    );
    assert.equal(cache.description, formatRate(registry.cacheTotals.hitRate));
    const memory = tree.find((g) => g.id === 'memory')!;
    assert.ok(
      memory.items.some((it) => it.label === 'rss (MB)' && Number(it.description.replace(/,/g, '')) > 0),
      'memory is sampled',
    );
  });

  it('"Show Metrics" (the status item\'s command) reveals the Metrics view', async () => {
    const { monitoring } = await api();
    await vscode.commands.executeCommand('spritepal.showMetrics');
    await waitFor('the Metrics view', () => monitoring.viewVisible());
  });

  it('alert thresholds come from the settings; alerts show in the Alerts group', async () => {
    const { monitoring } = await api();
    monitoring.refresh();
    // A rule keeps its cooldown across new thresholds, and a slow lookup while the ROM opened may
    // already have fired this one: no cooldown here, so the next lookup is judged afresh.
    await config().update('alerts.cooldownSeconds', 0, vscode.ConfigurationTarget.Global);
    await config().update('alerts.cacheLookup.criticalMs', 1e9, vscode.ConfigurationTarget.Global);
    await config().update('alerts.cacheLookup.warningMs', 0, vscode.ConfigurationTarget.Global);
    await waitFor(
      'the new thresholds',
      () => monitoring.settings.thresholds['cache-lookup']!.warning === 0 && monitoring.settings.thresholds['cache-lookup']!.critical === 1e9,
    );
    // Rules wait for enough samples (no alert on a cold start): make sure there are that many
    // lookups (of one block: the export test below needs another block not decoded yet).
    for (let i = 0; i < DEFAULT_MIN_SAMPLES; i++) await doc.session.decodeBlock(BLOCKS[1]!);
    const shown = monitoring.refresh();
    // The newest: the registry judges every call, so a lookup that took 10 ms or more earlier (the
    // default warning) may have fired this rule before the thresholds changed.
    const alert = [...shown.alerts].reverse().find((a) => a.ruleId === 'cache-lookup');
    assert.ok(alert, 'a cache lookup reached the 0 ms warning threshold');
    assert.equal(alert.level, 'warning');
    assert.equal(alert.threshold, 0);
    const alerts = monitoring.treeModel().find((g) => g.id === 'alerts')!;
    assert.ok(
      alerts.items.some((it) => it.label === 'Warning: cache.lookup'),
      JSON.stringify(alerts.items),
    );
    await config().update('alerts.cacheLookup.warningMs', undefined, vscode.ConfigurationTarget.Global);
    await config().update('alerts.cacheLookup.criticalMs', undefined, vscode.ConfigurationTarget.Global);
    await config().update('alerts.cooldownSeconds', undefined, vscode.ConfigurationTarget.Global);
    await waitFor(
      'the default thresholds',
      () => monitoring.settings.thresholds['cache-lookup']!.warning === 10 && monitoring.settings.thresholds['cache-lookup']!.critical === 50,
    );
  });

  it('Reset Metrics clears the operations (status and tree too)', async () => {
    const { services, monitoring } = await api();
    await doc.session.decodeBlock(BLOCKS[0]!);
    assert.ok(Object.keys(services.metrics.snapshot().operations).length > 0);
    await vscode.commands.executeCommand('spritepal.resetMetrics');
    assert.deepEqual(services.metrics.snapshot().operations, {});
    assert.equal(services.metrics.snapshot().alertsFired, 0);
    const tree = monitoring.treeModel();
    assert.deepEqual(tree.find((g) => g.id === 'operations')!.items, []);
    assert.deepEqual(tree.find((g) => g.id === 'alerts')!.items, []);
    assert.match(monitoring.statusText() ?? '', /^\$\(pulse\) — · /, 'no overhead before the next timed operation');
  });

  it('Export Metrics... writes the snapshot as JSON to the Uri it is given', async () => {
    const { services } = await api();
    await doc.session.decodeBlock(BLOCKS[2]!);
    const target = vscode.Uri.file(join(folder, 'exported-metrics.json'));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('spritepal.exportMetrics', target);
    assert.equal(written?.fsPath, target.fsPath);
    const json = JSON.parse(readFileSync(target.fsPath, 'utf8')) as MetricsSnapshot;
    const registry = services.metrics.snapshot();
    assert.equal(json.schemaVersion, 1);
    assert.equal(json.enabled, true);
    // Background work (the gallery's scan) may record more after the export, never less.
    for (const [op, stats] of Object.entries(json.operations)) {
      assert.ok(registry.operations[op], `${op} is in the registry`);
      assert.ok(stats.count <= registry.operations[op]!.count, `${op}: exported ${stats.count} <= live ${registry.operations[op]!.count}`);
    }
    assert.ok(json.operations['hal.decode'] && json.operations['cache.lookup'], 'the decode just made is in the export');
    assert.equal(json.operations['hal.decode']?.count, registry.operations['hal.decode']?.count);
    assert.ok(Object.keys(json.caches).includes('memory'));
  });

  it('monitoring off hides the status item and stops recording; on again brings both back', async () => {
    const { services, monitoring } = await api();
    await config().update('enabled', false, vscode.ConfigurationTarget.Global);
    await waitFor('the item to hide', () => monitoring.statusText() === undefined);
    assert.equal(services.metrics.enabled, false);
    const before = services.metrics.snapshot().operations['cache.lookup']?.count ?? 0;
    await doc.session.decodeBlock(BLOCKS[3]!);
    await doc.session.decodeBlock(BLOCKS[3]!);
    assert.equal(services.metrics.snapshot().operations['cache.lookup']?.count ?? 0, before, 'nothing recorded while off');
    assert.equal(monitoring.refresh().enabled, false);
    const overview = monitoring.treeModel().find((g) => g.id === 'overview')!;
    assert.equal(overview.items.find((it) => it.label === 'Monitoring')?.description, 'off');

    await config().update('enabled', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the item to come back', () => monitoring.statusText());
    assert.equal(services.metrics.enabled, true);
    await doc.session.decodeBlock(BLOCKS[3]!);
    assert.equal(services.metrics.snapshot().operations['cache.lookup']?.count, before + 1, 'recording again');
    assert.match(monitoring.statusText()!, STATUS_FORMAT);
  });
});
