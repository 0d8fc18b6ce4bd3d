import { flowLine } from "../../fixtures";
import { HOST } from "../network/shared";

/** A private instance opening a connection to an internet host on `dstPort`, and near misses. */
export const outboundFixtures = (dstPort: number) => ({
  open: flowLine({ src: HOST.instance, dst: HOST.pool, srcPort: 41822, dstPort }),
  rejected: flowLine({ src: HOST.instance, dst: HOST.pool, srcPort: 41822, dstPort, action: "REJECT" }),
  internal: flowLine({ src: HOST.instance, dst: HOST.peer, srcPort: 41822, dstPort }),
  /** A web server on 443 answering an internet client whose ephemeral port happens to be `dstPort`. */
  reply: flowLine({ src: HOST.instance, dst: HOST.pool, srcPort: 443, dstPort }),
  /** The same port reached from the internet (inbound), not opened from inside. */
  inbound: flowLine({ src: HOST.pool, dst: HOST.instance, srcPort: 41822, dstPort }),
});
