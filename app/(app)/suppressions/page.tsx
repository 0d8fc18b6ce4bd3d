import type { Metadata } from "next";
import { Suspense } from "react";
import { SuppressionsView } from "@/components/findings/suppressions-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Suppression rules" };

export default async function Page() {
  await requirePagePrincipal("/suppressions", rolesFor("/findings"));
  return (
    <>
      <PageHeader title="Suppression rules" />
      <Suspense>
        <SuppressionsView />
      </Suspense>
    </>
  );
}
