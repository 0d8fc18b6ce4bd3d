"use client";

import { useEffect, useId, useRef } from "react";
import { ScrollArea } from "@/components/ui/scroll-area";
import type { GraphEdgeDto, GraphNodeDto, WorkflowGraphDto } from "@/lib/schemas/reviews";

type Pt = [number, number];

/** Straight down a dummy's layer, a smooth S between layers. */
function pathOf(points: Pt[]): string {
  const [first, ...rest] = points;
  if (!first) return "";
  let d = `M${first[0]},${first[1]}`;
  let prev = first;
  for (const p of rest) {
    const my = (prev[1] + p[1]) / 2;
    d += prev[0] === p[0] ? ` L${p[0]},${p[1]}` : ` C${prev[0]},${my} ${p[0]},${my} ${p[0]},${p[1]}`;
    prev = p;
  }
  return d;
}

const edgeClass = (e: GraphEdgeDto, taken: boolean) =>
  taken
    ? "stroke-emerald-600 dark:stroke-emerald-400"
    : e.kind === "catch"
      ? e.label === "error"
        ? "stroke-rose-400 dark:stroke-rose-500"
        : "stroke-amber-500"
      : "stroke-slate-400 dark:stroke-slate-500";

function Edge({ e, taken, arrow }: { e: GraphEdgeDto; taken: boolean; arrow: string }) {
  return (
    <path
      d={pathOf(e.points)}
      fill="none"
      strokeWidth={taken ? 2 : 1.25}
      strokeDasharray={e.kind === "catch" ? "5 3" : undefined}
      className={edgeClass(e, taken)}
      markerEnd={`url(#${arrow})`}
    >
      <title>{`${e.from === "__start" ? "Start" : e.from} → ${e.to}${e.label ? ` (${e.label})` : ""}`}</title>
    </path>
  );
}

function EdgeLabel({ e }: { e: GraphEdgeDto }) {
  if (!e.label) return null;
  const w = e.label.length * 6 + 8;
  return (
    <g>
      <rect
        x={e.labelAt[0] - w / 2}
        y={e.labelAt[1] - 7}
        width={w}
        height={14}
        rx={3}
        className="fill-white dark:fill-slate-950"
      />
      <text
        x={e.labelAt[0]}
        y={e.labelAt[1]}
        textAnchor="middle"
        dominantBaseline="central"
        className="fill-slate-600 text-[10px] dark:fill-slate-300"
      >
        {e.label}
      </text>
    </g>
  );
}

const nodeTone = (n: GraphNodeDto) =>
  n.current
    ? "fill-sky-100 stroke-sky-600 dark:fill-sky-950 dark:stroke-sky-400"
    : n.visited
      ? "fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950 dark:stroke-emerald-400"
      : n.type === "Fail"
        ? "fill-white stroke-rose-400 dark:fill-slate-900 dark:stroke-rose-500"
        : "fill-white stroke-slate-300 dark:fill-slate-900 dark:stroke-slate-600";

const containerTone = (n: GraphNodeDto) =>
  n.visited
    ? "fill-emerald-50/40 stroke-emerald-600 dark:fill-emerald-950/40 dark:stroke-emerald-400"
    : "fill-slate-50 stroke-slate-400 dark:fill-slate-900/40 dark:stroke-slate-600";

