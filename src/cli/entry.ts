// Process entry of the bundle (dist/cli.js): wires the real process to main() and sets the exit code.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './main.js';

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

process.exitCode = await main({
  argv: process.argv.slice(2),
  env: process.env,
  projectDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'),
  execPath: process.execPath,
  stdout: writer(process.stdout),
  stderr: writer(process.stderr),
  signal: controller.signal,
});
