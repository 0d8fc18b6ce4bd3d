"use client";

import { useRemoveExceptionMutation } from "@/components/hooks/queries/use-detections-query";
import { Button } from "@/components/ui/button";
import { formatWhen } from "@/components/ui/format";
import { ROW, TableHead, TD as td } from "@/components/ui/table";
import type { RuleException } from "@/lib/schemas/detections";
import { ExceptionForm } from "./exception-form";

/** The rule's exceptions (who added each, when, why, until when); admins add and retire them. */
export function RuleExceptions({
  ruleId,
  exceptions,
  isAdmin,
}: {
  ruleId: string;
  exceptions: RuleException[];
  isAdmin: boolean;
}) {
  const remove = useRemoveExceptionMutation(ruleId);
  return (
    <div className="flex flex-col gap-3">
      {exceptions.length ? (
        <table className="w-full text-sm" data-testid="exceptions">
          <TableHead columns={["Kind", "Value", "Reason", "Expires", "Added by", ...(isAdmin ? [""] : [])]} />
          <tbody>
            {exceptions.map((x) => (
              <tr key={x.id} className={ROW} data-testid="exception-row">
                <td className={td}>{x.kind}</td>
                <td className={`${td} break-all`}>{x.value}</td>
                <td className={td}>{x.reason}</td>
                <td className={td}>
                  {x.expiresAt ? formatWhen(x.expiresAt) : "never"}
                  {x.active ? "" : " (expired)"}
                </td>
                <td className={td}>
                  {x.createdBy}, {formatWhen(x.createdAt)}
                </td>
                {isAdmin ? (
                  <td className={td}>
                    <Button variant="secondary" onClick={() => remove.mutate(x.id)} disabled={remove.isPending}>
                      Remove
                    </Button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-500">No exceptions: the rule raises for everyone.</p>
      )}
      {remove.isError ? <p role="alert">{remove.error.message}</p> : null}
      {isAdmin ? <ExceptionForm ruleId={ruleId} /> : null}
    </div>
  );
}
