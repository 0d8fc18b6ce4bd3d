/** What a person reads about a visitor's device, from the browser's user agent string. */
export interface DeviceInfo {
  browser: string;
  os: string;
  type: "desktop" | "phone" | "tablet" | "unknown";
}

const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, "Edge"],
  [/OPR\/(\d+)/, "Opera"],
  [/SamsungBrowser\/(\d+)/, "Samsung Internet"],
  [/Firefox\/(\d+)|FxiOS\/(\d+)/, "Firefox"],
  [/Chrome\/(\d+)|CriOS\/(\d+)/, "Chrome"],
  [/Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//, "Safari"],
];

const OSES: [RegExp, string][] = [
  [/Windows NT/, "Windows"],
  [/iPhone|iPad|iPod/, "iOS"],
  [/Android/, "Android"],
  [/CrOS/, "ChromeOS"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Linux/, "Linux"],
];

/** Browser (with major version), operating system and device type; "unknown" parts when it cannot tell. */
export function parseUserAgent(ua: string | null): DeviceInfo | null {
  if (!ua) return null;
  let browser = "unknown browser";
  for (const [re, name] of BROWSERS) {
    const m = re.exec(ua);
    if (m) {
      const version = m.slice(1).find(Boolean);
      browser = version ? `${name} ${version}` : name;
      break;
    }
  }
  const os = OSES.find(([re]) => re.test(ua))?.[1] ?? "unknown system";
  const type: DeviceInfo["type"] =
    /iPad|Tablet/.test(ua) || (/Android/.test(ua) && !/Mobile/.test(ua))
      ? "tablet"
      : /Mobi|iPhone|iPod/.test(ua)
        ? "phone"
        : /Windows NT|Macintosh|X11|CrOS|Linux/.test(ua)
          ? "desktop"
          : "unknown";
  return { browser, os, type };
}

/** "Chrome 131 on Windows (desktop)"; "unknown device" without a user agent. */
export function describeDevice(ua: string | null): string {
  const d = parseUserAgent(ua);
  if (!d) return "unknown device";
  return `${d.browser} on ${d.os}${d.type === "unknown" ? "" : ` (${d.type})`}`;
}

/** The referrer's host without "www.", or null when there is none or it is not a URL. */
export function referrerDomain(referrer: string | null): string | null {
  if (!referrer) return null;
  try {
    return new URL(referrer).hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

/** A session's length in words: "under a second", "45 s", "3 min 20 s", "1 h 5 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 1000) return "under a second";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}
