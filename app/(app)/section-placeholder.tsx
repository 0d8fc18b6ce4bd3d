import { EmptyState } from "@/components/ui/empty-state";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";
import { rolesFor, SECTIONS, type Section } from "@/lib/schemas/navigation";

/** A section whose feature has not landed yet: still role-checked on the server. */
export async function SectionPlaceholder({ href, message }: { href: Section["href"]; message: string }) {
  const label = SECTIONS.find((s) => s.href === href)?.label ?? href;
  const { allowed } = await requirePagePrincipal(href, rolesFor(href));
  if (!allowed) return <Forbidden section={label} />;
  return (
    <>
      <PageHeader title={label} />
      <EmptyState title="Nothing here yet">{message}</EmptyState>
    </>
  );
}
