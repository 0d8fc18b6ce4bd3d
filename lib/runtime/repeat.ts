/**
 * Runs `job` every `everyMs` in this process, never two at once (a tick that finds the previous
 * run still going is skipped). A failure is logged with `label` and the next tick runs as usual.
 * Returns the stop function. The timer does not keep the process alive.
 */
export function repeatWithoutOverlap(
  label: string,
  everyMs: number,
  job: () => Promise<void>,
  log: (m: string) => void,
): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await job();
    } catch (err) {
      log(`${label}: failed: ${(err as Error).message}`);
    } finally {
      running = false;
    }
  }, everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
