import type { Metadata } from "next";
import Link from "next/link";
import { ReviewDetailView } from "@/components/reviews/review-detail-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { principal } = await requirePagePrincipal(`/reviews/${id}`, rolesFor("/reviews"));
  return (
    <>
      <PageHeader title="Review" />
      <Link href="/reviews" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
        ← Review queue
      </Link>
      <ReviewDetailView id={decodeURIComponent(id)} me={principal?.email ?? ""} />
    </>
  );
}
