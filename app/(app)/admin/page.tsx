import type { Metadata } from "next";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { UsersView } from "@/components/admin/users-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const { principal } = await requirePagePrincipal("/admin", rolesFor("/admin"));
  return (
    <>
      <PageHeader title="Admin" />
      <AdminTabs current="/admin" />
      <UsersView selfId={principal.id} />
    </>
  );
}
