"use client";

import { useSuppressionsQuery } from "@/components/hooks/queries/use-findings-query";
import { ScrollArea } from "@/components/ui/scroll-area";
import { SuppressionForm } from "./suppression-form";
import { SuppressionsTable } from "./suppressions-table";

/** Suppression rules: type + resource/principal pattern (`*` = anything) + optional expiry. */
export function SuppressionsView() {
  const { data, isError, error } = useSuppressionsQuery();
  return (
    <div className="flex flex-col gap-6">
      <SuppressionForm />
      {isError ? <p role="alert">{error.message}</p> : null}
      {data ? (
        <ScrollArea className="overflow-x-auto">
          <SuppressionsTable rules={data.rules} />
        </ScrollArea>
      ) : (
        <p>Loading…</p>
      )}
      {data && data.rules.length === 0 ? <p className="text-sm">No suppression rules.</p> : null}
    </div>
  );
}
