import type { Principal } from "@/lib/schemas/auth";

/** What identity needs to see of an incoming request (a Request or Next's cookies()). */
export interface AuthRequest {
  cookie(name: string): string | undefined;
  header(name: string): string | null;
}

export interface SignInResult {
  principal: Principal;
  cookie: { name: string; value: string; expires: Date };
}

/** Identity port: who is calling. Local sign-in/out exist only on the local backend. */
export interface IdentityProvider {
  readonly kind: "local" | "cognito";
  authenticate(req: AuthRequest): Promise<Principal | null>;
  signIn?(input: { email: string; password: string; userAgent?: string }): Promise<SignInResult>;
  signOut?(req: AuthRequest): Promise<void>;
}

export const authRequestFrom = (req: Request): AuthRequest => {
  const jar = parseCookies(req.headers.get("cookie") ?? "");
  return { cookie: (n) => jar.get(n), header: (n) => req.headers.get(n) };
};

export function parseCookies(header: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    if (!k || out.has(k)) continue;
    try {
      out.set(k, decodeURIComponent(part.slice(i + 1).trim()));
    } catch {
      out.set(k, part.slice(i + 1).trim());
    }
  }
  return out;
}
