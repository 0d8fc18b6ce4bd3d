/** Everyone who works findings or reviews sees incidents; only admins release a quarantine. */
export const INCIDENT_ROLES = ["analysts", "reviewers", "admins"] as const;
export const RELEASE_ROLES = ["admins"] as const;

/** Who may download collected evidence (it can hold process lists and logs). */
export const EVIDENCE_ROLES = ["analysts", "admins"] as const;
