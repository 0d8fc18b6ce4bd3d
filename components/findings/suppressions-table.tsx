"use client";

import { useDeleteSuppressionMutation } from "@/components/hooks/queries/use-findings-query";
import { Button } from "@/components/ui/button";
import { ROW, THEAD, TD as td, TH as th } from "@/components/ui/table";
import type { SuppressionRule } from "@/lib/schemas/suppressions";

/** Every rule with how many current findings it hides; retiring one shows them again. */
export function SuppressionsTable({ rules }: { rules: SuppressionRule[] }) {
  const remove = useDeleteSuppressionMutation();
  return (
    <table className="w-full text-sm">
      <thead className={THEAD}>
        <tr>
          <th className={th}>Type</th>
          <th className={th}>Resource</th>
          <th className={th}>Principal</th>
          <th className={th}>Reason</th>
          <th className={th}>Expires</th>
          <th className={th}>Hides (30 days)</th>
          <th className={th}>By</th>
          <th className={th} />
        </tr>
      </thead>
      <tbody>
        {rules.map((r) => (
          <tr key={r.id} className={ROW}>
            <td className={td}>{r.findingType}</td>
            <td className={td}>{r.resource ?? "any"}</td>
            <td className={td}>{r.principal ?? "any"}</td>
            <td className={td}>{r.reason}</td>
            <td className={td}>
              {r.expiresAt ? new Date(r.expiresAt).toLocaleDateString() : "never"}
              {r.active ? "" : " (expired)"}
            </td>
            <td className={td} data-testid="hidden-count">
              {r.hidden ?? "—"}
            </td>
            <td className={td}>{r.createdBy}</td>
            <td className={td}>
              <Button variant="secondary" onClick={() => remove.mutate(r.id)} disabled={remove.isPending}>
                Retire
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
