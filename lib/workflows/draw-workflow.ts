import type { WorkflowName } from "@/lib/ports/workflow-engine";
import type { WorkflowGraphDto } from "@/lib/schemas/reviews";
import { localArns, renderAsl } from "./definitions";
import { graphOfAsl } from "./graph";
import { layoutWorkflow } from "./graph-layout";

const layouts = new Map<WorkflowName, ReturnType<typeof layoutWorkflow>>();

/**
 * The workflow as deployed (its ASL file), laid out once per process, with the states one
 * execution entered and the one it waits in marked.
 */
export function drawWorkflow(
  workflow: WorkflowName,
  visited: ReadonlySet<string>,
  current: string | null,
): WorkflowGraphDto {
  let layout = layouts.get(workflow);
  if (!layout) {
    layout = layoutWorkflow(graphOfAsl(renderAsl(workflow, localArns(workflow))));
    layouts.set(workflow, layout);
  }
  return {
    ...layout,
    nodes: layout.nodes.map((n) => ({ ...n, visited: visited.has(n.id), current: n.id === current })),
  };
}
