"use client";

import { useReloadAwsIpRangesMutation } from "@/components/hooks/queries/use-aws-ip-ranges-query";
import { Button } from "@/components/ui/button";
import type { AwsIpLookup, AwsIpRangesInfo } from "@/lib/schemas/aws-ip-ranges";

const MUTED = "text-slate-600 dark:text-slate-400";

/** AWS's `createDate` (`2026-12-04-21-13-07`, UTC) as people read it. */
export const publishedOn = (createDate: string) => {
  const m = /^(\d{4}-\d{2}-\d{2})-(\d{2})-(\d{2})/.exec(createDate);
  return m ? `${m[1]} ${m[2]}:${m[3]} UTC` : createDate;
};

const copyNote = (r: AwsIpRangesInfo) =>
  `From AWS's published ranges of ${publishedOn(r.createDate)} (${r.prefixes.toLocaleString()} prefixes in the copy in use).`;

/** Admins: read the ranges again (the data file, or the configured download address). */
function ReloadRanges() {
  const reload = useReloadAwsIpRangesMutation();
  return (
    <div className="mt-2 flex flex-col gap-1">
      <Button variant="secondary" className="self-start" disabled={reload.isPending} onClick={() => reload.mutate()}>
        {reload.isPending ? "Reloading…" : "Reload AWS IP ranges"}
      </Button>
      {reload.isError ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
          {reload.error.message}. The ranges in use are unchanged.
        </p>
      ) : null}
      {reload.data ? (
        <p role="status" className={`text-sm ${MUTED}`}>
          Reloaded {reload.data.prefixes.toLocaleString()} prefixes of {publishedOn(reload.data.createDate)} from{" "}
          <code className="break-all">{reload.data.source}</code>.
        </p>
      ) : null}
    </div>
  );
}

/** Whether AWS publishes this IP address as its own: which service, region and prefix. */
export function AwsIpCard({ aws, canReload }: { aws: AwsIpLookup; canReload: boolean }) {
  return (
    <section aria-labelledby="aws-ip-h" className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <h3 id="aws-ip-h" className="mb-1 font-semibold">
        AWS ownership
      </h3>
      {aws.status === "unavailable" ? (
        <p className="text-sm" data-testid="aws-ip">
          Can’t tell whether AWS owns this address: {aws.reason}.
        </p>
      ) : aws.owners.length > 0 ? (
        <div className="text-sm" data-testid="aws-ip">
          <p className="font-medium">AWS-owned address</p>
          <ul className="mt-1 flex flex-col gap-0.5">
            {aws.owners.map((o) => (
              <li key={`${o.prefix}-${o.region}`} className="break-words">
                {o.services.join(", ")} · {o.region} · <code>{o.prefix}</code>
              </li>
            ))}
          </ul>
          <p className={`mt-1 text-xs ${MUTED}`}>{copyNote(aws.ranges)}</p>
        </div>
      ) : (
        <div className="text-sm" data-testid="aws-ip">
          <p className="font-medium">Not in AWS’s published ranges</p>
          <p className={`mt-1 text-xs ${MUTED}`}>{copyNote(aws.ranges)}</p>
        </div>
      )}
      {canReload ? <ReloadRanges /> : null}
    </section>
  );
}
