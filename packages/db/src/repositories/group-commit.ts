// Group commit: calls that arrive while earlier ones are being written are queued and written
// together, in one transaction, so N concurrent requests wait for one WAL flush instead of N.
// Nothing waits for a timer: an idle system writes each call at once, a busy one in batches.

export interface GroupCommitOptions {
  /** Batches in flight at once. */
  concurrency: number;
  /** The most calls written in one batch. */
  maxBatch: number;
}

/**
 * `write` stores a batch in one transaction and returns one settled result per item, in order
 * (it decides what one item's failure means for the others).
 */
export function groupCommit<I, O>(
  write: (items: I[]) => Promise<PromiseSettledResult<O>[]>,
  opts: GroupCommitOptions,
): (item: I) => Promise<O> {
  const queue: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  let running = 0;

  function pump(): void {
    while (running < opts.concurrency && queue.length > 0) {
      const batch = queue.splice(0, opts.maxBatch);
      running++;
      write(batch.map((b) => b.item))
        .then(
          (results) =>
            batch.forEach((b, i) => {
              const r = results[i];
              if (r?.status === 'fulfilled') b.resolve(r.value);
              else b.reject(r ? r.reason : new Error('group commit: no result for this item'));
            }),
          (err: unknown) => batch.forEach((b) => b.reject(err)),
        )
        .finally(() => {
          running--;
          pump();
        });
    }
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      pump();
    });
}
