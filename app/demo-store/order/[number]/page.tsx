import type { Metadata } from "next";
import { OrderConfirmation } from "@/components/demo-store/order-confirmation";

export const metadata: Metadata = { title: "Order confirmed · Demo store" };

export default async function OrderPage({ params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  return <OrderConfirmation number={decodeURIComponent(number)} />;
}
