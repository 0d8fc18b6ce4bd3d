/**
 * Next calls `register` once when the app server starts: background work (resuming workflow
 * executions, the findings dispatcher) starts here, before the first request, not on it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Replaced at build time (next.config.js): in AWS, Step Functions and EventBridge do this work.
  if (process.env.SIGHTLINE_BUILT_FOR === "aws") return;
  const { startAppServerWork } = await import("./lib/runtime/background");
  await startAppServerWork();
}
