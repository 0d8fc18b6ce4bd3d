import type { Metadata } from "next";
import { ApplicationForm } from "@/components/applications/application-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePrincipal } from "@/lib/http/page-auth";

export const metadata: Metadata = { title: "New application" };

export default async function ApplyPage() {
  await requirePagePrincipal("/apply");
  return (
    <>
      <PageHeader title="New application" />
      <ApplicationForm />
    </>
  );
}
