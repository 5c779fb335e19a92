/** The test command's browser step: finds a Chromium, or says in one line what is missing. */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from '../../scripts/chromium-path.mjs';

const SCRIPT = fileURLToPath(new URL('../../scripts/ensure-chromium.mjs', import.meta.url));

function fakeBrowserDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tlib-chromium-'));
  writeFileSync(join(dir, name), '#!/bin/sh\nexit 0\n');
  chmodSync(join(dir, name), 0o755);
  return dir;
}

describe('ensure-chromium', () => {
  it('finds chromium or chromium-browser on PATH, and nothing on an empty PATH', () => {
    const dir = fakeBrowserDir('chromium-browser');
    expect(chromiumPath({ PATH: dir })).toBe(join(dir, 'chromium-browser'));
    expect(chromiumPath({ PATH: mkdtempSync(join(tmpdir(), 'tlib-empty-')) }, [])).toBeUndefined();
  });

  it('finds Google Chrome too, on PATH or where it installs itself', () => {
    const dir = fakeBrowserDir('google-chrome');
    expect(chromiumPath({ PATH: dir }, [])).toBe(join(dir, 'google-chrome'));
    const empty = mkdtempSync(join(tmpdir(), 'tlib-empty-'));
    expect(chromiumPath({ PATH: empty }, ['/nonexistent/chrome', join(dir, 'google-chrome')])).toBe(join(dir, 'google-chrome'));
  });

  it('says what it needs instead of installing when asked to', () => {
    const empty = mkdtempSync(join(tmpdir(), 'tlib-empty-'));
    const run = spawnSync(process.execPath, [SCRIPT], { env: { PATH: `${empty}`, TLIB_KIT_INSTALL_CHROMIUM: '0' }, encoding: 'utf8' });
    if (chromiumPath({ PATH: empty })) return expect(run.status).toBe(0); // a Chrome installed where Chrome installs itself
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('none was found. Install Chromium or Google Chrome');
  });

  it('takes CHROMIUM_PATH over PATH, and exits 1 naming it when it is not executable', () => {
    const dir = fakeBrowserDir('chromium');
    expect(chromiumPath({ CHROMIUM_PATH: join(dir, 'chromium'), PATH: '' })).toBe(join(dir, 'chromium'));
    const run = spawnSync(process.execPath, [SCRIPT], { env: { ...process.env, CHROMIUM_PATH: join(dir, 'absent') }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`CHROMIUM_PATH=${join(dir, 'absent')} is not an executable file`);
  });

  it('exits 0 without installing anything when a browser is there', () => {
    const dir = fakeBrowserDir('chromium');
    const run = spawnSync(process.execPath, [SCRIPT], { env: { ...process.env, CHROMIUM_PATH: undefined, PATH: dir }, encoding: 'utf8' });
    expect(run).toMatchObject({ status: 0, stderr: '' });
  });
});
