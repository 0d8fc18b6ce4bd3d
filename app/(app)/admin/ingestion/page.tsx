import type { Metadata } from "next";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { IngestionView } from "@/components/admin/ingestion-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Ingestion" };

export default async function IngestionPage() {
  await requirePagePrincipal("/admin/ingestion", rolesFor("/admin"));
  return (
    <>
      <PageHeader title="Admin" />
      <AdminTabs current="/admin/ingestion" />
      <IngestionView />
    </>
  );
}
