"use client";

import { Amplify } from "aws-amplify";
import { CredentialsStep, NewPasswordStep, ResetConfirmStep, ResetRequestStep } from "./password-steps";
import { TotpCodeStep, TotpSetupStep } from "./totp-steps";
import { useCognitoSignIn } from "./use-cognito-sign-in";

/**
 * AWS backend: Amplify v6 with ssr: true keeps the Cognito tokens in cookies the server verifies.
 * Every step a Sightline user pool can ask for is answered here: the temporary password an admin
 * was given, setting up an authenticator app (QR code and key), app codes, and a forgotten password.
 */
export function CognitoLoginForm({
  next,
  userPoolId,
  clientId,
}: {
  next: string;
  userPoolId: string;
  clientId: string;
}) {
  const flow = useCognitoSignIn(next);
  Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId: clientId } } }, { ssr: true });
  const { view } = flow;
  switch (view.kind) {
    case "credentials":
      return <CredentialsStep flow={flow} />;
    case "new-password":
      return <NewPasswordStep flow={flow} />;
    case "totp-setup":
      return <TotpSetupStep flow={flow} secret={view.secret} uri={view.uri} />;
    case "totp-code":
      return <TotpCodeStep flow={flow} />;
    case "reset-request":
      return <ResetRequestStep flow={flow} />;
    case "reset-confirm":
      return <ResetConfirmStep flow={flow} destination={view.destination} />;
    case "unsupported":
      return (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {view.message}
        </p>
      );
    case "done":
      return <p>Signed in. Opening Sightline…</p>;
  }
}
