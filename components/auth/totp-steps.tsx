"use client";

import { confirmSignIn } from "aws-amplify/auth";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { CodeField, StepForm } from "./step-form";
import { readField, type SignInFlow } from "./use-cognito-sign-in";

function TotpSetup({ secret, uri }: { secret: string; uri: string }) {
  const [qr, setQr] = useState<string>();
  useEffect(() => {
    QRCode.toDataURL(uri, { margin: 1, width: 192 }).then(setQr, () => setQr(undefined));
  }, [uri]);
  return (
    <div className="flex flex-col items-center gap-2">
      {/* biome-ignore lint/performance/noImgElement: a generated data: URL, nothing for next/image to optimise */}
      {qr ? <img src={qr} width={192} height={192} alt="QR code for your authenticator app" /> : null}
      <p className="text-sm">
        Key: <code className="break-all select-all">{secret}</code>
      </p>
    </div>
  );
}

/** MFA is on and the user has no authenticator yet: show the key (and its QR code), then verify a code. */
export function TotpSetupStep({ flow, secret, uri }: { flow: SignInFlow; secret: string; uri: string }) {
  return (
    <StepForm
      flow={flow}
      intro="Set up an authenticator app: scan the code (or type the key), then enter the 6-digit code it shows."
      submit="Verify"
      work={async (f) => flow.advance(await confirmSignIn({ challengeResponse: readField(f, "code") }), flow.email)}
    >
      <TotpSetup secret={secret} uri={uri} />
      <CodeField />
    </StepForm>
  );
}

export function TotpCodeStep({ flow }: { flow: SignInFlow }) {
  return (
    <StepForm
      flow={flow}
      intro="Enter the 6-digit code from your authenticator app."
      submit="Verify"
      work={async (f) => flow.advance(await confirmSignIn({ challengeResponse: readField(f, "code") }), flow.email)}
    >
      <CodeField />
    </StepForm>
  );
}
