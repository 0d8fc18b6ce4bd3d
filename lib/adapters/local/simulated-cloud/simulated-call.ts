import { randomBytes, randomUUID } from "node:crypto";
import { type ApiResult, CloudActionError } from "@/lib/ports/cloud-controls";
import type { Database, Queryable } from "@/lib/ports/database";
import { configuredFault, logApiCall } from "./estate-store";

/** `n` random hex digits, for resource ids shaped like AWS's. */
export const randomHex = (n: number) =>
  randomBytes(Math.ceil(n / 2))
    .toString("hex")
    .slice(0, n);

/** What the simulated API answered: a fresh request id and the detail. */
export const simulatedResult = (action: string, detail: Record<string, unknown>): ApiResult => ({
  action,
  requestId: randomUUID(),
  detail,
});

/**
 * Runs `fn` as API `action`, honouring the faults configured on the instance, and logs the call
 * either way: a refusal outside any transaction, a success in the same transaction as its change.
 */
export async function callSimulated<T>(
  db: Database,
  action: string,
  params: Record<string, unknown>,
  instanceId: string | null,
  fn: (tx: Queryable) => Promise<T>,
): Promise<T> {
  const refusal = instanceId ? await configuredFault(db, action, instanceId) : null;
  if (refusal) {
    await logApiCall(db, action, { ...params, instanceId }, false, `${refusal.code}: ${refusal.message}`);
    throw new CloudActionError(action, refusal.code, refusal.message);
  }
  return db.transaction(async (tx) => {
    const out = await fn(tx);
    await logApiCall(tx, action, instanceId ? { ...params, instanceId } : params, true, null);
    return out;
  });
}
