import type { Metadata } from "next";
import { SectionPlaceholder } from "../section-placeholder";

export const metadata: Metadata = { title: "Clickstream" };

export default function ClickstreamPage() {
  return (
    <SectionPlaceholder
      href="/clickstream"
      message="Funnels and product reports arrive with the clickstream pipeline."
    />
  );
}
