import type { Metadata } from "next";
import Link from "next/link";
import { RuleDetailView } from "@/components/detections/rule-detail-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { hasAnyRole } from "@/lib/schemas/auth";
import { rolesFor } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Detection rule" };

export default async function RulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { principal } = await requirePagePrincipal(`/rules/${id}`, rolesFor("/rules"));
  return (
    <>
      <PageHeader title="Detection rule" />
      <Link href="/rules" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
        ← All rules
      </Link>
      <RuleDetailView id={decodeURIComponent(id)} isAdmin={hasAnyRole(principal, ["admins"])} />
    </>
  );
}
