"use client";

import { useState } from "react";
import { useAuditQuery } from "@/components/hooks/queries/use-audit-query";
import { ScrollArea } from "@/components/ui/scroll-area";
import { ROW, THEAD, TD as td, TH as th } from "@/components/ui/table";

export function AuditView() {
  const [action, setAction] = useState("");
  const search = new URLSearchParams(action ? { action } : {}).toString();
  const { data, isError, error } = useAuditQuery(search);
  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-end gap-3">
        <label className="flex flex-col text-xs">
          Action starts with
          <input
            name="action"
            value={action}
            onChange={(e) => setAction(e.target.value)}
            className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
          />
        </label>
        <a
          className="text-sm text-sky-700 underline dark:text-sky-400"
          href={`/api/admin/audit?${search}${search ? "&" : ""}format=csv`}
        >
          Export CSV
        </a>
      </div>
      {isError ? <p role="alert">{error.message}</p> : null}
      <ScrollArea className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead className={THEAD}>
            <tr>
              <th className={th}>When</th>
              <th className={th}>Who</th>
              <th className={th}>What</th>
              <th className={th}>Subject</th>
              <th className={th}>Why</th>
              <th className={th}>Execution</th>
            </tr>
          </thead>
          <tbody>
            {(data?.entries ?? []).map((e) => (
              <tr key={e.id} className={ROW}>
                <td className={td}>{new Date(e.at).toLocaleString()}</td>
                <td className={td}>{e.actor}</td>
                <td className={td}>{e.action}</td>
                <td className={`${td} max-w-56 truncate`}>{e.subject}</td>
                <td className={td}>{e.reason}</td>
                <td className={`${td} max-w-56 truncate`}>{e.executionId?.split(":").pop()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </div>
  );
}
