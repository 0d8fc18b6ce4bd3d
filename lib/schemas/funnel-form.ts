import { nextDay } from "./clickstream-reports";
import {
  type FUNNEL_ATTRIBUTIONS,
  type FUNNEL_BREAKDOWNS,
  type FUNNEL_ORDERS,
  type FUNNEL_UNITS,
  type FunnelExclusion,
  type FunnelQueryInput,
  type FunnelStep,
  STANDARD_FUNNEL_STEPS,
} from "./funnel";

/**
 * The funnel builder's form model: what the form edits, how it maps to and from a funnel query, and
 * how it travels in the URL (`?f=`), so a run is shareable and the back button works.
 */

export const FUNNEL_WINDOW_UNITS = ["minutes", "hours", "days"] as const;

/** What the form edits; dates are whole UTC days (to inclusive). */
export interface FunnelForm {
  steps: FunnelStep[];
  window: number;
  windowUnit: (typeof FUNNEL_WINDOW_UNITS)[number];
  order: (typeof FUNNEL_ORDERS)[number];
  unit: (typeof FUNNEL_UNITS)[number];
  sameProduct: boolean;
  from: string;
  to: string;
  breakdown: "" | (typeof FUNNEL_BREAKDOWNS)[number];
  /** Which step events give the breakdown value (used when there is a breakdown). */
  attribution: (typeof FUNNEL_ATTRIBUTIONS)[number];
  /** The step, for attribution "step" (1-based). */
  attributionStep: number;
  exclusions: FunnelExclusion[];
}

/** The search parameter that carries an encoded form. */
export const FUNNEL_FORM_PARAM = "f";

const MINUTES = { minutes: 1, hours: 60, days: 1440 } as const;
const DAY_MS = 86_400_000;

/** The UTC day `n` days before `now` (yyyy-mm-dd). */
const dayBefore = (n: number, now: number) => new Date(now - n * DAY_MS).toISOString().slice(0, 10);

/** Four common steps over the last seven days, counted by session within an hour. */
export const createDefaultFunnelForm = (now: number = Date.now()): FunnelForm => ({
  steps: ["page_view", "product_view", "add_to_cart", "purchase"].map((event) => ({ event })),
  window: 1,
  windowUnit: "hours",
  order: "sequential",
  unit: "session",
  sameProduct: false,
  from: dayBefore(6, now),
  to: dayBefore(0, now),
  breakdown: "",
  attribution: "first",
  attributionStep: 1,
  exclusions: [],
});

export const buildFunnelQuery = (f: FunnelForm): FunnelQueryInput => ({
  steps: f.steps,
  windowMinutes: f.window * MINUTES[f.windowUnit],
  order: f.order,
  unit: f.unit,
  sameProduct: f.sameProduct,
  from: `${f.from}T00:00:00.000Z`,
  to: `${nextDay(f.to)}T00:00:00.000Z`,
  ...(f.breakdown ? { breakdown: f.breakdown } : {}),
  ...(f.breakdown && f.attribution !== "first" ? { attribution: f.attribution } : {}),
  ...(f.breakdown && f.attribution === "step" ? { attributionStep: f.attributionStep } : {}),
  ...(f.exclusions.length ? { exclusions: f.exclusions } : {}),
});

/** A saved definition back into the form (the window in the largest unit that divides it). */
export const readFunnelForm = (q: FunnelQueryInput): FunnelForm => {
  const w = q.windowMinutes;
  const [window, windowUnit] =
    w % 1440 === 0 ? [w / 1440, "days" as const] : w % 60 === 0 ? [w / 60, "hours" as const] : [w, "minutes" as const];
  return {
    steps: q.steps,
    window,
    windowUnit,
    order: q.order ?? "sequential",
    unit: q.unit ?? "session",
    sameProduct: q.sameProduct ?? false,
    from: q.from.slice(0, 10),
    to: new Date(Date.parse(q.to) - DAY_MS).toISOString().slice(0, 10),
    breakdown: q.breakdown ?? "",
    attribution: q.attribution ?? "first",
    attributionStep: q.attributionStep ?? 1,
    exclusions: q.exclusions ?? [],
  };
};

/** Base64 of the form's JSON (UTF-8 first: step filters may hold any text). */
export const encodeFunnelForm = (f: FunnelForm) => btoa(unescape(encodeURIComponent(JSON.stringify(f))));

/** The form in a `?f=` value over the defaults, or null when the value cannot be read. */
export const decodeFunnelForm = (s: string, now: number = Date.now()): FunnelForm | null => {
  try {
    return { ...createDefaultFunnelForm(now), ...(JSON.parse(decodeURIComponent(escape(atob(s)))) as FunnelForm) };
  } catch {
    return null;
  }
};

/** The search string (without `?`) that shows `f` when the page opens it. */
export const buildFunnelFormSearch = (f: FunnelForm) =>
  `${FUNNEL_FORM_PARAM}=${encodeURIComponent(encodeFunnelForm(f))}`;

/** The form a page URL asks for: the `?f=` value when readable, the defaults otherwise. */
export const readFunnelFormSearch = (encoded: string | null, now: number = Date.now()): FunnelForm =>
  (encoded ? decodeFunnelForm(encoded, now) : null) ?? createDefaultFunnelForm(now);

/** One step with `patch` applied; emptied filters are dropped rather than kept as "". */
export const patchFunnelStep = (step: FunnelStep, patch: Partial<FunnelStep>): FunnelStep => {
  const next = { ...step, ...patch } as Record<string, unknown>;
  for (const k of Object.keys(next)) if (next[k] === "" || next[k] === undefined) delete next[k];
  return next as FunnelStep;
};

/** One exclusion with `patch` applied; emptied filters are dropped rather than kept as "". */
export const patchFunnelExclusion = (x: FunnelExclusion, patch: Partial<FunnelExclusion>): FunnelExclusion => {
  const next = { ...x, ...patch } as Record<string, unknown>;
  for (const k of Object.keys(next)) if (next[k] === "" || next[k] === undefined) delete next[k];
  return next as FunnelExclusion;
};

/**
 * The form without step `i`: exclusions between later steps move down with them, those that no
 * longer lie between two steps go, and the attributed step stays within the funnel.
 */
export const removeFunnelStep = (f: FunnelForm, i: number): FunnelForm => {
  const shift = (k: number) => (k > i + 1 ? k - 1 : k);
  const steps = f.steps.filter((_, j) => j !== i);
  return {
    ...f,
    steps,
    exclusions: f.exclusions
      .map((x) => ({ ...x, fromStep: shift(x.fromStep), toStep: shift(x.toStep) }))
      .filter((x) => x.fromStep < x.toStep && x.toStep <= steps.length),
    attributionStep: Math.min(shift(f.attributionStep), steps.length),
  };
};

/** The standard purchase funnel's shape, which the ETL's per-day cube answers; keeps range and breakdown. */
export const applyStandardFunnel = (f: FunnelForm): FunnelForm => ({
  ...f,
  steps: STANDARD_FUNNEL_STEPS.map((event) => ({ event })),
  window: 1,
  windowUnit: "hours",
  order: f.order === "any" ? "any" : "sequential",
  unit: "session",
  sameProduct: false,
  exclusions: [],
});
