import { redirect } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { sectionsFor } from "@/lib/schemas/navigation";

export default async function Home() {
  const { principal } = await requirePagePrincipal("/");
  const first = sectionsFor(principal.roles)[0];
  if (first) redirect(first.href);
  return <EmptyState title="No sections for your role">Ask an admin to add you to a group.</EmptyState>;
}
