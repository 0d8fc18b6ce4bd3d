"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { SignInFlow } from "./use-cognito-sign-in";

/** The frame of every sign-in step: intro, fields, the last error, the submit button. */
export function StepForm(props: {
  flow: SignInFlow;
  intro?: string;
  submit: string;
  work: (form: FormData) => Promise<void>;
  children: ReactNode;
  after?: ReactNode;
}) {
  const { flow } = props;
  return (
    <form onSubmit={flow.run(props.work)} className="flex flex-col gap-4">
      {props.intro ? <p className="text-sm text-slate-700 dark:text-slate-300">{props.intro}</p> : null}
      {props.children}
      {flow.error ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {flow.error}
        </p>
      ) : null}
      <Button type="submit" disabled={flow.busy}>
        {props.submit}
      </Button>
      {props.after}
    </form>
  );
}

export function CodeField({ label = "Code" }: { label?: string }) {
  return (
    <TextField label={label} name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" required />
  );
}
