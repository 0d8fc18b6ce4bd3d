export { EntityInput, getEntityTimeline } from "./entity-timeline";
export { exportFindingsCsv } from "./export-findings";
export { getFinding } from "./get-finding";
export { FINDINGS_ROLES, type LakeCtx } from "./lake-ctx";
export { listFindings } from "./list-findings";
export { refreshAwsIpRanges } from "./refresh-aws-ip-ranges";
export { searchActivity } from "./search-activity";
export { createSuppression, deleteSuppression, listSuppressions, ruleMatches } from "./suppressions";
export { updateTriage } from "./update-triage";
