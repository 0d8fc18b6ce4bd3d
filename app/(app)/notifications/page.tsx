import type { Metadata } from "next";
import { NotificationsView } from "@/components/notifications/notifications-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { hasAnyRole } from "@/lib/schemas/auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const { principal } = await requirePagePrincipal("/notifications", rolesFor("/notifications"));
  return (
    <>
      <PageHeader title="Notifications" />
      <NotificationsView admin={hasAnyRole(principal, ["admins"])} />
    </>
  );
}
