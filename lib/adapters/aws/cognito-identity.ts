import { CognitoJwtVerifier } from "aws-jwt-verify";
import type { AuthRequest, IdentityProvider } from "@/lib/ports/identity";
import { type Principal, ROLES, Role } from "@/lib/schemas/auth";

type Verifier = ReturnType<typeof makeVerifier>;

const makeVerifier = (userPoolId: string, clientId: string) =>
  CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse: "id", groups: [...ROLES] });

/**
 * Cognito via Amplify's SSR cookies (or an `Authorization: Bearer` ID token).
 * The token is verified on the server with aws-jwt-verify: signature against the
 * pool's JWKS, issuer, audience (app client), expiry, token use, and membership in
 * at least one Sightline group.
 */
export class CognitoIdentity implements IdentityProvider {
  readonly kind = "cognito" as const;
  private readonly verifier: Verifier;

  constructor(private readonly opts: { userPoolId: string; clientId: string; verifier?: Verifier }) {
    this.verifier = opts.verifier ?? makeVerifier(opts.userPoolId, opts.clientId);
  }

  /** For tests and air-gapped deploys: use these keys instead of fetching the JWKS. */
  cacheJwks(jwks: Parameters<Verifier["cacheJwks"]>[0]): void {
    this.verifier.cacheJwks(jwks);
  }

  private tokenFrom(req: AuthRequest): string | undefined {
    const auth = req.header("authorization");
    if (auth?.startsWith("Bearer ")) return auth.slice(7).trim();
    // Amplify v6 (ssr: true) cookie names.
    const prefix = `CognitoIdentityServiceProvider.${this.opts.clientId}`;
    const user = req.cookie(`${prefix}.LastAuthUser`);
    return user ? req.cookie(`${prefix}.${user}.idToken`) : undefined;
  }

  async authenticate(req: AuthRequest): Promise<Principal | null> {
    const token = this.tokenFrom(req);
    if (!token) return null;
    try {
      const payload = await this.verifier.verify(token);
      const groups = (payload["cognito:groups"] ?? []) as string[];
      const roles = groups.flatMap((g) => {
        const r = Role.safeParse(g);
        return r.success ? [r.data] : [];
      });
      if (roles.length === 0) return null;
      const email = typeof payload.email === "string" ? payload.email : String(payload["cognito:username"] ?? "");
      return { id: payload.sub, email, roles };
    } catch {
      return null;
    }
  }
}
