"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import {
  useDeleteSavedViewMutation,
  useSavedViewsQuery,
  useSaveViewMutation,
} from "@/components/hooks/queries/use-saved-views-query";
import { Button } from "@/components/ui/button";
import { FIELD } from "@/components/ui/field";
import { SavedViewInput } from "@/lib/schemas/saved-views";
import { describeProblems } from "./problem-text";

const viewHref = (query: string) => `/findings${query ? `?${query}` : ""}`;

/** Save the filter on screen under a name. */
function SaveViewForm({ query, onClose }: { query: string; onClose: () => void }) {
  const save = useSaveViewMutation();
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = SavedViewInput.safeParse({ name, query });
    setProblem(input.success ? null : describeProblems(input.error));
    if (input.success) save.mutate(input.data, { onSuccess: onClose });
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label="Save this view">
      <label className="flex flex-col text-xs">
        View name
        <input
          name="view-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          className={FIELD}
          maxLength={80}
          // biome-ignore lint/a11y/noAutofocus: the form opens on a click that asks to type a name
          autoFocus
        />
      </label>
      <Button type="submit" disabled={save.isPending}>
        Save view
      </Button>
      <Button variant="secondary" onClick={onClose}>
        Cancel
      </Button>
      {problem || save.isError ? (
        <p role="alert" className="basis-full text-sm">
          {problem ?? save.error?.message}
        </p>
      ) : null}
    </form>
  );
}

/**
 * The person's saved views: each is a link to its filter, so opening one applies it and its address
 * can be shared; a view saved under a name already used replaces that one.
 */
export function SavedViews({ query }: { query: string }) {
  const views = useSavedViewsQuery();
  const remove = useDeleteSavedViewMutation();
  const [saving, setSaving] = useState(false);
  const list = views.data?.views ?? [];
  return (
    <section aria-label="Saved views" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">Views</span>
      {list.map((v) => (
        <span
          key={v.id}
          className={`flex items-center rounded-full border ${v.query === query ? "border-sky-600 bg-sky-50 dark:bg-sky-950" : "border-slate-300 dark:border-slate-700"}`}
        >
          <Link
            href={viewHref(v.query)}
            className="py-0.5 pl-3 hover:underline"
            aria-current={v.query === query || undefined}
          >
            {v.name}
          </Link>
          <button
            type="button"
            className="px-2 py-0.5 text-slate-600 hover:text-rose-700 dark:text-slate-400"
            aria-label={`Delete the view ${v.name}`}
            onClick={() => remove.mutate(v.id)}
          >
            ×
          </button>
        </span>
      ))}
      {list.length === 0 && views.data ? (
        <span className="text-slate-600 dark:text-slate-400">none saved yet</span>
      ) : null}
      {saving ? (
        <SaveViewForm query={query} onClose={() => setSaving(false)} />
      ) : (
        <Button variant="secondary" className="py-1" onClick={() => setSaving(true)}>
          Save this view…
        </Button>
      )}
      {remove.isError ? <p role="alert">{remove.error.message}</p> : null}
    </section>
  );
}
