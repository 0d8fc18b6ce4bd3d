/**
 * One list of things to stop when the process is asked to end. It lives on `globalThis` because the
 * app server's background work is started inside Next's bundle (instrumentation.ts) while the
 * signal arrives in our HTTP front (scripts/next-server.ts): two copies of this module, one list.
 */
type Stop = () => Promise<void> | void;
const holder = globalThis as unknown as { __sightlineShutdown?: Stop[] };

/** Adds `stop` to what `runShutdown` runs (last added, first stopped). */
export function onShutdown(stop: Stop): void {
  holder.__sightlineShutdown ??= [];
  holder.__sightlineShutdown.push(stop);
}

/** Runs every registered stop once, newest first; a failing one is logged and the rest still run. */
export async function runShutdown(log: (m: string) => void = console.error): Promise<void> {
  const stops = holder.__sightlineShutdown ?? [];
  holder.__sightlineShutdown = [];
  for (const stop of stops.reverse()) {
    try {
      await stop();
    } catch (err) {
      log(`shutdown: ${(err as Error).message}`);
    }
  }
}
