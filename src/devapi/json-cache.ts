// A size-bounded cache of serialised device documents: a second search pass over a large simulated
// fleet costs almost nothing, while memory stays bounded (oldest entries are evicted first).

export class JsonCache {
  readonly #entries = new Map<string, { key: string; json: string }>();
  readonly #maxChars: number;
  #chars = 0;

  constructor(maxChars = 96 * 1024 * 1024) {
    this.#maxChars = maxChars;
  }

  /** The cached text for `slot` if it was stored under the same `key`. */
  get(slot: string, key: string): string | undefined {
    const entry = this.#entries.get(slot);
    return entry?.key === key ? entry.json : undefined;
  }

  set(slot: string, key: string, json: string): void {
    this.delete(slot);
    this.#entries.set(slot, { key, json });
    this.#chars += json.length;
    for (const [oldest, entry] of this.#entries) {
      if (this.#chars <= this.#maxChars) break;
      this.#entries.delete(oldest);
      this.#chars -= entry.json.length;
    }
  }

  delete(slot: string): void {
    const entry = this.#entries.get(slot);
    if (entry === undefined) return;
    this.#entries.delete(slot);
    this.#chars -= entry.json.length;
  }
}
