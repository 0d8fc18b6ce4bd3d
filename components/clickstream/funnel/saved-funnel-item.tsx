"use client";

import Link from "next/link";
import { useState } from "react";
import { useDeleteFunnelMutation, useRenameFunnelMutation } from "@/components/hooks/queries/use-funnel-query";
import { Button } from "@/components/ui/button";
import { FIELD } from "@/components/ui/field";
import type { SavedFunnel } from "@/lib/schemas/clickstream-reports";

const LINK = "text-sky-700 hover:underline dark:text-sky-400";

function RenameForm({ funnel, onDone }: { funnel: SavedFunnel; onDone: () => void }) {
  const rename = useRenameFunnelMutation();
  const [name, setName] = useState(funnel.name);
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      aria-label={`Rename ${funnel.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        rename.mutate({ id: funnel.id, name }, { onSuccess: onDone });
      }}
    >
      <input aria-label="New name" className={FIELD} value={name} onChange={(e) => setName(e.target.value)} />
      <Button type="submit" disabled={!name.trim() || rename.isPending}>
        Save name
      </Button>
      <Button type="button" variant="secondary" onClick={onDone}>
        Cancel
      </Button>
      {rename.isError ? <span role="alert">{rename.error.message}</span> : null}
    </form>
  );
}

function ConfirmDelete({
  funnel,
  onCancel,
  onDeleted,
}: {
  funnel: SavedFunnel;
  onCancel: () => void;
  onDeleted: () => void;
}) {
  const remove = useDeleteFunnelMutation();
  return (
    <div role="alertdialog" aria-label={`Delete ${funnel.name}?`} className="flex flex-wrap items-center gap-2">
      <span>Delete “{funnel.name}” for everyone it is shared with? This cannot be undone.</span>
      <Button
        variant="danger"
        disabled={remove.isPending}
        onClick={() => remove.mutate(funnel.id, { onSuccess: onDeleted })}
      >
        Delete funnel
      </Button>
      <Button variant="secondary" onClick={onCancel}>
        Keep it
      </Button>
      {remove.isError ? <span role="alert">{remove.error.message}</span> : null}
    </div>
  );
}

/** One saved funnel: open it; its owner can rename it or delete it (after confirming). */
export function SavedFunnelItem({
  funnel: s,
  href,
  mine,
  onDeleted,
}: {
  funnel: SavedFunnel;
  href: string;
  mine: boolean;
  onDeleted: () => void;
}) {
  const [mode, setMode] = useState<"view" | "rename" | "delete">("view");
  if (mode === "rename") return <RenameForm funnel={s} onDone={() => setMode("view")} />;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-x-2">
        <Link className={LINK} href={href}>
          {s.name}
        </Link>
        <span className="text-slate-600 dark:text-slate-400">
          by {mine ? "you" : s.createdBy}, {new Date(s.createdAt).toLocaleString()}
        </span>
        {mine && mode === "view" ? (
          <>
            <button type="button" className={LINK} aria-label={`Rename ${s.name}`} onClick={() => setMode("rename")}>
              Rename
            </button>
            <button
              type="button"
              className="text-rose-700 hover:underline dark:text-rose-400"
              aria-label={`Delete ${s.name}`}
              onClick={() => setMode("delete")}
            >
              Delete
            </button>
          </>
        ) : null}
      </div>
      {mode === "delete" ? <ConfirmDelete funnel={s} onCancel={() => setMode("view")} onDeleted={onDeleted} /> : null}
    </div>
  );
}
