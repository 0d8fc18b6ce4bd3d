import type { Metadata } from "next";
import { Suspense } from "react";
import { RulesView } from "@/components/detections/rules-view";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { hasAnyRole } from "@/lib/schemas/auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Detection rules" };

export default async function Page() {
  const { allowed, principal } = await requirePagePrincipal("/rules", rolesFor("/rules"));
  if (!allowed) return <Forbidden section="Rules" />;
  return (
    <>
      <PageHeader title="Detection rules" />
      <Suspense>
        <RulesView isAdmin={hasAnyRole(principal, ["admins"])} />
      </Suspense>
    </>
  );
}
