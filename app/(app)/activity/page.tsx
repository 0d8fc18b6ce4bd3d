import type { Metadata } from "next";
import { SectionPlaceholder } from "../section-placeholder";

export const metadata: Metadata = { title: "Activity" };

export default function ActivityPage() {
  return (
    <SectionPlaceholder href="/activity" message="CloudTrail activity search arrives with the lake query layer." />
  );
}
