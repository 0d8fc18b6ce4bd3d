"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { FunnelStepResult } from "@/lib/schemas/funnel";

export function FunnelStepsChart({ steps }: { steps: FunnelStepResult[] }) {
  return (
    <figure className="h-56 w-full" aria-label="Units per step">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={steps.map((s) => ({ name: `${s.step}. ${s.event}`, units: s.count }))}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} width={48} />
          <Tooltip />
          <Bar dataKey="units" fill="#0284c7" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
