import type { FlowRule } from "../../rule";
import { outboundToInternet, perConnectionDaily } from "../network/shared";
import { outboundFixtures } from "./shared";

/** IRC's registered and customary ports: 6660–6669 plaintext, 6697 TLS (facts about IRC networks). */
const IRC_PORTS = new Set([6660, 6661, 6662, 6663, 6664, 6665, 6666, 6667, 6668, 6669, 6697]);
const f = outboundFixtures(6667);
const tls = outboundFixtures(6697);

export const rule: FlowRule = {
  kind: "vpcflow",
  id: "flow-outbound-irc-port",
  version: 1,
  title: "Connection to an IRC server port",
  severity: 3,
  description:
    "A private address opened an accepted TCP connection to an internet host on an IRC port (6660–6669, 6697). IRC is a long-standing command channel for botnets and has no place on cloud servers.",
  tactic: "command-and-control",
  techniques: ["T1071"],
  match: (row) => outboundToInternet(row, IRC_PORTS),
  dedup: perConnectionDaily,
  runbook: {
    check: [
      "Which process holds the connection, and whether the host also scans, floods or mines (flow volume, CPU).",
      "How the host was reached before the first connection: exposed services, new SSH keys, container images.",
    ],
    contain: ["Isolate the host, keep its volumes for analysis, and rebuild it from a known image."],
    falsePositives: ["Chat bots or bridges that really use IRC; add an exception for that host and server."],
  },
  references: [
    "https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html",
    "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-ec2.html",
  ],
  fixtures: { fire: [f.open, tls.open], quiet: [f.rejected, f.internal, f.reply, tls.inbound] },
};
