"use client";
/**
 * @sightline/react — the Sightline tracker for React apps.
 *
 *   <SightlineProvider src="https://sightline.example/t.js" endpoint="https://ingest.example/api/collect">
 *     <App />
 *   </SightlineProvider>
 *
 *   const sl = useSightline(); sl.productView(product); sl.addToCart(product);
 *
 * The provider loads the framework-free tracker once (its stable, cached URL), which records page
 * views on load and on client-side route changes (history API), queues events in localStorage and
 * flushes them on pagehide. Calls made before the script has loaded are queued and replayed in order.
 */
import { createContext, type ReactNode, useContext, useEffect, useMemo } from "react";

export interface Product {
  id: string;
  name?: string;
  category?: string;
  brand?: string;
  price?: number;
  discountPrice?: number;
  urlPath?: string;
}

export interface Identity {
  userId: string | null;
  identitySource?: string;
}

interface Tracker {
  track(name: string, product?: Product): void;
  identify(userId: string | null, o?: { identitySource?: string }): void;
  optOut(): void;
  optIn(): void;
  flush(): void;
}

type Call = (t: Tracker) => void;
type TrackerWindow = Window & { sightline?: Tracker; SightlineConfig?: { endpoint?: string } };

const pending: Call[] = [];
let loading = false;

function tracker(): Tracker | undefined {
  return typeof window === "undefined" ? undefined : (window as TrackerWindow).sightline;
}

/** Runs `call` now if the tracker is there, else when it loads. */
function withTracker(call: Call) {
  const t = tracker();
  if (t) call(t);
  else pending.push(call);
}

function load(src: string, endpoint: string | undefined) {
  if (loading || typeof document === "undefined") return;
  loading = true;
  const w = window as TrackerWindow;
  if (endpoint) w.SightlineConfig = { ...w.SightlineConfig, endpoint };
  const drain = () => {
    const t = tracker();
    if (!t) return;
    for (const call of pending.splice(0)) call(t);
  };
  if (tracker()) {
    drain();
    return;
  }
  const existing = document.querySelector<HTMLScriptElement>(`script[src="${src}"]`);
  const script = existing ?? document.createElement("script");
  script.addEventListener("load", drain);
  if (!existing) {
    script.src = src;
    script.async = true;
    document.head.appendChild(script);
  }
}

export interface SightlineApi {
  track(eventName: string, product?: Product): void;
  categoryView(): void;
  productView(product: Product): void;
  addToCart(product: Product): void;
  removeFromCart(product: Product): void;
  checkoutStart(product?: Product): void;
  purchase(product: Product): void;
  /** Login state and identity source for the following events (null: logged out). */
  identify(identity: Identity): void;
  optOut(): void;
  optIn(): void;
  flush(): void;
}

const api: SightlineApi = {
  track: (name, product) => withTracker((t) => t.track(name, product)),
  categoryView: () => withTracker((t) => t.track("category_view")),
  productView: (p) => withTracker((t) => t.track("product_view", p)),
  addToCart: (p) => withTracker((t) => t.track("add_to_cart", p)),
  removeFromCart: (p) => withTracker((t) => t.track("remove_from_cart", p)),
  checkoutStart: (p) => withTracker((t) => t.track("checkout_start", p)),
  purchase: (p) => withTracker((t) => t.track("purchase", p)),
  identify: ({ userId, identitySource }) => withTracker((t) => t.identify(userId, { identitySource })),
  optOut: () => withTracker((t) => t.optOut()),
  optIn: () => withTracker((t) => t.optIn()),
  flush: () => withTracker((t) => t.flush()),
};

const Context = createContext<SightlineApi | null>(null);

export function SightlineProvider(props: {
  /** Where the tracker is served, e.g. `https://sightline.example/t.js` (same origin: `/t.js`). */
  src?: string;
  /** Where batches go (default `/api/collect` on the page's origin). */
  endpoint?: string;
  /** The signed-in user, if any; changes are passed on to the tracker. */
  identity?: Identity;
  children: ReactNode;
}) {
  const { src = "/t.js", endpoint, identity } = props;
  useEffect(() => load(src, endpoint), [src, endpoint]);
  const userId = identity?.userId;
  const source = identity?.identitySource;
  useEffect(() => {
    if (userId !== undefined) api.identify({ userId, identitySource: source });
  }, [userId, source]);
  const value = useMemo(() => api, []);
  return <Context.Provider value={value}>{props.children}</Context.Provider>;
}

/** The tracker API; outside a provider it still queues (for the first provider to load the script). */
export function useSightline(): SightlineApi {
  return useContext(Context) ?? api;
}

/** Sends one event when the component mounts (e.g. `product_view` on a product page). */
export function TrackOnMount(props: { event: string; product?: Product }) {
  const sl = useSightline();
  const { event, product } = props;
  useEffect(() => sl.track(event, product), [sl, event, product]);
  return null;
}
