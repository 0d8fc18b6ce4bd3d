import type { Metadata } from "next";
import { ProductsView } from "@/components/clickstream/products-view";
import { ClickstreamSection } from "../section";

export const metadata: Metadata = { title: "Products" };

export default function Page() {
  return (
    <ClickstreamSection path="/clickstream/products" tab="/clickstream/products">
      <ProductsView />
    </ClickstreamSection>
  );
}
