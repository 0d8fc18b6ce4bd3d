"use client";

import { confirmResetPassword, confirmSignIn, resetPassword, signIn } from "aws-amplify/auth";
import { TextField } from "@/components/ui/text-field";
import { CodeField, StepForm } from "./step-form";
import { readField, type SignInFlow } from "./use-cognito-sign-in";

export function CredentialsStep({ flow }: { flow: SignInFlow }) {
  return (
    <StepForm
      flow={flow}
      submit="Sign in"
      work={async (f) => {
        flow.setEmail(readField(f, "email"));
        await flow.advance(
          await signIn({ username: readField(f, "email"), password: String(f.get("password")) }),
          readField(f, "email"),
        );
      }}
      after={
        <button type="button" className="text-sm underline" onClick={() => flow.setView({ kind: "reset-request" })}>
          Forgot password?
        </button>
      }
    >
      <TextField label="Email" name="email" type="email" autoComplete="username" required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
    </StepForm>
  );
}

/** A first sign-in with the temporary password an admin was given. */
export function NewPasswordStep({ flow }: { flow: SignInFlow }) {
  return (
    <StepForm
      flow={flow}
      intro="This is your first sign-in: choose your own password."
      submit="Set password"
      work={async (f) =>
        flow.advance(await confirmSignIn({ challengeResponse: String(f.get("password")) }), flow.email)
      }
    >
      <TextField label="New password" name="password" type="password" autoComplete="new-password" required />
    </StepForm>
  );
}

export function ResetRequestStep({ flow }: { flow: SignInFlow }) {
  return (
    <StepForm
      flow={flow}
      intro="We will e-mail you a code to choose a new password."
      submit="Send code"
      work={async (f) => {
        flow.setEmail(readField(f, "email"));
        const res = await resetPassword({ username: readField(f, "email") });
        flow.setView({ kind: "reset-confirm", destination: res.nextStep.codeDeliveryDetails?.destination ?? null });
      }}
    >
      <TextField label="Email" name="email" type="email" autoComplete="username" defaultValue={flow.email} required />
    </StepForm>
  );
}

export function ResetConfirmStep({ flow, destination }: { flow: SignInFlow; destination: string | null }) {
  return (
    <StepForm
      flow={flow}
      intro={`Enter the code we sent${destination ? ` to ${destination}` : ""} and your new password.`}
      submit="Set password"
      work={async (f) => {
        await confirmResetPassword({
          username: flow.email,
          confirmationCode: readField(f, "code"),
          newPassword: String(f.get("password")),
        });
        flow.setView({ kind: "credentials" });
      }}
    >
      <CodeField label="Code from the e-mail" />
      <TextField label="New password" name="password" type="password" autoComplete="new-password" required />
    </StepForm>
  );
}
