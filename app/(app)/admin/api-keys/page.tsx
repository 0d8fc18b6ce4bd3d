import type { Metadata } from "next";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { ApiKeysView } from "@/components/admin/api-keys-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requirePagePrincipal("/admin/api-keys", rolesFor("/admin"));
  return (
    <>
      <PageHeader title="Admin" />
      <AdminTabs current="/admin/api-keys" />
      <ApiKeysView />
    </>
  );
}
