import type { Metadata } from "next";
import { Suspense } from "react";
import { IncidentsView } from "@/components/incidents/incidents-view";
import { PageHeader } from "@/components/ui/page-header";
import { env } from "@/lib/env";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { hasAnyRole } from "@/lib/schemas/auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage() {
  const { principal } = await requirePagePrincipal("/incidents", rolesFor("/incidents"));
  return (
    <>
      <PageHeader title="Incidents" />
      <Suspense>
        <IncidentsView canGenerate={env().SIGHTLINE_BACKEND === "local" && hasAnyRole(principal, ["admins"])} />
      </Suspense>
    </>
  );
}
