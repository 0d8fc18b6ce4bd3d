import type { Metadata } from "next";
import { Suspense } from "react";
import { ClickstreamTabs } from "@/components/clickstream/clickstream-tabs";
import { FunnelBuilder } from "@/components/clickstream/funnel-builder";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Funnels" };

export default async function Page() {
  const { allowed } = await requirePagePrincipal("/clickstream/funnels", rolesFor("/clickstream"));
  if (!allowed) return <Forbidden section="Clickstream" />;
  return (
    <>
      <PageHeader title="Clickstream" />
      <ClickstreamTabs current="/clickstream/funnels" />
      <Suspense>
        <FunnelBuilder />
      </Suspense>
    </>
  );
}
