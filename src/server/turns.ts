/**
 * Requests take the event loop in turns: each request's synchronous work (its SQLite queries, its JSON)
 * runs in an event-loop turn of its own, in arrival order.
 *
 * Why: Node's listener (libuv 1.45 and later) accepts one new connection per event-loop turn, and the
 * store's queries are synchronous. When every ready request ran in the turn that read it, a turn under
 * load held 50 requests (hundreds of ms), so a burst of new connections was accepted one per such turn;
 * under `npm run load` the last of 100 connections waited in the kernel's accept queue longer than the
 * client's 10 s time-out (docs/BENCHMARKS.md has the trace). One request a turn keeps turns as short as
 * one request, so connections are accepted, and timers fire, between requests; the work is the same.
 */
export type TakeTurn = () => Promise<void>;

export function takeTurns(): TakeTurn {
  const waiting: Array<() => void> = [];
  let scheduled = false;
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    // An immediate queued while immediates run waits for the next turn: one request per turn.
    setImmediate(release);
  };
  function release(): void {
    scheduled = false;
    // The request resumes in the microtasks right after this callback, still in this turn.
    waiting.shift()?.();
    if (waiting.length > 0) schedule();
  }
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      schedule();
    });
}
