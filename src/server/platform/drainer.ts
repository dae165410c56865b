/** A background worker that empties a queue in this process: see `startDrainer`. */
export interface Drainer {
  /** Something was queued: run a pass soon. */
  kick(): void;
  /** Resolves once no pass is running. */
  idle(): Promise<void>;
  /** No pass starts any more; resolves when the running one ends. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` on each kick and every `sweepMs` (for what other processes queued or a crash left),
 * one pass at a time in this process: a kick during a pass runs one more after it. A pass loops
 * while its queue has more and checks `stopped()` between steps. A pass that throws goes to
 * `onError` and the queue waits for the next kick or sweep.
 */
export function startDrainer(pass: (stopped: () => boolean) => Promise<void>, options: { sweepMs: number; onError(err: unknown): void }): Drainer {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const isStopped = () => stopped;
  const drain = async () => {
    do {
      again = false;
      await pass(isStopped);
    } while (again && !stopped);
  };
  const kick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch(options.onError)
      .finally(() => (running = null));
  };
  const idle = async () => {
    while (running) await running;
  };
  const timer = setInterval(kick, options.sweepMs);
  timer.unref();
  kick();
  return {
    kick,
    idle,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await idle();
    },
  };
}
