import type { Metadata } from "next";
import { Suspense } from "react";
import { RulesView } from "@/components/detections/rules-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { hasAnyRole } from "@/lib/schemas/auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Detection rules" };

export default async function Page() {
  const { principal } = await requirePagePrincipal("/rules", rolesFor("/rules"));
  return (
    <>
      <PageHeader title="Detection rules" />
      <Suspense>
        <RulesView isAdmin={hasAnyRole(principal, ["admins"])} />
      </Suspense>
    </>
  );
}
