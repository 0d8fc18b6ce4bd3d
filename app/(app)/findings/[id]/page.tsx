import type { Metadata } from "next";
import { BackToList } from "@/components/findings/back-to-list";
import { FindingDetailView } from "@/components/findings/finding-detail-view";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Finding" };

export default async function FindingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { allowed, principal } = await requirePagePrincipal(`/findings/${id}`, rolesFor("/findings"));
  if (!allowed) return <Forbidden section="Findings" />;
  return (
    <>
      <PageHeader title="Finding" />
      <BackToList />
      <FindingDetailView id={decodeURIComponent(id)} me={principal?.email ?? ""} />
    </>
  );
}
