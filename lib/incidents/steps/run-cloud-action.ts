import type { ApiResult } from "@/lib/ports/cloud-controls";
import type { IncidentDeps } from "../deps";
import { addEvent, type EventKind } from "../event-store";

/** A field of a thrown value, read without trusting its type. */
const fieldOf = (err: unknown, name: string): unknown =>
  typeof err === "object" && err !== null ? Reflect.get(err, name) : undefined;

/** Throttling and 5xx refusals (`CloudActionError.transient`): the state machine retries those. */
export const isTransient = (err: unknown): boolean => Boolean(fieldOf(err, "transient"));

/** A thrown error's message, for the timeline. */
export const messageOf = (err: unknown): string => String(fieldOf(err, "message"));

/**
 * Runs one cloud call and puts its real answer on the timeline: the API's result when it
 * succeeded, its error code and message when it refused (then rethrown for Retry/Catch).
 */
export async function runCloudAction(
  deps: IncidentDeps,
  incidentId: string,
  step: string,
  summary: string,
  call: () => Promise<ApiResult>,
  kind: EventKind = "action",
): Promise<ApiResult> {
  try {
    const r = await call();
    await addEvent(deps.db, incidentId, { kind, step, ok: true, summary, detail: r });
    return r;
  } catch (err) {
    await addEvent(deps.db, incidentId, {
      kind,
      step,
      ok: false,
      summary: `${summary} — refused: ${messageOf(err)}`,
      detail: {
        action: fieldOf(err, "action") ?? null,
        code: fieldOf(err, "code") ?? fieldOf(err, "name"),
        message: fieldOf(err, "message"),
        transient: fieldOf(err, "transient") ?? false,
      },
    });
    throw err;
  }
}
