"use client";

import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { useReviewsQuery } from "@/components/hooks/queries/use-reviews-query";
import { BulkDecision } from "./bulk-decision";
import { ReviewQueueFilters } from "./review-queue-filters";
import { ReviewQueueTable } from "./review-queue-table";

/** Pending items from every workflow, soonest due first; filters live in the URL. */
export function ReviewQueueView() {
  const params = useSearchParams();
  const { data, isError, error } = useReviewsQuery(params.toString());
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const toggle = (id: string) => {
    const next = new Set(picked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setPicked(next);
  };
  return (
    <div className="flex flex-col gap-4">
      <ReviewQueueFilters />
      <BulkDecision picked={picked} onDone={() => setPicked(new Set())} />
      {isError ? <p role="alert">{error.message}</p> : null}
      {!data ? <p>Loading…</p> : <ReviewQueueTable items={data.items} picked={picked} onToggle={toggle} />}
      {data && data.items.length === 0 ? <p className="text-sm">Nothing here.</p> : null}
    </div>
  );
}
