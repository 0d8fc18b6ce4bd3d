import type { Metadata } from "next";
import { TrendsView } from "@/components/clickstream/trends/trends-view";
import { ClickstreamSection } from "../section";

export const metadata: Metadata = { title: "Trends" };

export default function Page() {
  return (
    <ClickstreamSection path="/clickstream/trends" tab="/clickstream/trends">
      <TrendsView />
    </ClickstreamSection>
  );
}
