// Process entry of the bundle (dist/cli-entry.cjs): wires the real process to main() and sets the exit code.
import { writeSync } from 'node:fs';
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

// Output goes straight to the file descriptor: creating process.stdout loads Node's stream machinery (~3 ms
// of every cron-started process). A reader that goes away (`scflows list-tasks | head -3`) must not crash a
// command half-way: further output is dropped and the command finishes its work. A non-blocking descriptor
// (EAGAIN) falls back to the stream.
function writer(fd: 1 | 2, stream: () => NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  let viaStream = false;
  return (text) => {
    if (closed) return;
    if (viaStream) {
      stream().write(text);
      return;
    }
    const bytes = Buffer.from(text);
    let offset = 0;
    try {
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') {
        closed = true;
      } else if (code === 'EAGAIN') {
        viaStream = true;
        stream().on('error', (e: NodeJS.ErrnoException) => {
          if (e.code !== 'EPIPE') throw e;
          closed = true;
        });
        stream().write(bytes.subarray(offset));
      } else {
        throw error;
      }
    }
  };
}
const stdout = writer(1, () => process.stdout);
const stderr = writer(2, () => process.stderr);

async function start(): Promise<number> {
  const argv = process.argv.slice(2);
  const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const fast = fastPath(argv, helpFileOf(projectDir));
  if (fast?.kind === 'help') {
    // `run-device --help` / `list-tasks --help` print yargs' captured text without loading anything else.
    stdout(`${fast.text}\n`);
    return 0;
  }
  const { main } = await import('./main.js');
  return main({
    argv,
    env: process.env,
    projectDir,
    execPath: process.execPath,
    stdout,
    stderr,
    signal: controller.signal,
  });
}

// No top-level await: the same entry works as an ES module and as CommonJS.
start().then((code) => {
  process.exitCode = code;
});
