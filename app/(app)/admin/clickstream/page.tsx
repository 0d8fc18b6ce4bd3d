import type { Metadata } from "next";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { PipelineView } from "@/components/admin/pipeline-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Clickstream pipeline" };

export default async function PipelinePage() {
  await requirePagePrincipal("/admin/clickstream", rolesFor("/admin"));
  return (
    <>
      <PageHeader title="Admin" />
      <AdminTabs current="/admin/clickstream" />
      <PipelineView />
    </>
  );
}
