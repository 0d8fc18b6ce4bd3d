import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requirePagePrincipal } from "@/lib/http/page-auth";

export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const { principal } = await requirePagePrincipal("/");
  const theme = (await cookies()).get("sl_theme")?.value === "dark" ? "dark" : "light";
  return (
    <AppShell principal={principal} theme={theme}>
      {children}
    </AppShell>
  );
}
