// The Cognito groups are the app's roles (lib/schemas/auth.ts keeps the same three names;
// infra stays free of app imports so the sst CLI can load it on its own).
export const ROLE_GROUPS = [
  { name: "analysts", description: "Explore findings and activity; triage findings" },
  { name: "reviewers", description: "Work the review queue: approve or reject paused tasks" },
  { name: "admins", description: "Everything, plus clickstream, ETL runs, channels and users" },
] as const;
