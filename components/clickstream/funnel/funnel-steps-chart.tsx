"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { FunnelResult } from "@/lib/schemas/funnel";
import { breakdownBars, stepBars } from "./funnel-chart-data";

const COLORS = ["#0284c7", "#f97316", "#16a34a", "#9333ea", "#dc2626", "#0d9488", "#64748b"];
/** SVG text follows the figure's text colour, which the theme sets (Tailwind's dark: does not reach fills). */
const TEXT = "currentColor";

interface LabelProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  index?: number;
}

/**
 * Conversion of step 1 above the bar; the drop-off to the next step inside it when it fits, else
 * above; on a narrow bar (a phone) the drop-off's share goes on a second line.
 */
function StepLabel(props: LabelProps & { bars: ReturnType<typeof stepBars> }) {
  const bar = props.bars[props.index ?? 0];
  if (!bar) return null;
  const width = Number(props.width);
  const x = Number(props.x) + width / 2;
  const y = Number(props.y);
  const narrow = width < 90;
  const inside = Number(props.height) > (narrow ? 44 : 30);
  const [units, share] = bar.dropOff.split(" ");
  const lines = narrow ? [units, share] : [bar.dropOff];
  const dropTop = inside ? y + 16 : y - 6 - (lines.length - 1) * 13;
  return (
    <g fontSize={11} textAnchor="middle">
      <text x={x} y={inside ? y - 6 : dropTop - 14} fill={TEXT} fontWeight={600}>
        {bar.conversion}
      </text>
      {bar.dropOff ? (
        <text x={x} y={dropTop} fill={inside ? "#fff" : TEXT}>
          {lines.map((l, i) => (
            <tspan key={l} x={x} dy={i ? 13 : 0}>
              {l}
            </tspan>
          ))}
        </text>
      ) : null}
    </g>
  );
}

/** A breakdown bar's conversion, above it, when the bar is wide enough to carry it (else the tooltip has it). */
function ValueLabel(props: LabelProps & { value?: unknown }) {
  if (Number(props.width) < 24) return null;
  return (
    <text
      x={Number(props.x) + Number(props.width) / 2}
      y={Number(props.y) - 4}
      fontSize={10}
      textAnchor="middle"
      fill={TEXT}
    >
      {String(props.value ?? "")}
    </text>
  );
}

/** A step's axis label on two lines (number, then event), so long event names do not collide. */
function StepTick(props: { x?: number | string; y?: number | string; payload?: { value?: string } }) {
  const [n, ...rest] = String(props.payload?.value ?? "").split(" ");
  return (
    <text x={Number(props.x)} y={Number(props.y) + 12} textAnchor="middle" fontSize={11} fill={TEXT}>
      <tspan x={Number(props.x)}>{n}</tspan>
      <tspan x={Number(props.x)} dy={13}>
        {rest.join(" ")}
      </tspan>
    </text>
  );
}

/** Units per step, each bar labelled with its conversion of step 1 and the drop-off to the next step. */
export function FunnelStepsChart({ result }: { result: FunnelResult }) {
  const bars = stepBars(result.steps);
  return (
    <figure className="w-full text-slate-700 dark:text-slate-300" aria-label="Units per step">
      <div className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={bars} margin={{ top: 48, right: 8, left: 0, bottom: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" interval={0} tick={<StepTick />} />
            <YAxis allowDecimals={false} fontSize={11} width={48} />
            <Tooltip />
            <Bar dataKey="units" fill={COLORS[0]} isAnimationActive={false}>
              <LabelList dataKey="units" content={(p) => <StepLabel {...(p as LabelProps)} bars={bars} />} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-xs text-slate-600 dark:text-slate-400">
        Above each bar: the share of step 1&apos;s units that got this far. On the bar: the units lost before the next
        step, and their share of this step.
      </figcaption>
    </figure>
  );
}

/** The breakdown as grouped bars, one colour per value (legend); each label is that value's conversion. */
export function FunnelBreakdownChart({ result }: { result: FunnelResult }) {
  const { data, series } = breakdownBars(result);
  return (
    <figure className="w-full text-slate-700 dark:text-slate-300" aria-label="Units per step by breakdown value">
      <div className="h-72 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 20, right: 8, left: 0, bottom: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" interval={0} tick={<StepTick />} />
            <YAxis allowDecimals={false} fontSize={11} width={48} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12, paddingTop: 16 }} />
            {series.map((s, i) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                fill={COLORS[i % COLORS.length]}
                isAnimationActive={false}
              >
                {series.length <= 4 ? (
                  <LabelList dataKey={`${s.key}_pct`} content={(p) => <ValueLabel {...(p as LabelProps)} />} />
                ) : null}
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-xs text-slate-600 dark:text-slate-400">
        One bar per breakdown value
        {series.length <= 4 ? ", labelled with that value's conversion of its own step 1" : ""}.
      </figcaption>
    </figure>
  );
}
