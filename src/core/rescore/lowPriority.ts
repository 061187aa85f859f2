/**
 * The pause background re-scoring takes between edits: always gives the event loop a turn, and after a stretch of
 * work longer than `sliceMs` sleeps as long as that stretch took — so the work never holds the thread for more than
 * about one slice plus one edit, and takes at most about half of one core.
 */
export function lowPriority(sliceMs = 10, now: () => number = () => performance.now()): () => Promise<void> {
  let since = now();
  return async () => {
    const worked = now() - since;
    await new Promise((r) => setTimeout(r, worked >= sliceMs ? worked : 0));
    if (worked >= sliceMs) since = now();
  };
}
