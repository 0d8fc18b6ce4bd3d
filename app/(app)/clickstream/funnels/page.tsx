import type { Metadata } from "next";
import { FunnelBuilder } from "@/components/clickstream/funnel-builder";
import { ClickstreamSection } from "../section";

export const metadata: Metadata = { title: "Funnels" };

export default function Page() {
  return (
    <ClickstreamSection path="/clickstream/funnels" tab="/clickstream/funnels">
      <FunnelBuilder />
    </ClickstreamSection>
  );
}
