import type { Database } from "@/lib/ports/database";
import type { Json } from "@/lib/ports/workflow-engine";
import { findTaskByToken } from "./execution-store";

export interface Waiter {
  resolve: (v: Json) => void;
  reject: (e: Error) => void;
  /** Stops waiting without an answer (the execution ended without one). */
  cancel: () => void;
}

/** Callback tasks waited on in this process, by token. */
export type Waiters = Map<string, Waiter>;

export const namedError = (name: string, message: string) => Object.assign(new Error(message), { name });

type Decision = { done: true; value: Json } | { done: false };

/** The task row's answer: approved → the output, rejected/expired → the error the ASL catches. */
async function readDecision(db: Database, token: string): Promise<Decision> {
  const task = await findTaskByToken(db, token);
  if (task?.status === "approved")
    return { done: true, value: { taskId: task.id, decidedBy: task.decided_by, comment: task.comment } };
  if (task?.status === "rejected") throw namedError("Rejected", task.comment ?? "rejected");
  if (task?.status === "expired") throw namedError("States.Timeout", "the review SLA passed");
  return { done: false };
}

/**
 * Waits for the decision on a callback task. The task row is the truth: it answers at once when
 * already decided, and is polled while waiting, so a decision written by another process (a CLI,
 * a second server) resumes this execution too; an in-process decision wakes it without the wait.
 */
export async function waitForDecision(db: Database, waiters: Waiters, token: string, pollMs: number): Promise<Json> {
  const first = await readDecision(db, token);
  if (first.done) return first.value;
  return new Promise<Json>((resolve, reject) => {
    const timer = setInterval(() => {
      readDecision(db, token)
        .then((r) => {
          if (!r.done || !waiters.has(token)) return;
          waiters.delete(token);
          clearInterval(timer);
          resolve(r.value);
        })
        .catch((err: Error) => {
          if (!waiters.has(token) || err.message.includes("Connection terminated")) return;
          waiters.delete(token);
          clearInterval(timer);
          reject(err);
        });
    }, pollMs);
    timer.unref?.();
    waiters.set(token, {
      resolve: (v) => {
        clearInterval(timer);
        resolve(v);
      },
      reject: (e) => {
        clearInterval(timer);
        reject(e);
      },
      cancel: () => clearInterval(timer),
    });
  });
}
