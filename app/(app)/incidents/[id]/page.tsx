import type { Metadata } from "next";
import Link from "next/link";
import { IncidentDetailView } from "@/components/incidents/incident-detail-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Incident" };

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePagePrincipal(`/incidents/${id}`, rolesFor("/incidents"));
  return (
    <>
      <PageHeader title="Incident" />
      <Link href="/incidents" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
        ← All incidents
      </Link>
      <IncidentDetailView id={decodeURIComponent(id)} />
    </>
  );
}
