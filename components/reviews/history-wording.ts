import type { ReviewDetailDto } from "@/lib/schemas/reviews";

type HistoryEvent = ReviewDetailDto["history"][number];

/** `PendingReview` → "Pending review"; `RequestApproval` → "Request approval". */
export const stateInWords = (state: string) => {
  const words = state.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const textOf = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

/**
 * One workflow event as a reviewer would say it, or null for the bookkeeping nobody needs (states
 * left, errors caught, branches started). A rejection reads as a rejection, not as a failed state.
 */
export function describeEvent(e: HistoryEvent): string | null {
  const state = e.state ? `“${stateInWords(e.state)}”` : "";
  const error = textOf(e.detail.error);
  const cause = textOf(e.detail.cause);
  if (error === "Rejected") return cause && cause !== "rejected" ? `Rejected: “${cause}”` : "Rejected";
  if (error === "States.Timeout") return `No decision in time at ${state || "this step"}`;
  switch (e.type) {
    case "ExecutionStarted":
      return "Workflow started";
    case "ExecutionSucceeded":
      return "Workflow finished";
    case "ExecutionAborted":
      return "Workflow stopped";
    case "ExecutionTimeout":
    case "ExecutionTimedOut":
      return "Workflow ran out of time";
    case "StateEntered":
      return state ? `Reached ${state}` : null;
    case "StateRetried":
      return `Tried ${state} again`;
  }
  if (/Failed$/.test(e.type)) {
    const what = e.type.startsWith("Execution") ? "Workflow" : state || "A step";
    return `${what} failed${cause ? `: ${cause}` : error ? `: ${error}` : ""}`;
  }
  return null;
}
