import { SectionTabs } from "@/components/ui/tabs";

const TABS = [
  { href: "/clickstream", label: "Overview" },
  { href: "/clickstream/trends", label: "Trends" },
  { href: "/clickstream/funnels", label: "Funnels" },
  { href: "/clickstream/retention", label: "Retention" },
  { href: "/clickstream/paths", label: "Paths" },
  { href: "/clickstream/products", label: "Products" },
  { href: "/clickstream/sessions", label: "Sessions" },
] as const;

export function ClickstreamTabs({ current }: { current: (typeof TABS)[number]["href"] }) {
  return <SectionTabs label="Clickstream sections" tabs={TABS} current={current} />;
}
