// Bundles the CLI into dist/ with esbuild as CommonJS files: one small entry (dist/cli-entry.cjs) and one
// bundle per lazily imported module (every `import('./…')` target in src/: command modules, main, yargs
// wiring, the logger, the run store…), each required only when used. CommonJS because Node 20 loads it
// faster than ES modules, and cron starts one process per device (docs/cold-start.md). src/errors.ts is a
// bundle of its own that all others require, so `instanceof AppError` holds across bundles.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? walk(file) : file.endsWith('.ts') ? [file] : [];
  });

// Separate bundles: the entry, the shared errors module, and every target of a relative dynamic import.
const separate = new Set([path.join(src, 'cli', 'entry.ts'), path.join(src, 'errors.ts')]);
for (const file of walk(src)) {
  for (const match of readFileSync(file, 'utf8').matchAll(/import\(\s*'(\.[^']+)'\s*\)/g)) {
    separate.add(path.resolve(path.dirname(file), match[1]).replace(/\.js$/, '.ts'));
  }
}
/** src/cli/main.ts -> cli-main (all bundles sit side by side in dist/). */
const bundleName = (file) => path.relative(src, file).replace(/\.ts$/, '').replaceAll(path.sep, '-');

const separateBundles = {
  name: 'separate-bundles',
  setup(b) {
    b.onResolve({ filter: /^\./ }, (args) => {
      const file = path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
      if (!separate.has(file) || file === args.importer) return undefined;
      return { path: `./${bundleName(file)}.cjs`, external: true };
    });
  },
};

rmSync(dist, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries([...separate].map((file) => [bundleName(file), file])),
  outdir: dist,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  minifySyntax: true,
  minifyWhitespace: true,
  // import() of our bundles becomes require(): no ES module loader at all.
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "var __importMetaUrl=require('node:url').pathToFileURL(__filename).href;" },
  external: ['better-sqlite3'],
  // got's optional HTTP/2 module builds a TLS context at import (~30 ms); scflows never uses HTTP/2.
  alias: { 'http2-wrapper': './scripts/stubs/http2-wrapper.mjs' },
  plugins: [separateBundles],
  logLevel: 'warning',
});

// The help of the commands on the cron fast path, as yargs prints it (src/cli/fast-path.ts).
const help = {};
for (const command of ['run-device', 'list-tasks']) {
  const out = execFileSync(process.execPath, [path.join(dist, 'cli-entry.cjs'), command, '--help'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
  });
  help[command] = out.replace(/\n$/, '');
}
writeFileSync(path.join(dist, 'help.json'), `${JSON.stringify(help, null, 2)}\n`);
