import type { Metadata } from "next";
import { RetentionView } from "@/components/clickstream/retention/retention-view";
import { ClickstreamSection } from "../section";

export const metadata: Metadata = { title: "Retention" };

export default function Page() {
  return (
    <ClickstreamSection path="/clickstream/retention" tab="/clickstream/retention">
      <RetentionView />
    </ClickstreamSection>
  );
}
