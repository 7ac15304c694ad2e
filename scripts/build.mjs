// Bundles src/cli/main.ts into dist/ with esbuild: one small entry chunk plus lazily loaded chunks per
// command, so cron's per-device process start pays only for what the command uses (see docs/cold-start.md).
import { rmSync } from 'node:fs';
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
  banner: {
    js: "import { createRequire as __scflowsCreateRequire } from 'node:module'; const require = __scflowsCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
