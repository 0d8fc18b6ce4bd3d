import type { Metadata } from "next";
import { headers } from "next/headers";
import { Forbidden } from "@/components/ui/forbidden";
import { SECTIONS } from "@/lib/schemas/navigation";

export const metadata: Metadata = { title: "Not for your role" };

/** Rendered with HTTP 403 inside the signed-in shell when a page calls `forbidden()`. */
export default async function ForbiddenPage() {
  const path = (await headers()).get("x-sightline-path") ?? "";
  const section = SECTIONS.find(
    (s) => path === s.href || path.startsWith(`${s.href}/`) || path.startsWith(`${s.href}?`),
  );
  return <Forbidden section={section?.label} />;
}
