// Yielding to the event loop between slices of work, on Node and in a Web Worker alike. Node has
// setImmediate (after pending I/O); a worker has none, and setTimeout(0) is clamped to 4 ms once
// nested, a third of a slice: a MessageChannel message comes back on the next task instead.
type Callback = () => void;

function messageChannelSoon(): (callback: Callback) => void {
  const queue: Callback[] = [];
  const channel = new MessageChannel();
  // A worker's MessagePort (Node's types describe Node's own).
  (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => queue.shift()?.();
  return (callback) => {
    queue.push(callback);
    channel.port2.postMessage(undefined);
  };
}

/** Runs `callback` on a later turn of the event loop, after the pending messages and I/O. */
export const soon: (callback: Callback) => void =
  typeof setImmediate === 'function' ? (callback) => void setImmediate(callback) : messageChannelSoon();

/** Resolves on the next turn of the event loop (after pending I/O and requests). */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => soon(resolve));

/**
 * Resolves two turns later: a request read during the first turn (its handler is queued behind
 * ours) is answered before the work that awaits this goes on. Slices of background work use it.
 */
export const afterRequests = async (): Promise<void> => {
  await nextTurn();
  await nextTurn();
};

/** Runs a generator's steps in slices of `sliceMs` milliseconds, with afterRequests between two slices. */
export async function inSlices<T>(steps: Generator<void, T>, sliceMs: number): Promise<T> {
  let sliceStart = Date.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (Date.now() - sliceStart >= sliceMs) {
      await afterRequests();
      sliceStart = Date.now();
    }
  }
}

/**
 * Waits for `pending`, doing `work` in slices of `sliceMs` meanwhile (it returns true when it has
 * nothing left; it is given the slice's deadline in Date.now() milliseconds).
 */
export async function whileWaiting<T>(pending: Promise<T>, work: (deadline: number) => boolean, sliceMs: number): Promise<T> {
  let settled = false;
  void pending.then(
    () => (settled = true),
    () => (settled = true),
  );
  // One microtask: a promise already settled has said so (most reads are; a check aside takes long).
  await Promise.resolve();
  while (!settled && !work(Date.now() + sliceMs)) await afterRequests();
  return pending;
}
