// Optional Rack::Attack-like throttling (spec §8.3): at most `limit` requests per client address per
// window of the injected clock; requests carrying the admin token are never throttled.

export interface ThrottleOptions {
  /** Requests allowed per window and address (the real server: 150). */
  readonly limit: number;
  /** Window length in seconds (default 60). */
  readonly windowSeconds?: number;
}

export class Throttle {
  readonly #limit: number;
  readonly #window: number;
  #current = Number.NaN;
  readonly #counts = new Map<string, number>();

  constructor(options: ThrottleOptions) {
    this.#limit = options.limit;
    this.#window = options.windowSeconds ?? 60;
  }

  /** Count a request; true when it is over the limit. */
  hit(address: string, nowSec: number): boolean {
    const window = Math.floor(nowSec / this.#window);
    if (window !== this.#current) {
      this.#current = window;
      this.#counts.clear();
    }
    const count = (this.#counts.get(address) ?? 0) + 1;
    this.#counts.set(address, count);
    return count > this.#limit;
  }
}
