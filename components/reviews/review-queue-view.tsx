"use client";

import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { useReviewsQuery } from "@/components/hooks/queries/use-reviews-query";
import { BulkDecision } from "./bulk-decision";
import { ReviewQueueFilters } from "./review-queue-filters";
import { ReviewQueueTable } from "./review-queue-table";

/** Items from every workflow, soonest due first; filters live in the URL. */
export function ReviewQueueView({ me }: { me: string }) {
  const params = useSearchParams();
  const { data, isError, error } = useReviewsQuery(params.toString());
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const pick = (ids: string[], on: boolean) => {
    const next = new Set(picked);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    setPicked(next);
  };
  const decided = (params.get("status") ?? "pending") !== "pending";
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <ReviewQueueFilters assignees={data?.assignees ?? []} me={me} />
      <BulkDecision picked={picked} items={data?.items ?? []} onDone={() => setPicked(new Set())} />
      {isError ? <p role="alert">{error.message}</p> : null}
      {!data ? (
        <p>Loading…</p>
      ) : (
        <ReviewQueueTable items={data.items} me={me} decided={decided} picked={picked} onPick={pick} />
      )}
      {data && data.items.length === 0 ? <p className="text-sm">Nothing here.</p> : null}
    </div>
  );
}
