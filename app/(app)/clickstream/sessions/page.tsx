import type { Metadata } from "next";
import { SessionsView } from "@/components/clickstream/sessions-view";
import { ClickstreamSection } from "../section";

export const metadata: Metadata = { title: "Sessions" };

export default function Page() {
  return (
    <ClickstreamSection path="/clickstream/sessions" tab="/clickstream/sessions">
      <SessionsView />
    </ClickstreamSection>
  );
}
