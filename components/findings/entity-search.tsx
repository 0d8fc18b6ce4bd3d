"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { guessEntityKind } from "@/lib/schemas/entities";
import { entityHref } from "./entity-links";

const HOW =
  "Enter an IP address (203.0.113.10), an ARN (arn:aws:…), an EC2 instance id (i-…) or an access key id (AKIA… or ASIA…).";

/** One box for any entity: its kind is told from the value's shape. */
export function EntitySearch({ initial = "" }: { initial?: string }) {
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = value.trim();
    const kind = guessEntityKind(v);
    if (!kind) {
      setProblem(v ? `“${v}” is not something this page can look up. ${HOW}` : HOW);
      return;
    }
    setProblem(null);
    router.push(entityHref(kind, v));
  };
  return (
    <search aria-label="Look up an entity">
      <form onSubmit={submit} className="flex flex-col gap-1" noValidate>
        <label htmlFor={id} className="text-sm font-medium">
          IP address, ARN, instance id or access key id
        </label>
        <div className="flex min-w-0 gap-2">
          <input
            id={id}
            type="search"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            placeholder="e.g. 34.228.10.20"
            aria-invalid={problem ? true : undefined}
            className="w-full min-w-0 max-w-xl rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
          />
          <Button type="submit" className="shrink-0 whitespace-nowrap">
            Look up
          </Button>
        </div>
        {problem ? (
          <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
            {problem}
          </p>
        ) : null}
      </form>
    </search>
  );
}
