"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AddExceptionInput,
  BacktestResult,
  RuleDetail,
  RuleException,
  RulesList,
  RunDetectionsResult,
  UpdateRuleInput,
} from "@/lib/schemas/detections";
import { apiFetch } from "../api-fetch";

const ruleUrl = (id: string) => `/api/detections/rules/${encodeURIComponent(id)}`;

export function useRulesQuery() {
  return useQuery({
    queryKey: ["detections", "rules"],
    queryFn: ({ signal }) => apiFetch<RulesList>("/api/detections/rules", { signal }),
  });
}

export function useRuleQuery(id: string) {
  return useQuery({
    queryKey: ["detections", "rule", id],
    queryFn: ({ signal }) => apiFetch<RuleDetail>(ruleUrl(id), { signal }),
  });
}

/** Settings and exceptions change what the list and the rule show: both are read again. */
function useRuleChange<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: ["detections"] }),
  });
}

export function useUpdateRuleMutation(id: string) {
  return useRuleChange((input: UpdateRuleInput) => apiFetch<unknown>(ruleUrl(id), { method: "PATCH", json: input }));
}

export function useAddExceptionMutation(id: string) {
  return useRuleChange((input: AddExceptionInput) =>
    apiFetch<{ exception: RuleException }>(`${ruleUrl(id)}/exceptions`, { method: "POST", json: input }),
  );
}

export function useRemoveExceptionMutation(id: string) {
  return useRuleChange((exceptionId: string) =>
    apiFetch<void>(`${ruleUrl(id)}/exceptions/${encodeURIComponent(exceptionId)}`, { method: "DELETE" }),
  );
}

/** A backtest is run on demand (it reads days of the lake), not when the page opens. */
export function useBacktestMutation(id: string) {
  return useMutation({
    mutationFn: (days: number) =>
      apiFetch<BacktestResult>(`${ruleUrl(id)}/backtest`, { method: "POST", json: { days } }),
  });
}

export function useRunDetectionsMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<RunDetectionsResult>("/api/detections/run", { method: "POST" }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ["detections"] }),
        qc.invalidateQueries({ queryKey: ["findings"] }),
      ]),
  });
}
