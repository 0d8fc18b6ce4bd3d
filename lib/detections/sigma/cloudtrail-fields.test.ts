import { describe, expect, test } from "vitest";
import { athenaDialect } from "@/lib/adapters/aws/athena-lake-query";
import { duckDbDialect } from "@/lib/adapters/duckdb/duckdb-lake-query";
import { TABLES } from "@/lib/lake/tables";
import { mapCloudTrailField, RESOURCE_SLOTS } from "./cloudtrail-fields";

const duck = duckDbDialect("/nonexistent-lake");
const athena = athenaDialect("sightline");
const sql = (name: string, d = duck) => mapCloudTrailField(name).exprs.map((e) => e(d));
const COLUMNS = new Set(TABLES.cloudtrail.columns.map((c) => c.name));

describe("mapCloudTrailField", () => {
  test.each([
    ["eventName", "event_name"],
    ["eventSource", "event_source"],
    ["awsRegion", "aws_region"],
    ["sourceIPAddress", "source_ip_address"],
    ["userAgent", "user_agent"],
    ["errorCode", "error_code"],
    ["errorMessage", "error_message"],
    ["eventType", "event_type"],
    ["recipientAccountId", "recipient_account_id"],
    ["userIdentity.type", "user_type"],
    ["userIdentity.arn", "user_arn"],
    ["userIdentity.accessKeyId", "access_key_id"],
    ["userIdentity.principalId", "principal_id"],
    ["userIdentity.accountId", "user_account_id"],
    ["userIdentity.invokedBy", "invoked_by"],
    ["userIdentity.sessionContext.sessionIssuer.type", "session_issuer_type"],
    ["userIdentity.sessionContext.sessionIssuer.arn", "session_issuer_arn"],
    ["userIdentity.sessionContext.sessionIssuer.userName", "session_issuer_user_name"],
  ])("%s reads the %s column", (field, column) => {
    expect(COLUMNS.has(column)).toBe(true);
    expect(sql(field)).toEqual([column]);
  });

  test.each([
    ["readOnly", "read_only"],
    ["managementEvent", "management_event"],
    ["userIdentity.sessionContext.attributes.mfaAuthenticated", "mfa_authenticated"],
  ])("boolean %s reads as 'true'/'false' text of %s", (field, column) => {
    expect(COLUMNS.has(column)).toBe(true);
    expect(sql(field)).toEqual([`CAST(${column} AS VARCHAR)`]);
  });

  test("userIdentity.userName is the record's own name: user_name's issuer and root fallbacks read as absent", () => {
    expect(sql("userIdentity.userName")).toEqual([
      "CASE WHEN user_name = session_issuer_user_name OR (user_type = 'Root' AND user_name = 'root') THEN NULL ELSE user_name END",
    ]);
  });

  test("dotted paths under the JSON parts become JSON paths, with numeric segments as indexes", () => {
    expect(sql("requestParameters.policyArn")).toEqual(["json_extract_string(request_parameters, '$.policyArn')"]);
    expect(sql("requestParameters.policyArn", athena)).toEqual([
      "json_extract_scalar(request_parameters, '$.policyArn')",
    ]);
    expect(sql("responseElements.credentials.accessKeyId")).toEqual([
      "json_extract_string(response_elements, '$.credentials.accessKeyId')",
    ]);
    expect(sql("additionalEventData.MFAUsed")).toEqual(["json_extract_string(additional_event_data, '$.MFAUsed')"]);
    expect(sql("requestParameters.instancesSet.items.0.imageId")).toEqual([
      "json_extract_string(request_parameters, '$.instancesSet.items[0].imageId')",
    ]);
    expect(sql("requestParameters")).toEqual(["request_parameters"]);
  });

  test("resources.X is any of the first entries' X; resources.N.X is entry N's", () => {
    const any = sql("resources.ARN");
    expect(any).toHaveLength(RESOURCE_SLOTS);
    expect(any[0]).toBe("json_extract_string(resources, '$[0].ARN')");
    expect(any.at(-1)).toBe(`json_extract_string(resources, '$[${RESOURCE_SLOTS - 1}].ARN')`);
    expect(sql("resources.1.type")).toEqual(["json_extract_string(resources, '$[1].type')"]);
  });

  test("a field the lake does not keep is unsupported, by name", () => {
    for (const field of [
      "tlsDetails.tlsVersion",
      "userIdentity.sessionContext.sessionIssuer.principalId",
      "userIdentity.sessionContext.attributes.creationDate",
      "eventname",
    ]) {
      expect(() => mapCloudTrailField(field)).toThrow(`field "${field}" is not kept by the lake's cloudtrail table`);
    }
  });

  test("a JSON key that is not a plain name is unsupported rather than quoted into a path", () => {
    expect(() => mapCloudTrailField("requestParameters.x-amz-acl")).toThrow(
      'field "requestParameters.x-amz-acl": the key "x-amz-acl" is not a plain name',
    );
    expect(() => mapCloudTrailField("requestParameters.a') OR 1=1 --")).toThrow("is not a plain name");
  });
});
