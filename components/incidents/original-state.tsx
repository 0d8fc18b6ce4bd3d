import { JsonDetails } from "@/components/ui/json-details";

const text = (v: unknown) => (typeof v === "string" && v ? v : null);

/** The instance as it was before containment — what a release puts back — in words, with the JSON behind a toggle. */
export function OriginalState({ state }: { state: Record<string, unknown> }) {
  const enis = Array.isArray(state.enis) ? (state.enis as { eniId?: unknown; groups?: unknown }[]) : [];
  const profile = state.profile as { arn?: unknown } | null | undefined;
  const rows: [string, string][] = [
    ["Instance", text(state.instanceId) ?? "—"],
    ...enis.map((e): [string, string] => [
      `Network interface ${text(e.eniId) ?? ""}`,
      Array.isArray(e.groups) ? `security groups ${e.groups.join(", ")}` : "—",
    ]),
    ["Auto Scaling group", text(state.asg) ?? "none"],
    ["Termination protection", state.terminationProtection ? "on" : "off"],
    ["Instance profile", text(profile?.arn) ?? "none"],
  ];
  return (
    <div className="flex flex-col gap-2 text-sm">
      <dl className="grid grid-cols-1 gap-x-4 sm:grid-cols-[max-content_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-medium">{k}</dt>
            <dd className="mb-1 [overflow-wrap:anywhere]">{v}</dd>
          </div>
        ))}
      </dl>
      <JsonDetails summary="As recorded (JSON)" value={state} />
    </div>
  );
}
