/**
 * A form's problems as people read them: the schemas' messages are written as whole sentences
 * (they name their field), so the field's code name is never shown; each sentence once.
 */
export function describeProblems(error: { issues: readonly { message: string }[] }): string {
  return [...new Set(error.issues.map((i) => i.message))].join(" ");
}
