// Work done a step at a time: a generator that yields between steps lets a host that must stay
// responsive stop when its slice is over (lsp/next-turn.ts inSlices); finish() runs it at once.

/** Runs a generator's steps at once: its result. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