function Node({ n }: { n: GraphNodeDto }) {
  const label = n.id === "__start" ? "Start" : n.id;
  const shape =
    n.type === "Choice" ? (
      <polygon
        points={`${n.x + 10},${n.y} ${n.x + n.w - 10},${n.y} ${n.x + n.w},${n.y + n.h / 2} ${n.x + n.w - 10},${n.y + n.h} ${n.x + 10},${n.y + n.h} ${n.x},${n.y + n.h / 2}`}
        className={nodeTone(n)}
      />
    ) : (
      <rect
        x={n.x}
        y={n.y}
        width={n.w}
        height={n.h}
        rx={n.container ? 8 : n.type === "Start" ? n.h / 2 : 6}
        strokeDasharray={n.container ? "6 4" : undefined}
        className={n.container ? containerTone(n) : nodeTone(n)}
      />
    );
  return (
    <g data-state={n.id} data-current={n.current || undefined} data-visited={n.visited || undefined}>
      <title>{`${label} (${n.type}${n.current ? ", waiting here" : n.visited ? ", visited" : ""})`}</title>
      {shape}
      <text
        x={n.container ? n.x + 10 : n.x + n.w / 2}
        y={n.container ? n.y + 16 : n.y + n.h / 2}
        textAnchor={n.container ? "start" : "middle"}
        dominantBaseline="central"
        className={`fill-slate-900 text-xs dark:fill-slate-100 ${n.current ? "font-semibold" : ""}`}
      >
        {label}
        {n.container ? <tspan className="fill-slate-600 dark:fill-slate-400"> · {n.type}</tspan> : null}
      </text>
      {n.end && !n.container && n.type !== "Start" ? (
        <circle cx={n.x + n.w / 2} cy={n.y + n.h + 7} r={3.5} className="fill-slate-500 dark:fill-slate-400" />
      ) : null}
    </g>
  );
}

/** The workflow as its ASL draws it: branches, Choice rules, Catch paths; where this item is and has been. */
export function WorkflowGraph({ graph, label }: { graph: WorkflowGraphDto; label: string }) {
  const arrow = `arrow-${useId().replace(/:/g, "")}`;
  const visited = new Set(graph.nodes.filter((n) => n.visited || n.current).map((n) => n.id));
  const taken = (e: GraphEdgeDto) => (e.from === "__start" || visited.has(e.from)) && visited.has(e.to);
  const scroller = useRef<HTMLDivElement>(null);
  const here = graph.nodes.find((n) => n.current);
  // Narrower than the drawing (a phone): start with the state the item waits in centred.
  useEffect(() => {
    const el = scroller.current;
    if (el && here) el.scrollLeft = Math.max(0, here.x + here.w / 2 - el.clientWidth / 2);
  }, [here]);
  return (
    <figure className="flex flex-col gap-2">
      <ScrollArea
        ref={scroller}
        className="max-w-full overflow-x-auto rounded border border-slate-200 dark:border-slate-800"
      >
        <svg
          width={graph.width}
          height={graph.height}
          viewBox={`0 0 ${graph.width} ${graph.height}`}
          role="img"
          aria-label={label}
          className="block"
        >
          <defs>
            <marker
              id={arrow}
              viewBox="0 0 8 8"
              refX="7"
              refY="4"
              markerWidth="8"
              markerHeight="8"
              markerUnits="userSpaceOnUse"
              orient="auto"
            >
              <path d="M0,0 L8,4 L0,8 z" className="fill-slate-500 dark:fill-slate-400" />
            </marker>
          </defs>
          {graph.nodes
            .filter((n) => n.container)
            .map((n) => (
              <Node key={n.id} n={n} />
            ))}
          {graph.edges.map((e) => (
            <Edge key={`${e.from}>${e.to}`} e={e} taken={taken(e)} arrow={arrow} />
          ))}
          {graph.nodes
            .filter((n) => !n.container)
            .map((n) => (
              <Node key={n.id} n={n} />
            ))}
          {graph.edges.map((e) => (
            <EdgeLabel key={`${e.from}>${e.to}`} e={e} />
          ))}
        </svg>
      </ScrollArea>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
        <span>
          <span className="mr-1 inline-block size-3 rounded-sm border border-sky-600 bg-sky-100 align-middle dark:bg-sky-950" />
          waiting here
        </span>
        <span>
          <span className="mr-1 inline-block size-3 rounded-sm border border-emerald-600 bg-emerald-50 align-middle dark:bg-emerald-950" />
          this item passed through
        </span>
        <span>- - - on an error, a rejection or a timeout (Catch)</span>
        <span>● ends there</span>
      </figcaption>
    </figure>
  );
}
