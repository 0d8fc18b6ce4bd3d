import { SectionTabs } from "@/components/ui/tabs";

const TABS = [
  { href: "/admin", label: "Users" },
  { href: "/admin/ingestion", label: "Ingestion" },
  { href: "/admin/clickstream", label: "Clickstream pipeline" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/api-keys", label: "API keys" },
] as const;

export function AdminTabs({ current }: { current: (typeof TABS)[number]["href"] }) {
  return <SectionTabs label="Admin sections" tabs={TABS} current={current} />;
}
