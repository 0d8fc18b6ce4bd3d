"use client";

import { Bar, BarChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BacktestResult } from "@/lib/schemas/detections";

/** Matching events and new findings per day of the backtest window (every day shown, zeros too). */
export function BacktestChart({ perDay }: { perDay: BacktestResult["perDay"] }) {
  return (
    <figure className="h-48 w-full" aria-label="Hits per day" data-testid="backtest-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={perDay}>
          <XAxis dataKey="day" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} width={40} />
          <Tooltip />
          <Legend />
          <Bar dataKey="hits" name="Matching events" fill="#0284c7" isAnimationActive={false} />
          <Bar dataKey="findings" name="New findings" fill="#f97316" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
