import { type ReactNode, Suspense } from "react";
import { ClickstreamTabs } from "@/components/clickstream/clickstream-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { rolesFor } from "@/lib/schemas/navigation";

type Tab = Parameters<typeof ClickstreamTabs>[0]["current"];

/** A clickstream page: admins only (checked on the server), header, tabs, then the view. */
export async function ClickstreamSection({ path, tab, children }: { path: string; tab: Tab; children: ReactNode }) {
  await requirePagePrincipal(path, rolesFor("/clickstream"));
  return (
    <>
      <PageHeader title="Clickstream" />
      <ClickstreamTabs current={tab} />
      <Suspense>{children}</Suspense>
    </>
  );
}
