import { type TrailFixture, trailRecord } from "../../fixtures";
import type { CloudTrailRecord } from "../../rule";
import type { TrailEvent } from "../../trail-event";

/** A desktop browser, as console sign-ins record it. */
export const BROWSER_UA =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";

/** Root events that have a rule of their own, so the generic root-use rule leaves them to it. */
export const ROOT_EVENTS_WITH_OWN_RULE: ReadonlySet<string> = new Set(["ConsoleLogin", "CreateAccessKey"]);

/** A ConsoleLogin that AWS reports as successful (failures carry only an errorMessage, no errorCode). */
export const consoleLoginSucceeded = (e: TrailEvent) => e.resp?.ConsoleLogin === "Success";

export interface ConsoleLoginFixture {
  userIdentity: Record<string, unknown>;
  mfaUsed?: "Yes" | "No";
  userAgent?: string;
  failed?: boolean;
}

/**
 * A ConsoleLogin record as signin.amazonaws.com writes it. Console sign-ins carry no access key id,
 * and a failure has `errorMessage` "Failed authentication" with no `errorCode`.
 */
export function consoleLogin(f: ConsoleLoginFixture): CloudTrailRecord {
  const { accessKeyId: _unused, ...identity } = f.userIdentity;
  const fixture: TrailFixture = {
    eventSource: "signin.amazonaws.com",
    eventName: "ConsoleLogin",
    userIdentity: identity,
    userAgent: f.userAgent ?? BROWSER_UA,
    requestParameters: null,
    responseElements: { ConsoleLogin: f.failed ? "Failure" : "Success" },
    additionalEventData: {
      LoginTo: "https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB",
      MobileVersion: "No",
      MFAUsed: f.mfaUsed ?? "Yes",
    },
    eventType: "AwsConsoleSignIn",
  };
  const record = trailRecord(fixture);
  return f.failed ? { ...record, errorMessage: "Failed authentication" } : record;
}
