import type { Metadata } from "next";
import { OverviewView } from "@/components/clickstream/overview-view";
import { ClickstreamSection } from "./section";

export const metadata: Metadata = { title: "Clickstream overview" };

export default function Page() {
  return (
    <ClickstreamSection path="/clickstream" tab="/clickstream">
      <OverviewView />
    </ClickstreamSection>
  );
}
