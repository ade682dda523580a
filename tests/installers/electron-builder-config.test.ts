import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
// js-yaml is what electron-builder itself reads its YAML config with (it has no types here).
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

type Target = { target: string; arch: string[] };
interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  directories: { buildResources: string };
  publish: { provider: string; url: string }[];
  win: { target: Target[]; icon: string };
  nsis: Record<string, unknown>;
  linux: { target: Target[]; icon: string };
}

const config = yaml.load(
  readFileSync(resolve(ROOT, 'electron-builder.yml'), 'utf8'),
) as BuilderConfig;

/** electron-builder's own JSON schema of its configuration, compiled once. */
function validator() {
  const schema = JSON.parse(
    readFileSync(resolve(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
  ) as object;
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's JSON schema, and the schema catches a misspelt key", () => {
    const validate = validator();
    const ok = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
    expect(validate({ ...config, nsis: { ...config.nsis, perMachin: true } })).toBe(false);
  });

  it('names the app and packs it in asar', () => {
    expect(config.appId).toBe('cn.example.servicehall.console');
    expect(config.productName).toBe('营业厅服务台');
    expect(config.asar).toBe(true);
  });

  it('builds the Windows NSIS installer: per machine, zh-CN, shortcuts', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      installerLanguages: ['zh_CN'],
      language: '2052',
      createDesktopShortcut: 'always',
      createStartMenuShortcut: true,
    });
  });

  it('builds deb and AppImage for x64 and arm64 (统信 UOS, 麒麟)', () => {
    const arches = Object.fromEntries(config.linux.target.map((t) => [t.target, t.arch]));
    expect(arches).toEqual({ deb: ['x64', 'arm64'], AppImage: ['x64', 'arm64'] });
  });

  it('publishes to a generic server for electron-updater', () => {
    expect(config.publish).toHaveLength(1);
    expect(config.publish[0]!.provider).toBe('generic');
    expect(config.publish[0]!.url).toMatch(/^https:\/\//);
  });

  it('has every icon it names, made from build/icon.svg', () => {
    const files = [
      'build/icon.svg',
      config.win.icon,
      'build/icon.icns',
      'build/icon.png',
      ...[16, 32, 48, 64, 128, 256, 512].map((s) => `${config.linux.icon}/${s}x${s}.png`),
    ];
    expect(files.filter((f) => !existsSync(resolve(ROOT, f)))).toEqual([]);
    const ico = readFileSync(resolve(ROOT, config.win.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // an icon file
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(7); // 16 … 256 px
  });
});
