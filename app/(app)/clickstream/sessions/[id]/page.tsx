import type { Metadata } from "next";
import { SessionDetailView } from "@/components/clickstream/sessions-view";
import { ClickstreamSection } from "../../section";

export const metadata: Metadata = { title: "Session" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <ClickstreamSection path="/clickstream/sessions" tab="/clickstream/sessions">
      <SessionDetailView sessionId={decodeURIComponent(id)} />
    </ClickstreamSection>
  );
}
