import type { Metadata } from "next";
import { Suspense } from "react";
import { ClickstreamTabs } from "@/components/clickstream/clickstream-tabs";
import { SessionDetailView } from "@/components/clickstream/sessions-view";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Session" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { allowed } = await requirePagePrincipal("/clickstream/sessions", rolesFor("/clickstream"));
  if (!allowed) return <Forbidden section="Clickstream" />;
  const { id } = await params;
  return (
    <>
      <PageHeader title="Clickstream" />
      <ClickstreamTabs current="/clickstream/sessions" />
      <Suspense>
        <SessionDetailView sessionId={decodeURIComponent(id)} />
      </Suspense>
    </>
  );
}
