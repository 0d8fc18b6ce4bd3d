import Link from "next/link";
import type { ReactNode } from "react";
import { ScrollArea } from "@/components/ui/scroll-area";
import type { ActivityRow } from "@/lib/schemas/activity";
import { guessEntityKind } from "@/lib/schemas/entities";
import { entityHref, principalHref } from "./entity-links";

const LINK = "text-sky-700 underline-offset-2 hover:underline dark:text-sky-400 break-all";
const PRE =
  "max-h-80 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-2 text-xs dark:bg-slate-900 dark:text-slate-200";

const yesNo = (v: boolean | null) => (v === null ? "Not recorded" : v ? "Yes" : "No");

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

/** The resources a record names besides its caller, each opening its entity page. */
function Resources({ e }: { e: ActivityRow }) {
  const links = [
    ...e.resources.arn.filter((a) => a !== e.principal).map((v) => ({ kind: "arn" as const, v })),
    ...e.resources.instance.map((v) => ({ kind: "instance" as const, v })),
    ...e.resources.accessKey.filter((k) => k !== e.accessKeyId).map((v) => ({ kind: "access-key" as const, v })),
  ];
  if (links.length === 0) return <>None named</>;
  return (
    <ul className="flex flex-col gap-0.5">
      {links.map(({ kind, v }) => (
        <li key={`${kind}-${v}`}>
          <Link className={LINK} href={entityHref(kind, v)}>
            {v}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** One CloudTrail record in full: who, from where, how (user agent, MFA, session), and what was asked. */
export function ActivityRecord({ e }: { e: ActivityRow }) {
  return (
    <div className="flex flex-col gap-3 py-2 text-sm" data-testid="activity-record">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
        <Item label="Time (UTC)">{e.time.replace("T", " ").replace("Z", "")}</Item>
        <Item label="Event ID">{e.eventId ?? "—"}</Item>
        <Item label="Account">{e.accountId ?? "—"}</Item>
        <Item label="Caller">
          {e.principal ? (
            <Link className={LINK} href={principalHref(e.principal)}>
              {e.principal}
            </Link>
          ) : (
            "—"
          )}
          {e.userType ? <span className="text-slate-600 dark:text-slate-400"> ({e.userType})</span> : null}
        </Item>
        <Item label="Access key">
          {e.accessKeyId ? (
            <Link className={LINK} href={entityHref("access-key", e.accessKeyId)}>
              {e.accessKeyId}
            </Link>
          ) : (
            "—"
          )}
        </Item>
        <Item label="MFA used">{yesNo(e.mfaAuthenticated)}</Item>
        <Item label="Session issuer">
          {e.sessionIssuer?.arn ? (
            <>
              <Link className={LINK} href={entityHref("arn", e.sessionIssuer.arn)}>
                {e.sessionIssuer.arn}
              </Link>
              {e.sessionIssuer.type ? ` (${e.sessionIssuer.type})` : null}
            </>
          ) : (
            "None (long-term credentials or a service)"
          )}
        </Item>
        <Item label="User agent">
          <span className="break-all">{e.userAgent ?? "—"}</span>
        </Item>
        <Item label="Source address">
          {e.sourceIp && guessEntityKind(e.sourceIp) === "ip" ? (
            <Link className={LINK} href={entityHref("ip", e.sourceIp)}>
              {e.sourceIp}
            </Link>
          ) : (
            (e.sourceIp ?? "—")
          )}
        </Item>
        <Item label="Read-only">{yesNo(e.readOnly)}</Item>
        {e.errorCode ? (
          <Item label="Error">
            <span className="text-rose-700 dark:text-rose-400">{e.errorCode}</span>
            {e.errorMessage ? `: ${e.errorMessage}` : null}
          </Item>
        ) : null}
        <Item label="Resources named">
          <Resources e={e} />
        </Item>
      </dl>
      <div className="grid min-w-0 gap-3 lg:grid-cols-2">
        <div className="min-w-0">
          <h4 className="text-xs font-medium text-slate-600 dark:text-slate-400">Request parameters</h4>
          <ScrollArea as="pre" className={PRE}>
            {e.requestParameters === null ? "None" : JSON.stringify(e.requestParameters, null, 2)}
          </ScrollArea>
        </div>
        <div className="min-w-0">
          <h4 className="text-xs font-medium text-slate-600 dark:text-slate-400">Response</h4>
          <ScrollArea as="pre" className={PRE}>
            {e.responseElements === null ? "None" : JSON.stringify(e.responseElements, null, 2)}
          </ScrollArea>
        </div>
      </div>
    </div>
  );
}
