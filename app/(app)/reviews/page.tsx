import type { Metadata } from "next";
import { SectionPlaceholder } from "../section-placeholder";

export const metadata: Metadata = { title: "Reviews" };

export default function ReviewsPage() {
  return (
    <SectionPlaceholder href="/reviews" message="Paused workflow tasks waiting for a decision will be listed here." />
  );
}
