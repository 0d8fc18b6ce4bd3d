"use client";

import { type FormEvent, useState } from "react";
import { useCommentMutation, useReviewCommentsQuery } from "@/components/hooks/queries/use-reviews-query";
import { Button } from "@/components/ui/button";
import { formatWhen } from "@/components/ui/format";

/** The item's discussion: reviewers leave notes for each other, before and after the decision. */
export function ReviewComments({ id }: { id: string }) {
  const { data, isError, error } = useReviewCommentsQuery(id);
  const add = useCommentMutation(id);
  const [body, setBody] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    add.mutate(body.trim(), { onSuccess: () => setBody("") });
  };
  return (
    <section aria-labelledby="comments-h" className="flex min-w-0 flex-col gap-2">
      <h3 id="comments-h" className="font-semibold">
        Comments{data?.comments.length ? ` (${data.comments.length})` : ""}
      </h3>
      {isError ? <p role="alert">{error.message}</p> : null}
      {data && data.comments.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No comments yet. Notes here are seen by every reviewer.
        </p>
      ) : null}
      <ol aria-label="Comment thread" className="flex flex-col gap-2">
        {data?.comments.map((c) => (
          <li key={c.id} className="rounded border border-slate-200 p-2 text-sm dark:border-slate-800">
            <p className="text-xs text-slate-600 dark:text-slate-400">
              <span className="font-medium text-slate-800 dark:text-slate-200">{c.author}</span> · {formatWhen(c.at)}
            </p>
            <p className="whitespace-pre-wrap break-words">{c.body}</p>
          </li>
        ))}
      </ol>
      <form onSubmit={submit} className="flex flex-col gap-2" aria-label="Add a comment">
        <label className="flex flex-col gap-1 text-xs">
          New comment
          <textarea
            name="new-comment"
            rows={2}
            maxLength={4000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
          />
        </label>
        <div>
          <Button type="submit" variant="secondary" disabled={add.isPending || !body.trim()}>
            Add comment
          </Button>
        </div>
        {add.isError ? <p role="alert">{add.error.message}</p> : null}
      </form>
    </section>
  );
}
