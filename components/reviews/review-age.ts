/** How long an item has waited, in the largest whole unit (at least "1 min"). */
export function formatAge(seconds: number): string {
  return seconds < 3600
    ? `${Math.max(1, Math.round(seconds / 60))} min`
    : seconds < 86400
      ? `${Math.round(seconds / 3600)} h`
      : `${Math.round(seconds / 86400)} d`;
}
