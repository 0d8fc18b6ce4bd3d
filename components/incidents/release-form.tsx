"use client";

import { type FormEvent, useState } from "react";
import { useReleaseMutation } from "@/components/hooks/queries/use-incidents-query";
import { Button } from "@/components/ui/button";

/** Asks for a release from quarantine; the release itself waits for a second person's approval. */
export function ReleaseForm({ id }: { id: string }) {
  const release = useReleaseMutation(id);
  const [reason, setReason] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    release.mutate({ reason });
  };
  return (
    <form className="flex max-w-xl flex-col gap-2" onSubmit={submit} aria-label="Release">
      <label className="flex flex-col text-sm">
        Why it is safe to release (a second person approves it in the review queue)
        <textarea
          name="reason"
          rows={2}
          required
          minLength={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
      </label>
      <div>
        <Button type="submit" variant="danger" disabled={release.isPending}>
          Request release
        </Button>
      </div>
      {release.isError ? <p role="alert">{release.error.message}</p> : null}
      {release.isSuccess ? <p role="status">Release requested: it waits for approval in the review queue.</p> : null}
    </form>
  );
}
