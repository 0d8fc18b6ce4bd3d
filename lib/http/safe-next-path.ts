/** Only same-site relative paths may be a post-sign-in destination (no open redirect). */
export const safeNextPath = (next: string | undefined): string =>
  next && /^\/(?![/\\])/.test(next) && !/[\r\n]/.test(next) ? next : "/";
