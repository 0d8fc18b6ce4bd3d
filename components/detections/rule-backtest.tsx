"use client";

import { type FormEvent, useState } from "react";
import { QueryStatsBar } from "@/components/findings/query-stats-bar";
import { useBacktestMutation } from "@/components/hooks/queries/use-detections-query";
import { Button } from "@/components/ui/button";
import { FIELD, Labelled } from "@/components/ui/field";
import { BACKTEST_MAX_DAYS } from "@/lib/schemas/detections";
import { BacktestChart } from "./backtest-chart";
import { BacktestDetails } from "./backtest-details";

const DAY_CHOICES = [1, 3, 7, 14, BACKTEST_MAX_DAYS];

/** Runs the rule over the last days of the lake, creating nothing, and shows what it would have raised. */
export function RuleBacktest({ id }: { id: string }) {
  const [days, setDays] = useState(7);
  const backtest = useBacktestMutation(id);
  const run = (e: FormEvent) => {
    e.preventDefault();
    backtest.mutate(days);
  };
  const r = backtest.data;
  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={run} className="flex items-end gap-2 text-xs" aria-label="Backtest">
        <Labelled label="Days">
          <select
            name="days"
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
            className={FIELD}
            data-testid="backtest-days"
          >
            {DAY_CHOICES.map((d) => (
              <option key={d} value={d}>
                Last {d} {d === 1 ? "day" : "days"}
              </option>
            ))}
          </select>
        </Labelled>
        <Button type="submit" disabled={backtest.isPending} data-testid="backtest-run">
          {backtest.isPending ? "Backtesting…" : "Backtest"}
        </Button>
      </form>
      {backtest.isError ? <p role="alert">{backtest.error.message}</p> : null}
      {r ? (
        <div className="flex flex-col gap-3" data-testid="backtest-result">
          <p className="text-sm">
            <strong data-testid="backtest-hits">{r.hits}</strong> matching events over {r.days}{" "}
            {r.days === 1 ? "day" : "days"}: it would create{" "}
            <strong data-testid="backtest-would-create">{r.wouldCreate}</strong>{" "}
            {r.wouldCreate === 1 ? "finding" : "findings"}. Nothing was created.
          </p>
          {r.notes.map((n) => (
            <p key={n} className="text-sm text-amber-700 dark:text-amber-400">
              {n}
            </p>
          ))}
          <QueryStatsBar stats={r.stats} />
          <BacktestChart perDay={r.perDay} />
          <BacktestDetails result={r} />
        </div>
      ) : null}
    </div>
  );
}
