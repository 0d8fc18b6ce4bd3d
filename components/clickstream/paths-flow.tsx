"use client";

import { useState } from "react";
import { formatCount, formatPercent } from "@/components/ui/format";
import { ScrollArea } from "@/components/ui/scroll-area";
import type { PathsResult } from "@/lib/schemas/paths";
import { colourOf, eventLabel, layoutPaths, NODE_WIDTH, type PlacedLink, type PlacedNode } from "./paths-layout";

const describeNode = (n: PlacedNode, anchor: string) =>
  `${n.step === 1 ? `${eventLabel(n.event)} (the anchor)` : `Step ${n.step}: ${eventLabel(n.event)}`}: ${formatCount(n.sessions)} sessions, ${formatPercent(n.share)} of those with ${anchor}${n.dropOff ? `; ${formatCount(n.dropOff)} stop here` : ""}`;

const describeLink = (l: PlacedLink) =>
  `${eventLabel(l.from.event)} then ${eventLabel(l.to.event)}: ${formatCount(l.sessions)} sessions (${formatPercent(l.share)})`;

/** One step's event: a bar with its name and figures; it takes focus and says what it holds. */
function FlowNode({
  node: n,
  anchor,
  onActive,
}: {
  node: PlacedNode;
  anchor: string;
  onActive: (id: string | null) => void;
}) {
  return (
    // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a node is a labelled picture of its figures; it takes focus so keyboard users can read them too
    <g
      tabIndex={0}
      role="img"
      aria-label={describeNode(n, anchor)}
      onFocus={() => onActive(n.id)}
      onBlur={() => onActive(null)}
      onMouseEnter={() => onActive(n.id)}
      onMouseLeave={() => onActive(null)}
      className="outline-none focus-visible:[&>rect]:stroke-slate-900 dark:focus-visible:[&>rect]:stroke-white"
    >
      <title>{describeNode(n, anchor)}</title>
      <rect x={n.x} y={n.y} width={NODE_WIDTH} height={n.height} rx={2} fill={colourOf(n.event)} strokeWidth={2} />
      <text
        x={n.x + NODE_WIDTH + 6}
        y={n.y + 11}
        paintOrder="stroke"
        strokeWidth={3}
        className="fill-slate-800 stroke-white text-[12px] dark:fill-slate-100 dark:stroke-slate-950"
      >
        {eventLabel(n.event)}
        <tspan x={n.x + NODE_WIDTH + 6} dy={15} className="fill-slate-600 text-[11px] dark:fill-slate-300">
          {`${formatCount(n.sessions)} · ${formatPercent(n.share, 0)}`}
        </tspan>
      </text>
    </g>
  );
}

/**
 * The paths as a flow diagram (Sankey style): a column per step, node heights and band widths in
 * proportion to sessions. Every node and band has a title on hover; nodes take keyboard focus and
 * say what they hold below the diagram. Wider than a phone, it scrolls inside its own box.
 */
export function PathsFlow({ result }: { result: PathsResult }) {
  const [active, setActive] = useState<string | null>(null);
  const layout = layoutPaths(result);
  const anchor = result.event;
  const shown = layout.nodes.find((n) => n.id === active);
  const title = result.direction === "start" ? `Paths starting from ${anchor}` : `Paths ending at ${anchor}`;
  return (
    <figure className="flex flex-col gap-2">
      <ScrollArea
        className="max-w-full overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800"
        aria-label={`${title}, flow diagram (scrolls sideways)`}
        role="region"
      >
        <svg
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          aria-label={`${title}: ${formatCount(result.sessions)} sessions, ${result.depth} steps`}
          className="block"
        >
          <g fill="none">
            {layout.links.map((l) => (
              <path
                key={`${l.source}>${l.target}`}
                d={l.path}
                stroke={colourOf(l.from.event)}
                strokeWidth={l.width}
                strokeOpacity={active && active !== l.source && active !== l.target ? 0.12 : 0.35}
              >
                <title>{describeLink(l)}</title>
              </path>
            ))}
          </g>
          {layout.nodes.map((n) => (
            <FlowNode key={n.id} node={n} anchor={anchor} onActive={setActive} />
          ))}
        </svg>
      </ScrollArea>
      <figcaption
        aria-live="polite"
        className="min-h-5 text-sm text-slate-600 [overflow-wrap:anywhere] dark:text-slate-400"
      >
        {shown
          ? describeNode(shown, anchor)
          : `${title}: ${formatCount(result.sessions)} sessions. Point at or tab to a step to read its figures.`}
      </figcaption>
    </figure>
  );
}
