import type { EventRule } from "../../rule";
import { rule as flowOutboundIrcPort } from "./flow-outbound-irc-port";
import { rule as flowOutboundMiningPoolPort } from "./flow-outbound-mining-pool-port";
import { rule as flowOutboundTorRelayPort } from "./flow-outbound-tor-relay-port";

export const RULES: EventRule[] = [flowOutboundIrcPort, flowOutboundMiningPoolPort, flowOutboundTorRelayPort];
