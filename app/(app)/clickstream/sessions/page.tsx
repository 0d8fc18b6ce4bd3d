import type { Metadata } from "next";
import { Suspense } from "react";
import { ClickstreamTabs } from "@/components/clickstream/clickstream-tabs";
import { SessionsView } from "@/components/clickstream/sessions-view";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Sessions" };

export default async function Page() {
  const { allowed } = await requirePagePrincipal("/clickstream/sessions", rolesFor("/clickstream"));
  if (!allowed) return <Forbidden section="Clickstream" />;
  return (
    <>
      <PageHeader title="Clickstream" />
      <ClickstreamTabs current="/clickstream/sessions" />
      <Suspense>
        <SessionsView />
      </Suspense>
    </>
  );
}
