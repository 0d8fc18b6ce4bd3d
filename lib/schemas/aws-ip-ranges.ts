/** What the app knows about AWS's published address ranges (`ip-ranges.json`), as shown to people. */

/** One published prefix that holds an address, with every service AWS lists for it. */
export interface AwsIpOwner {
  prefix: string;
  region: string;
  /** AWS's service names for the prefix (`AMAZON` is the superset every other one is also under). */
  services: string[];
  networkBorderGroup: string | null;
}

/** The ranges file in use: AWS's own stamp, how many prefixes, where and when it was read. */
export interface AwsIpRangesInfo {
  syncToken: string;
  /** AWS's `createDate` as published (`yyyy-mm-dd-hh-mm-ss`, UTC). */
  createDate: string;
  prefixes: number;
  /** The file path or URL it was read from. */
  source: string;
  loadedAt: string;
}

/** An IP entity's AWS ownership: the matching prefixes (most specific first), or why it could not be told. */
export type AwsIpLookup =
  | { status: "ok"; owners: AwsIpOwner[]; ranges: AwsIpRangesInfo }
  | { status: "unavailable"; reason: string };
