import type { Metadata } from "next";
import { Suspense } from "react";
import { FindingsView } from "@/components/findings/findings-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Findings" };

export default async function Page() {
  const { principal } = await requirePagePrincipal("/findings", rolesFor("/findings"));
  return (
    <>
      <PageHeader title="Findings" />
      <Suspense>
        <FindingsView me={principal?.email ?? ""} />
      </Suspense>
    </>
  );
}
