import type { TacticId } from "@/lib/schemas/attack";
import { tacticName, tacticUrl, techniqueUrl } from "./rule-labels";

const LINK = "text-sky-700 hover:underline dark:text-sky-400";

/** An ATT&CK tactic by name and its techniques by id, each linked to ATT&CK's page. */
export function AttackLabels({ tactic, techniques }: { tactic: TacticId | null; techniques: string[] }) {
  return (
    <span className="text-sm">
      {tactic ? (
        <a className={LINK} href={tacticUrl(tactic)} target="_blank" rel="noreferrer" data-testid="tactic">
          {tacticName(tactic)}
        </a>
      ) : (
        "No ATT&CK tactic"
      )}
      {techniques.length ? " · " : null}
      {techniques.map((t, i) => (
        <span key={t}>
          {i ? ", " : null}
          <a className={LINK} href={techniqueUrl(t)} target="_blank" rel="noreferrer">
            {t}
          </a>
        </span>
      ))}
    </span>
  );
}
