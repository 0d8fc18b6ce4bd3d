import type { Metadata } from "next";
import { Suspense } from "react";
import { EntityView } from "@/components/findings/entity-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Entity" };

export default async function Page() {
  const { principal } = await requirePagePrincipal("/entities", rolesFor("/findings"));
  return (
    <>
      <PageHeader title="Entity" />
      <Suspense>
        <EntityView canReloadRanges={principal.roles.includes("admins")} />
      </Suspense>
    </>
  );
}
