// The application corpus guard (npm run test:corpus): the manifest and the
// triage are checked everywhere; where .corpus-cache/apps/ exists (npm run
// corpus:apps:install), every app is linted with every rule and its reports
// must match tests/corpus/apps-triage.json exactly, so precision on application
// code only changes on purpose. Without the cache (CI, a fresh clone) the lint
// guard says why it did not run.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { APP_KINDS, appMarker, appsCacheDir, isAppInstalled, markerPath, MINIMUM_PER_KIND, readApps } from './apps.mjs';
import { lintApp } from './apps-lint.mjs';
import { defuseRules, loadPlugin } from './lint.mjs';
import { compareWithTriage, readAppsTriage, VERDICTS } from './triage.mjs';

const apps = readApps();
const triage = readAppsTriage();
const plugin = await loadPlugin();
const rules = defuseRules(plugin);
const cached = existsSync(appsCacheDir);

describe('app manifest', () => {
  it('pins each app to a full commit, with a unique name, a known kind and files to lint', () => {
    const malformed = apps.filter(
      (app) =>
        !/^[0-9a-f]{40}$/.test(app.commit) ||
        !/^[\w.-]+\/[\w.-]+$/.test(app.repo) ||
        !APP_KINDS.includes(app.kind) ||
        app.include.length === 0 ||
        app.purpose.trim() === '',
    );
    expect(malformed).toEqual([]);
    expect(new Set(apps.map((app) => app.name)).size).toBe(apps.length);
  });

  it('exports an app again when its commit or its globs change', () => {
    const [app] = apps;
    if (!app) throw new Error('the manifest lists no app');
    const root = mkdtempSync(path.join(tmpdir(), 'defuse-app-marker-'));
    try {
      expect(isAppInstalled(app, root)).toBe(false);
      writeFileSync(markerPath(root), JSON.stringify({ ...appMarker(app), files: 1, missing: [] }));
      expect(isAppInstalled(app, root)).toBe(true);
      expect(isAppInstalled({ ...app, include: [...app.include, '**/*.extra'] }, root)).toBe(false);
      expect(isAppInstalled({ ...app, exclude: [...app.exclude, '**/extra/**'] }, root)).toBe(false);
      expect(isAppInstalled({ ...app, commit: '0'.repeat(40) }, root)).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('holds the mix issue 14 asks for', () => {
    const counts = Object.fromEntries(APP_KINDS.map((kind) => [kind, apps.filter((app) => app.kind === kind).length]));
    const short = APP_KINDS.filter((kind) => (counts[kind] ?? 0) < MINIMUM_PER_KIND[kind]);
    expect(short).toEqual([]);
    expect(apps.length).toBeGreaterThanOrEqual(25);
  });
});

describe('app triage file', () => {
  it('gives every entry a verdict and a one-line reason', () => {
    const malformed = triage.filter(
      (entry) => !VERDICTS.includes(entry.verdict) || entry.reason.trim() === '' || entry.reason.includes('\n'),
    );
    expect(malformed).toEqual([]);
  });

  it('names only apps of the manifest and rules of the plugin', () => {
    const names = new Set(apps.map((app) => app.name));
    const ruleIds = new Set(Object.keys(rules));
    const strays = triage.filter((entry) => !names.has(entry.app) || !ruleIds.has(entry.rule));
    expect(strays).toEqual([]);
  });
});

if (cached) {
  describe.each(apps)('$name ($kind)', (app) => {
    it('is exported at its pinned commit (npm run corpus:apps:install)', () => {
      expect(isAppInstalled(app)).toBe(true);
    });

    it('reports exactly what the triage holds, without crashing or failing to parse', async () => {
      if (!isAppInstalled(app)) throw new Error(`${app.name} is not exported: npm run corpus:apps:install`);
      const result = await lintApp(app, { plugin, rules, typeAware: true, checkSuggestions: true, contextLines: 0 });
      expect(result.crashes).toEqual([]);
      expect(result.parseErrors).toEqual([]);
      expect(result.badSuggestions).toEqual([]);
      const expected = triage.filter((entry) => entry.app === app.name);
      expect(compareWithTriage(result.reports, expected)).toEqual({ unexpected: [], vanished: [] });
    });
  });
} else {
  console.warn(
    `app corpus guard not run: ${appsCacheDir} does not exist (npm run corpus:apps:install exports the apps from git mirrors)`,
  );
}
