import type { Metadata } from "next";
import { Suspense } from "react";
import { ActivityView } from "@/components/findings/activity-view";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Activity" };

export default async function Page() {
  const { allowed } = await requirePagePrincipal("/activity", rolesFor("/activity"));
  if (!allowed) return <Forbidden section="Activity" />;
  return (
    <>
      <PageHeader title="Activity" />
      <Suspense>
        <ActivityView />
      </Suspense>
    </>
  );
}
