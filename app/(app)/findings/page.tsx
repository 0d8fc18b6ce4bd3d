import type { Metadata } from "next";
import { SectionPlaceholder } from "../section-placeholder";

export const metadata: Metadata = { title: "Findings" };

export default function FindingsPage() {
  return (
    <SectionPlaceholder
      href="/findings"
      message="Findings from GuardDuty and Sightline's detections will appear here once the lake has data."
    />
  );
}
