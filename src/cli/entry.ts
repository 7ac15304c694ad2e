// Process entry of the bundle (dist/cli.js): wires the real process to main() and sets the exit code.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fastPath, helpFileOf } from './fast-path.js';

const controller = new AbortController();
const onSignal = (signal: NodeJS.Signals) => {
  controller.abort(signal);
  // Give the command a moment to finish its current step, then leave with the usual 128+n code.
  setTimeout(() => process.exit(signal === 'SIGINT' ? 130 : 143), 10_000).unref();
};
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);

// A reader that goes away (`scflows list-tasks | head -3`) must not crash a command half-way: further
// output is dropped and the command finishes its work.
const closed = new Set<NodeJS.WriteStream>();
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed.add(stream);
  });
}
const writer = (stream: NodeJS.WriteStream) => (text: string) => {
  if (!closed.has(stream)) stream.write(text);
};

const argv = process.argv.slice(2);
const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fast = fastPath(argv, helpFileOf(projectDir));
if (fast?.kind === 'help') {
  // `run-device --help` / `list-tasks --help` print yargs' captured text without loading anything else.
  writer(process.stdout)(`${fast.text}\n`);
} else {
  const { main } = await import('./main.js');
  process.exitCode = await main({
    argv,
    env: process.env,
    projectDir,
    execPath: process.execPath,
    stdout: writer(process.stdout),
    stderr: writer(process.stderr),
    signal: controller.signal,
  });
}
