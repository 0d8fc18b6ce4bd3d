"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { useSavedFunnelsQuery, useSaveFunnelMutation } from "@/components/hooks/queries/use-funnel-query";
import { Button } from "@/components/ui/button";
import { FIELD } from "@/components/ui/field";
import { Section } from "@/components/ui/section";
import { buildFunnelQuery, type FunnelForm } from "@/lib/schemas/funnel-form";

/** Saves the form as it is being edited, and lists saved funnels; saving opens the saved one. */
export function SavedFunnels({ form }: { form: FunnelForm }) {
  const router = useRouter();
  const pathname = usePathname();
  const list = useSavedFunnelsQuery();
  const save = useSaveFunnelMutation();
  const [name, setName] = useState("");
  const onSave = () =>
    save.mutate(
      { name, definition: buildFunnelQuery(form) },
      { onSuccess: (s) => router.push(`${pathname}?saved=${s.id}`) },
    );
  return (
    <Section title="Saved funnels" className="flex flex-col gap-2 text-sm">
      <div className="flex items-center gap-2">
        <input
          aria-label="Funnel name"
          placeholder="name"
          className={FIELD}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <Button variant="secondary" disabled={!name.trim() || save.isPending} onClick={onSave}>
          Save funnel
        </Button>
        {save.isError ? <span role="alert">{save.error.message}</span> : null}
      </div>
      <ul className="list-disc pl-5">
        {(list.data ?? []).map((s) => (
          <li key={s.id}>
            <Link className="text-sky-700 hover:underline dark:text-sky-400" href={`${pathname}?saved=${s.id}`}>
              {s.name}
            </Link>{" "}
            <span className="text-slate-500">
              by {s.createdBy}, {new Date(s.createdAt).toLocaleString()}
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}
