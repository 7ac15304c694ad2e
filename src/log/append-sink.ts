// The log file end of the logger: each chunk (one whole line) goes to the O_APPEND descriptor in one
// synchronous write(2). Appends of a single write are atomic on a local file system, so processes sharing
// the file never split each other's lines, and a line is in the kernel before the call returns (a cron
// process that crashes or exits right after logging loses nothing).
import { close, writeSync } from 'node:fs';
import { Writable } from 'node:stream';

export class AppendSink extends Writable {
  /** The first write error; later lines are still attempted (the disk may free up). */
  failure: unknown;
  readonly #fd: number;

  constructor(fd: number) {
    super({ decodeStrings: true });
    this.#fd = fd;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    try {
      writeSync(this.#fd, chunk);
    } catch (error) {
      this.failure ??= error;
    }
    callback();
  }

  /** End the stream and close the descriptor; resolves once it is closed. */
  closeFile(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.end(() => close(this.#fd, (error) => (error ? reject(error) : resolve())));
    });
  }
}
