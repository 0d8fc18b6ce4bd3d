"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useSavedFunnelsQuery, useSaveFunnelMutation } from "@/components/hooks/queries/use-funnel-query";
import { Button } from "@/components/ui/button";
import { FIELD } from "@/components/ui/field";
import { Section } from "@/components/ui/section";
import { buildFunnelQuery, type FunnelForm } from "@/lib/schemas/funnel-form";
import { SavedFunnelItem } from "./saved-funnel-item";

/**
 * Saves the form as it is being edited, and lists saved funnels; saving opens the saved one. `me`
 * (the signed-in person's email) may rename and delete the funnels they saved.
 */
export function SavedFunnels({ form, me }: { form: FunnelForm; me: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const openId = useSearchParams().get("saved");
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
      {list.data?.length === 0 ? <p>No saved funnels yet.</p> : null}
      <ul className="flex list-disc flex-col gap-1 pl-5" aria-label="Saved funnels">
        {(list.data ?? []).map((s) => (
          <li key={s.id}>
            <SavedFunnelItem
              funnel={s}
              href={`${pathname}?saved=${s.id}`}
              mine={s.createdBy === me}
              onDeleted={() => {
                if (openId === s.id) router.push(pathname);
              }}
            />
          </li>
        ))}
      </ul>
    </Section>
  );
}
