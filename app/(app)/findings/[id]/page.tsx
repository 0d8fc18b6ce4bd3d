import type { Metadata } from "next";
import { BackToList } from "@/components/findings/back-to-list";
import { FindingDetailView } from "@/components/findings/finding-detail-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Finding" };

export default async function FindingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { principal } = await requirePagePrincipal(`/findings/${id}`, rolesFor("/findings"));
  return (
    <>
      <PageHeader title="Finding" />
      <BackToList />
      <FindingDetailView id={decodeURIComponent(id)} me={principal?.email ?? ""} />
    </>
  );
}
