import type { Queryable } from "@/lib/ports/database";
import type { ApplicationInput } from "@/lib/schemas/applications";

/** An application seen before under this client reference (a retrying client), if any. */
export const findApplicationByReference = async (q: Queryable, reference: string) =>
  (
    await q.query<{ id: string; execution_id: string | null; status: string }>(
      "SELECT id, execution_id, status FROM applications WHERE reference = $1",
      [reference],
    )
  )[0];

export async function insertApplication(
  q: Queryable,
  a: { id: string; submittedBy: string; application: ApplicationInput },
): Promise<void> {
  await q.query("INSERT INTO applications (id, reference, submitted_by, payload) VALUES ($1, $2, $3, $4)", [
    a.id,
    a.application.reference ?? null,
    a.submittedBy,
    JSON.stringify(a.application),
  ]);
}

export async function setApplicationExecution(q: Queryable, id: string, executionId: string): Promise<void> {
  await q.query("UPDATE applications SET execution_id = $2 WHERE id = $1", [id, executionId]);
}

export async function markApplicationInReview(q: Queryable, id: string): Promise<void> {
  await q.query("UPDATE applications SET status = 'in_review', updated_at = now() WHERE id = $1", [id]);
}

/** The final status with the outcome that decided it (approved, rejected, expired or failed). */
export async function recordApplicationOutcome(
  q: Queryable,
  id: string,
  outcome: { status: string } & Record<string, unknown>,
): Promise<void> {
  await q.query("UPDATE applications SET status = $2, outcome = $3, updated_at = now() WHERE id = $1", [
    id,
    outcome.status,
    JSON.stringify(outcome),
  ]);
}

/** The workflow failed: the application keeps what failed. */
export async function markApplicationFailed(
  q: Queryable,
  id: string,
  outcome: { status: "failed"; error: string; cause: string },
): Promise<void> {
  await q.query("UPDATE applications SET status = 'failed', outcome = $2, updated_at = now() WHERE id = $1", [
    id,
    JSON.stringify(outcome),
  ]);
}
