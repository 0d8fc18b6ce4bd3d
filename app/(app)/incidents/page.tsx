import type { Metadata } from "next";
import { Suspense } from "react";
import { IncidentsView } from "@/components/incidents/incidents-view";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { env } from "@/lib/env";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { hasAnyRole } from "@/lib/schemas/auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage() {
  const { allowed, principal } = await requirePagePrincipal("/incidents", rolesFor("/incidents"));
  if (!allowed) return <Forbidden section="Incidents" />;
  return (
    <>
      <PageHeader title="Incidents" />
      <Suspense>
        <IncidentsView canGenerate={env().SIGHTLINE_BACKEND === "local" && hasAnyRole(principal, ["admins"])} />
      </Suspense>
    </>
  );
}
