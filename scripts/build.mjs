// Bundles src/cli/main.ts into dist/ with esbuild: one small entry chunk plus lazily loaded chunks per
// command, so cron's per-device process start pays only for what the command uses (see docs/cold-start.md).
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/entry.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  minifySyntax: true,
  minifyWhitespace: true,
  chunkNames: 'chunks/[name]-[hash]',
  external: ['better-sqlite3'],
  alias: { 'http2-wrapper': './scripts/stubs/http2-wrapper.mjs' },
  banner: {
    js: "import { createRequire as __scflowsCreateRequire } from 'node:module'; const require = __scflowsCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

// The help of the commands on the cron fast path, as yargs prints it (src/cli/fast-path.ts).
const help = {};
for (const command of ['run-device', 'list-tasks']) {
  const out = execFileSync(process.execPath, [path.join(root, 'dist', 'cli.js'), command, '--help'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
  });
  help[command] = out.replace(/\n$/, '');
}
writeFileSync(path.join(root, 'dist', 'help.json'), `${JSON.stringify(help, null, 2)}\n`);
