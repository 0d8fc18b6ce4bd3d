import type { Metadata } from "next";
import { PathsView } from "@/components/clickstream/paths-view";
import { ClickstreamSection } from "../section";

export const metadata: Metadata = { title: "Paths" };

export default function Page() {
  return (
    <ClickstreamSection path="/clickstream/paths" tab="/clickstream/paths">
      <PathsView />
    </ClickstreamSection>
  );
}
