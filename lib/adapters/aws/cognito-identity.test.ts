import { generateKeyPairSync } from "node:crypto";
import { importJWK, type JWK, SignJWT } from "jose";
import { beforeAll, describe, expect, test } from "vitest";
import { CognitoIdentity } from "./cognito-identity";

const POOL = "eu-west-1_TestPool1";
const CLIENT = "testclient123";
const ISS = `https://cognito-idp.eu-west-1.amazonaws.com/${POOL}`;

// A local RSA key pair stands in for the pool's signing key: no network is used.
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const publicJwk = { ...(publicKey.export({ format: "jwk" }) as JWK), kid: "test-kid", alg: "RS256", use: "sig" };
const privateJwk = { ...(privateKey.export({ format: "jwk" }) as JWK), kid: "test-kid", alg: "RS256" };

let identity: CognitoIdentity;
beforeAll(() => {
  identity = new CognitoIdentity({ userPoolId: POOL, clientId: CLIENT });
  identity.cacheJwks({ keys: [publicJwk as never] });
});

async function idToken(
  overrides: Record<string, unknown> = {},
  opts: { iss?: string; aud?: string; exp?: number } = {},
) {
  const key = await importJWK(privateJwk, "RS256");
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ token_use: "id", email: "ana@example.com", "cognito:groups": ["analysts"], ...overrides })
    .setProtectedHeader({ alg: "RS256", kid: "test-kid" })
    .setSubject("user-sub-1")
    .setIssuer(opts.iss ?? ISS)
    .setAudience(opts.aud ?? CLIENT)
    .setIssuedAt(now - 10)
    .setExpirationTime(opts.exp ?? now + 3600)
    .sign(key);
}

const bearer = (token: string) => ({
  cookie: () => undefined,
  header: (n: string) => (n === "authorization" ? `Bearer ${token}` : null),
});

describe("CognitoIdentity (aws-jwt-verify)", () => {
  test("a valid ID token with a Sightline group yields the principal", async () => {
    expect(await identity.authenticate(bearer(await idToken()))).toEqual({
      id: "user-sub-1",
      email: "ana@example.com",
      roles: ["analysts"],
    });
  });

  test("the token is read from Amplify's SSR cookies", async () => {
    const token = await idToken({ "cognito:groups": ["reviewers", "admins"] });
    const jar = new Map([
      [`CognitoIdentityServiceProvider.${CLIENT}.LastAuthUser`, "ana"],
      [`CognitoIdentityServiceProvider.${CLIENT}.ana.idToken`, token],
    ]);
    const p = await identity.authenticate({ cookie: (n) => jar.get(n), header: () => null });
    expect(p?.roles).toEqual(["reviewers", "admins"]);
  });

  test("wrong issuer is refused", async () => {
    expect(await identity.authenticate(bearer(await idToken({}, { iss: `${ISS}x` })))).toBeNull();
  });

  test("wrong audience (another app client) is refused", async () => {
    expect(await identity.authenticate(bearer(await idToken({}, { aud: "otherclient" })))).toBeNull();
  });

  test("an expired token is refused", async () => {
    expect(
      await identity.authenticate(bearer(await idToken({}, { exp: Math.floor(Date.now() / 1000) - 60 }))),
    ).toBeNull();
  });

  test("a token without any Sightline group is refused", async () => {
    expect(await identity.authenticate(bearer(await idToken({ "cognito:groups": ["other"] })))).toBeNull();
    expect(await identity.authenticate(bearer(await idToken({ "cognito:groups": undefined })))).toBeNull();
  });

  test("an access token is not accepted where an ID token is required", async () => {
    expect(await identity.authenticate(bearer(await idToken({ token_use: "access" })))).toBeNull();
  });

  test("a token signed by another key is refused", async () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const forged = await new SignJWT({ token_use: "id", "cognito:groups": ["admins"] })
      .setProtectedHeader({ alg: "RS256", kid: "test-kid" })
      .setSubject("x")
      .setIssuer(ISS)
      .setAudience(CLIENT)
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(other);
    expect(await identity.authenticate(bearer(forged))).toBeNull();
  });
});
