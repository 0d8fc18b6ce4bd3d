/** The demo store's catalogue (public pages under /demo-store, instrumented with the tracker). */
export interface DemoProduct {
  id: string;
  name: string;
  category: string;
  brand: string;
  price: number;
  discountPrice?: number;
}

export const CATEGORIES = [
  { slug: "shoes", name: "Shoes" },
  { slug: "bags", name: "Bags" },
  { slug: "watches", name: "Watches" },
] as const;

export const PRODUCTS: DemoProduct[] = [
  { id: "p-100", name: "Trail Runner", category: "shoes", brand: "Northpeak", price: 120, discountPrice: 99 },
  { id: "p-101", name: "City Sneaker", category: "shoes", brand: "Urbanite", price: 85 },
  { id: "p-102", name: "Leather Boot", category: "shoes", brand: "Heritage", price: 180 },
  { id: "p-200", name: "Weekender Bag", category: "bags", brand: "Heritage", price: 210, discountPrice: 179 },
  { id: "p-201", name: "Day Pack", category: "bags", brand: "Northpeak", price: 70 },
  { id: "p-300", name: "Field Watch", category: "watches", brand: "Tempo", price: 150 },
  { id: "p-301", name: "Dress Watch", category: "watches", brand: "Tempo", price: 320, discountPrice: 280 },
];

export const productInfo = (p: DemoProduct) => ({
  id: p.id,
  name: p.name,
  category: p.category,
  brand: p.brand,
  price: p.price,
  ...(p.discountPrice ? { discountPrice: p.discountPrice } : {}),
  urlPath: `/demo-store/product/${p.id}`,
});
