import type { Metadata } from "next";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { AuditView } from "@/components/admin/audit-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  await requirePagePrincipal("/admin/audit", rolesFor("/admin"));
  return (
    <>
      <PageHeader title="Admin" />
      <AdminTabs current="/admin/audit" />
      <AuditView />
    </>
  );
}
