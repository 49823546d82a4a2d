/**
 * The VS Code extension (editors/vscode) as CI builds it: `npm run package:vscode` bundles it and
 * `vsce package` writes the .vsix, which must hold the extension's manifest and its bundled client.
 * Also which planlint it starts (editors/vscode/src/server-command.ts), without VS Code.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { serverCommand } from '../../editors/vscode/src/server-command.js';
import { root } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'planlint-vsix-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The entries of a zip file by name, read from its central directory (a .vsix is a zip). */
function unzip(file: string): Map<string, Buffer> {
  const zip = readFileSync(file);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd, 'end of central directory').toBeGreaterThan(0);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const [method, size, nameLength, extraLength, commentLength, local] = [
      zip.readUInt16LE(at + 10),
      zip.readUInt32LE(at + 20),
      zip.readUInt16LE(at + 28),
      zip.readUInt16LE(at + 30),
      zip.readUInt16LE(at + 32),
      zip.readUInt32LE(at + 42),
    ];
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

describe('the VS Code extension', () => {
  it('packages to a .vsix holding its manifest and the bundled client, from npm run package:vscode', () => {
    const env = { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' };
    const run = spawnSync('npm', ['run', 'package:vscode', '--', '--out', `${work}/`], { cwd: root, encoding: 'utf8', env, timeout: 150_000 });
    expect(run.status, run.stderr + run.stdout).toBe(0);
    const vsix = readdirSync(work).filter((f) => f.endsWith('.vsix'));
    expect(vsix).toEqual(['planlint-vscode-0.1.0.vsix']);
    const entries = unzip(join(work, vsix[0]!));
    expect([...entries.keys()].sort()).toEqual(['[Content_Types].xml', 'extension.vsixmanifest', 'extension/LICENSE.txt', 'extension/out/extension.js', 'extension/package.json', 'extension/readme.md']);

    const manifest = JSON.parse(entries.get('extension/package.json')!.toString('utf8')) as {
      main: string;
      engines: { vscode: string };
      activationEvents: string[];
      contributes: { configuration: { properties: Record<string, { type: string; default: unknown }> } };
      capabilities?: { untrustedWorkspaces?: unknown };
    };
    expect(manifest).toEqual(expect.objectContaining({ main: './out/extension.js', activationEvents: ['onLanguage:yaml', 'onLanguage:json'] }));
    expect(manifest.engines.vscode).toMatch(/^\^1\.\d+\.\d+$/);
    expect(manifest.contributes.configuration.properties['planlint.path']).toEqual(expect.objectContaining({ type: 'string', default: '' }));
    // The workspace's code runs only when the user allows it in their own settings, in a trusted workspace.
    expect(manifest.contributes.configuration.properties['planlint.trustWorkspaceCode']).toEqual(expect.objectContaining({ type: 'boolean', default: false, scope: 'application' }));
    expect(manifest.capabilities?.untrustedWorkspaces).toEqual(expect.objectContaining({ supported: 'limited', restrictedConfigurations: ['planlint.path', 'planlint.trustWorkspaceCode'] }));

    // The client is bundled: it needs only VS Code's own module and Node's at run time.
    const client = entries.get('extension/out/extension.js')!.toString('utf8');
    expect(client).toContain('"--stdio"');
    expect(client).toContain('node_modules');
    const required = [...client.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!);
    expect(required).toContain('vscode');
    expect(required.filter((name) => name !== 'vscode' && !/^(node:)?[a-z_]+$/.test(name))).toEqual([]);
  });

  describe('starts the planlint the project installs', () => {
    const folder = '/work/case-files';
    const installed = (path: string) => path === '/work/case-files/node_modules/.bin/planlint';

    it("the workspace's node_modules/.bin/planlint, then planlint on PATH", () => {
      expect(serverCommand(undefined, [folder], 'linux', installed)).toEqual({ command: '/work/case-files/node_modules/.bin/planlint', args: ['lsp', '--stdio'], shell: false });
      expect(serverCommand('', ['/elsewhere', folder], 'linux', installed).command).toBe('/work/case-files/node_modules/.bin/planlint');
      expect(serverCommand(undefined, ['/elsewhere'], 'linux', installed)).toEqual({ command: 'planlint', args: ['lsp', '--stdio'], shell: false });
      expect(serverCommand(undefined, [], 'linux', installed).command).toBe('planlint');
    });

    it("in an untrusted workspace, never the workspace's own planlint (it is the workspace's code)", () => {
      expect(serverCommand(undefined, [folder], 'linux', installed, { trusted: false })).toEqual({ command: 'planlint', args: ['lsp', '--stdio'], shell: false });
    });

    it('planlint.path when set: a command on PATH, an absolute path, or a path from the first workspace folder', () => {
      expect(serverCommand('planlint-dev', [folder], 'linux', installed).command).toBe('planlint-dev');
      expect(serverCommand('/opt/planlint/bin/planlint.js', [folder], 'linux', installed).command).toBe('/opt/planlint/bin/planlint.js');
      expect(serverCommand('tools/planlint', [folder], 'linux', installed).command).toBe('/work/case-files/tools/planlint');
    });

    it("on Windows, npm's .cmd shim through a shell", () => {
      const windows = (path: string) => path.endsWith('planlint.cmd');
      expect(serverCommand(undefined, [folder], 'win32', windows)).toEqual(expect.objectContaining({ command: join(folder, 'node_modules', '.bin', 'planlint.cmd'), shell: true }));
      expect(serverCommand(undefined, [], 'win32', windows)).toEqual(expect.objectContaining({ command: 'planlint.cmd', shell: true }));
    });
  });
});
