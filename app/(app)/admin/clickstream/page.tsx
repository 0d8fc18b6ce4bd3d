import type { Metadata } from "next";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { PipelineView } from "@/components/admin/pipeline-view";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Clickstream pipeline" };

export default async function PipelinePage() {
  const { allowed } = await requirePagePrincipal("/admin/clickstream", rolesFor("/admin"));
  if (!allowed) return <Forbidden section="Admin" />;
  return (
    <>
      <PageHeader title="Admin" />
      <AdminTabs current="/admin/clickstream" />
      <PipelineView />
    </>
  );
}
