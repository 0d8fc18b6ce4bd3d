import type { Metadata } from "next";
import { Suspense } from "react";
import { ActivityView } from "@/components/findings/activity-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Activity" };

export default async function Page() {
  await requirePagePrincipal("/activity", rolesFor("/activity"));
  return (
    <>
      <PageHeader title="Activity" />
      <Suspense>
        <ActivityView />
      </Suspense>
    </>
  );
}
