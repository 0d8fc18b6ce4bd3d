"use client";

import { type FormEvent, useState } from "react";
import { useCreateChannelMutation } from "@/components/hooks/queries/use-notifications-query";
import { Button } from "@/components/ui/button";
import { FIELD, Labelled } from "@/components/ui/field";
import { TextField } from "@/components/ui/text-field";
import type { ChannelInput } from "@/lib/schemas/notifications";
import { buildChannelInput } from "./channel-input";

/** A new Slack, Telegram or e-mail channel; its secret is write-only (stored encrypted, never shown). */
export function AddChannelForm() {
  const create = useCreateChannelMutation();
  const [kind, setKind] = useState<ChannelInput["kind"]>("slack");
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    create.mutate(buildChannelInput(kind, new FormData(e.currentTarget)), {
      onSuccess: () => (e.target as HTMLFormElement).reset(),
    });
  };
  return (
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
  );
}
