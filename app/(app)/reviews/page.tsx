import type { Metadata } from "next";
import { Suspense } from "react";
import { ReviewQueueView } from "@/components/reviews/review-queue-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Reviews" };

export default async function ReviewsPage() {
  const { principal } = await requirePagePrincipal("/reviews", rolesFor("/reviews"));
  return (
    <>
      <PageHeader title="Review queue" />
      <Suspense>
        <ReviewQueueView me={principal.email} />
      </Suspense>
    </>
  );
}
