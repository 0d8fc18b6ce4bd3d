"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { SeverityBadge } from "@/components/findings/findings-view";
import {
  useChannelsQuery,
  useCreateChannelMutation,
  useDeleteChannelMutation,
  useInAppQuery,
  useOutboxQuery,
  useTestChannelMutation,
} from "@/components/hooks/queries/use-incidents-query";
import { Button } from "@/components/ui/button";
import { FIELD, Labelled } from "@/components/ui/field";
import { JsonDetails } from "@/components/ui/json-details";
import { Section } from "@/components/ui/section";
import { ROW, TableHead, TD } from "@/components/ui/table";
import { TextField } from "@/components/ui/text-field";
import { type ChannelInput, NOTIFICATION_STATUSES } from "@/lib/schemas/notifications";

function InAppCentre() {
  const { data, isError, error } = useInAppQuery();
  if (isError) return <p role="alert">{error.message}</p>;
  if (!data) return <p>Loading…</p>;
  if (!data.items.length) return <p className="text-sm">Nothing yet.</p>;
  return (
    <ul className="flex flex-col gap-2" aria-label="In-app notifications">
      {data.items.map((n) => {
        const p = n.payload as { lines?: string[]; link?: string | null };
        return (
          <li key={n.id} className="rounded border border-slate-200 p-3 text-sm dark:border-slate-800">
            <div className="flex items-center gap-2">
              <SeverityBadge severity={n.severity} />
              {p.link ? (
                <Link href={p.link} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
                  {n.title}
                </Link>
              ) : (
                <span className="font-medium">{n.title}</span>
              )}
              <span className="ml-auto text-xs text-slate-500">{new Date(n.createdAt).toLocaleString()}</span>
            </div>
            {p.lines?.length ? (
              <p className="mt-1 text-slate-600 dark:text-slate-400">{p.lines.slice(0, 3).join(" · ")}</p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function Channels() {
  const { data, isError, error } = useChannelsQuery();
  const create = useCreateChannelMutation();
  const remove = useDeleteChannelMutation();
  const test = useTestChannelMutation();
  const [kind, setKind] = useState<ChannelInput["kind"]>("slack");
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => String(f.get(k) ?? "").trim();
    const common = {
      name: s("name"),
      minSeverity: Number(s("minSeverity")),
      rateLimit: Number(s("rateLimit")),
      windowSeconds: Number(s("windowSeconds")),
    };
    const input: ChannelInput =
      kind === "slack"
        ? { kind, ...common, ...(s("webhookUrl") ? { webhookUrl: s("webhookUrl") } : {}) }
        : kind === "telegram"
          ? { kind, ...common, chatId: s("chatId"), ...(s("botToken") ? { botToken: s("botToken") } : {}) }
          : {
              kind,
              ...common,
              to: s("to")
                .split(/[\s,]+/)
                .filter(Boolean),
            };
    create.mutate(input, { onSuccess: () => (e.target as HTMLFormElement).reset() });
  };
  return (
    <div className="flex flex-col gap-4">
      {isError ? <p role="alert">{error.message}</p> : null}
      <table className="w-full text-sm" aria-label="Channels">
        <TableHead columns={["Name", "Kind", "Delivery", "From severity", "Limit", "Sent this window", "Held", ""]} />
        <tbody>
          {data?.channels.map((c) => (
            <tr key={c.id} className={ROW}>
              <td className={TD}>{c.name}</td>
              <td className={TD}>{c.kind}</td>
              <td className={TD}>{c.delivery === "outbox" ? "outbox only (no secret configured)" : "delivered"}</td>
              <td className={TD}>{c.minSeverity}</td>
              <td className={TD}>
                {c.rateLimit} / {c.windowSeconds}s
              </td>
              <td className={TD}>{c.sentLastWindow}</td>
              <td className={TD}>{c.held}</td>
              <td className={TD}>
                <div className="flex gap-2">
                  <Button
                    variant="secondary"
                    disabled={test.isPending}
                    onClick={() => test.mutate(c.id)}
                    aria-label={`Send a test message to ${c.name}`}
                  >
                    Test
                  </Button>
                  {c.kind !== "inapp" ? (
                    <Button variant="secondary" onClick={() => remove.mutate(c.id)} aria-label={`Remove ${c.name}`}>
                      Remove
                    </Button>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {test.data ? (
        <p role="status" className="text-sm">
          Test message: {test.data.status}
          {test.data.error ? ` — ${test.data.error}` : ""} (the exact payload is in the outbox below)
        </p>
      ) : null}
      {test.isError ? <p role="alert">{test.error.message}</p> : null}
      <form onSubmit={submit} className="grid max-w-3xl grid-cols-2 gap-3" aria-label="Add channel">
        <Labelled label="Kind">
          <select className={FIELD} value={kind} onChange={(e) => setKind(e.target.value as ChannelInput["kind"])}>
            <option value="slack">Slack (incoming webhook)</option>
            <option value="telegram">Telegram (bot)</option>
            <option value="email">E-mail (SES)</option>
          </select>
        </Labelled>
        <TextField label="Channel name" name="name" required maxLength={80} />
        {kind === "slack" ? (
          <TextField
            label="Webhook URL (stored encrypted, never shown again; empty = outbox only)"
            name="webhookUrl"
            type="password"
            autoComplete="off"
          />
        ) : null}
        {kind === "telegram" ? (
          <>
            <TextField
              label="Bot token (stored encrypted; empty = outbox only)"
              name="botToken"
              type="password"
              autoComplete="off"
            />
            <TextField label="Chat id" name="chatId" required />
          </>
        ) : null}
        {kind === "email" ? <TextField label="Recipients (comma-separated)" name="to" required /> : null}
        <TextField label="From severity (1–5)" name="minSeverity" type="number" min={1} max={5} defaultValue={3} />
        <TextField label="At most (messages)" name="rateLimit" type="number" min={1} defaultValue={10} />
        <TextField label="Per (seconds)" name="windowSeconds" type="number" min={10} defaultValue={600} />
        <div className="col-span-2">
          <Button type="submit" disabled={create.isPending}>
            Add channel
          </Button>
          {create.isError ? <p role="alert">{create.error.message}</p> : null}
        </div>
      </form>
    </div>
  );
}

function Outbox() {
  const [channel, setChannel] = useState("");
  const [status, setStatus] = useState("");
  const { data, isError, error } = useOutboxQuery(channel, status);
  const channels = useChannelsQuery();
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <Labelled label="Channel">
          <select className={FIELD} value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="">All</option>
            {channels.data?.channels.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled label="Status">
          <select className={FIELD} value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">All</option>
            {NOTIFICATION_STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </Labelled>
        {data ? (
          <p className="text-sm" data-testid="outbox-totals">
            {Object.entries(data.totals)
              .map(([k, v]) => `${k} ${v}`)
              .join(" · ")}
          </p>
        ) : null}
      </div>
      {isError ? <p role="alert">{error.message}</p> : null}
      <table className="w-full text-sm" aria-label="Outbox">
        <TableHead columns={["Time", "Channel", "Status", "Kind", "Message (exact payload)"]} />
        <tbody>
          {data?.items.map((n) => (
            <tr key={n.id} className={ROW}>
              <td className={`${TD} whitespace-nowrap`}>{new Date(n.createdAt).toLocaleString()}</td>
              <td className={TD}>
                {n.channelId} ({n.channelKind})
              </td>
              <td className={TD}>
                {n.status}
                {n.error ? <div className="text-xs text-rose-700">{n.error}</div> : null}
              </td>
              <td className={TD}>{n.kind}</td>
              <td className={TD}>
                <JsonDetails summary={n.title} value={n.payload} empty="(not rendered: nothing was sent)" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function NotificationsView({ admin }: { admin: boolean }) {
  return (
    <div className="flex flex-col gap-8">
      <Section title="Notification centre">
        <InAppCentre />
      </Section>
      {admin ? (
        <>
          <Section title="Channels">
            <Channels />
          </Section>
          <Section title="Outbox">
            <Outbox />
          </Section>
        </>
      ) : null}
    </div>
  );
}
