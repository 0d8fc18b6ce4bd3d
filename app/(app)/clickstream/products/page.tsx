import type { Metadata } from "next";
import { Suspense } from "react";
import { ClickstreamTabs } from "@/components/clickstream/clickstream-tabs";
import { ProductsView } from "@/components/clickstream/products-view";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Products" };

export default async function Page() {
  const { allowed } = await requirePagePrincipal("/clickstream/products", rolesFor("/clickstream"));
  if (!allowed) return <Forbidden section="Clickstream" />;
  return (
    <>
      <PageHeader title="Clickstream" />
      <ClickstreamTabs current="/clickstream/products" />
      <Suspense>
        <ProductsView />
      </Suspense>
    </>
  );
}
