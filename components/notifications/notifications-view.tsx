"use client";

import { useChannelsQuery } from "@/components/hooks/queries/use-notifications-query";
import { Section } from "@/components/ui/section";
import { AddChannelForm } from "./add-channel-form";
import { ChannelsTable } from "./channels-table";
import { InAppCentre } from "./in-app-centre";
import { Outbox } from "./outbox";

function Channels() {
  const { data, isError, error } = useChannelsQuery();
  return (
    <div className="flex flex-col gap-4">
      {isError ? <p role="alert">{error.message}</p> : null}
      <ChannelsTable channels={data?.channels} />
      <AddChannelForm />
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
