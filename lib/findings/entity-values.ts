/**
 * Addresses that name no host: `0.0.0.0` and `::` ("any address", as in the rule `0.0.0.0/0`) and
 * the broadcast address. The lake's indicator columns keep every address a record mentions; a
 * finding's entities (its pivots and its related-activity search) leave these out.
 */
const NOT_A_HOST = new Set(["0.0.0.0", "::", "255.255.255.255"]);

export const entityIps = (ips: readonly string[]) => ips.filter((ip) => !NOT_A_HOST.has(ip));
