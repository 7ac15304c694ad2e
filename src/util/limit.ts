// A concurrency limiter: at most `concurrency` tasks run at once, the rest wait in FIFO order.

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** Create a limiter that runs at most `concurrency` tasks at a time. */
export function createLimiter(concurrency: number): Limiter {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next)
      next(); // the slot passes straight to the next task
    else active -= 1;
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active < concurrency) active += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  };
}
