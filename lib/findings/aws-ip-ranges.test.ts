import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { tempDir } from "@/test/support/databases";
import { AWS_IP_RANGES_FILE, indexAwsIpRanges, lookupAwsIp, readAwsIpRangesFile } from "./aws-ip-ranges";

const file = (prefixes: unknown[], ipv6: unknown[] = []) =>
  JSON.stringify({ syncToken: "1", createDate: "2026-12-04-21-13-07", prefixes, ipv6_prefixes: ipv6 });
const v4 = (ip_prefix: string, service: string, region = "us-east-1") => ({
  ip_prefix,
  region,
  service,
  network_border_group: region,
});

describe("indexAwsIpRanges", () => {
  test("an address gets every prefix holding it, most specific first, with AWS's services (AMAZON last)", () => {
    const ranges = indexAwsIpRanges(
      file(
        [v4("34.224.0.0/12", "AMAZON"), v4("34.224.0.0/12", "EC2"), v4("34.228.0.0/16", "S3"), v4("52.94.0.0/22", "X")],
        [{ ipv6_prefix: "2600:9000::/28", region: "GLOBAL", service: "CLOUDFRONT", network_border_group: "GLOBAL" }],
      ),
      "test.json",
      new Date("2026-12-07T00:00:00Z"),
    );
    expect(ranges.info).toEqual({
      syncToken: "1",
      createDate: "2026-12-04-21-13-07",
      prefixes: 4,
      source: "test.json",
      loadedAt: "2026-12-07T00:00:00.000Z",
    });
    expect(ranges.lookup("34.228.10.20")).toEqual([
      { prefix: "34.228.0.0/16", region: "us-east-1", services: ["S3"], networkBorderGroup: "us-east-1" },
      { prefix: "34.224.0.0/12", region: "us-east-1", services: ["EC2", "AMAZON"], networkBorderGroup: "us-east-1" },
    ]);
    expect(ranges.lookup("2600:9000:2000::1")[0]?.services).toEqual(["CLOUDFRONT"]);
    expect(ranges.lookup("203.0.113.10")).toEqual([]);
    expect(ranges.lookup("not an address")).toEqual([]);
  });

  test("a file that is not AWS's format is refused whole, saying what is wrong", () => {
    expect(() => indexAwsIpRanges("{", "x.json")).toThrow("The AWS IP ranges from x.json are not JSON");
    expect(() => indexAwsIpRanges('{"prefixes":[]}', "x.json")).toThrow(/not in AWS's format/);
    expect(() => indexAwsIpRanges(file([v4("34.224.0.0/33", "EC2")]), "x.json")).toThrow(
      "The AWS IP ranges from x.json list “34.224.0.0/33”, which is not a CIDR range",
    );
  });
});

describe("the shipped data file", () => {
  test("is AWS's format and places known addresses in their published ranges", async () => {
    const ranges = await readAwsIpRangesFile(path.resolve(AWS_IP_RANGES_FILE));
    expect(ranges.info.prefixes).toBeGreaterThan(40);
    expect(ranges.info.createDate).toMatch(/^\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}$/);
    expect(ranges.lookup("34.228.10.20")[0]).toMatchObject({ region: "us-east-1", services: ["EC2", "AMAZON"] });
    expect(ranges.lookup("52.217.1.1")[0]).toMatchObject({ region: "us-east-1", services: ["S3", "AMAZON"] });
    expect(ranges.lookup("13.224.1.1")[0]).toMatchObject({ region: "GLOBAL", services: ["CLOUDFRONT", "AMAZON"] });
    expect(ranges.lookup("203.0.113.10")).toEqual([]);
  });
});

describe("readAwsIpRangesFile and lookupAwsIp", () => {
  test("a missing file is named plainly, and a lookup reports it instead of failing the page", async () => {
    const missing = path.join(tempDir("aws-ip"), "none.json");
    await expect(readAwsIpRangesFile(missing)).rejects.toThrow(`There is no AWS IP ranges file at ${missing}`);
    const dir = tempDir("aws-ip-bad");
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, "not json");
    await expect(readAwsIpRangesFile(bad)).rejects.toMatchObject({ code: "unavailable" });
  });

  test("lookupAwsIp answers from the file in use", async () => {
    const got = await lookupAwsIp("34.228.10.20", path.resolve(AWS_IP_RANGES_FILE));
    expect(got.status).toBe("ok");
    if (got.status === "ok") expect(got.owners[0]?.prefix).toBe("34.224.0.0/12");
  });
});
