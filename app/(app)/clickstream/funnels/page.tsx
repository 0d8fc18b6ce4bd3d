import type { Metadata } from "next";
import { FunnelBuilder } from "@/components/clickstream/funnel-builder";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { rolesFor } from "@/lib/schemas/navigation";
import { ClickstreamSection } from "../section";

export const metadata: Metadata = { title: "Funnels" };

export default async function Page() {
  const { principal } = await requirePagePrincipal("/clickstream/funnels", rolesFor("/clickstream"));
  return (
    <ClickstreamSection path="/clickstream/funnels" tab="/clickstream/funnels">
      <FunnelBuilder me={principal.email} />
    </ClickstreamSection>
  );
}
