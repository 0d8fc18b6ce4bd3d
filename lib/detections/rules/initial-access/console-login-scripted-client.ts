import { iamUser } from "../../fixtures";
import type { TrailRule } from "../../rule";
import { consoleLogin, consoleLoginSucceeded } from "./shared";

/** HTTP libraries, command-line clients and automated browsers: not a person at a browser. */
const SCRIPTED_UA =
  /^(?:python-requests|python-urllib|python-httpx|aiohttp|curl|wget|go-http-client|okhttp|node-fetch|axios|undici|libwww-perl|postmanruntime|java\/|ruby|scrapy|httpie|powershell)|headlesschrome|phantomjs|selenium|puppeteer|playwright/i;

export const rule: TrailRule = {
  kind: "cloudtrail",
  id: "console-login-scripted-client",
  version: 1,
  title: "Console sign-in from a scripting tool or headless browser",
  severity: 3,
  description:
    "A successful console sign-in came from an HTTP library, a command-line client or an automated browser rather than a person's browser: typical of stolen passwords tried by scripts, or of tools that turn stolen keys into console sessions.",
  tactic: "initial-access",
  techniques: ["T1078.004"],
  events: ["ConsoleLogin"],
  match: (e) => consoleLoginSucceeded(e) && SCRIPTED_UA.test(e.userAgent ?? ""),
  runbook: {
    check: [
      "The user agent and source address, and whether the principal runs a known automation (browser tests, a monitoring robot).",
      "What the console session did next, and whether the same address tried other user names.",
    ],
    contain: [
      "Reset the user's password and MFA, deactivate their access keys, and review the changes the session made.",
    ],
    falsePositives: [
      "Synthetic monitoring or UI tests that sign in with a headless browser; give them a dedicated user and add an exception for it.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html",
  ],
  fixtures: {
    fire: [
      consoleLogin({ userIdentity: iamUser("erin"), userAgent: "python-requests/2.31.0" }),
      consoleLogin({
        userIdentity: iamUser("erin"),
        userAgent:
          "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/129.0.0.0 Safari/537.36",
      }),
    ],
    quiet: [
      consoleLogin({ userIdentity: iamUser("erin") }),
      consoleLogin({ userIdentity: iamUser("erin"), userAgent: "python-requests/2.31.0", failed: true }),
    ],
  },
};
