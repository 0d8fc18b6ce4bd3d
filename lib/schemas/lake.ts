/** The processed lake's tables (Parquet under `<table>/dt=…/hour=…/`, one Glue table each). */
export type TableName = "cloudtrail" | "guardduty" | "vpcflow" | "cwlogs" | "findings";
