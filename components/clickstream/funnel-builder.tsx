"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useFunnelQuery, useSavedFunnelQuery } from "@/components/hooks/queries/use-funnel-query";
import type { FunnelQueryInput } from "@/lib/schemas/funnel";
import {
  buildFunnelFormSearch,
  buildFunnelQuery,
  FUNNEL_FORM_PARAM,
  type FunnelForm,
  readFunnelForm,
  readFunnelFormSearch,
} from "@/lib/schemas/funnel-form";
import { FunnelCorrelation } from "./funnel/funnel-correlation";
import { FunnelDefinitionForm } from "./funnel/funnel-definition-form";
import { FunnelResults } from "./funnel/funnel-results";
import { SavedFunnels } from "./funnel/saved-funnels";
import { useFunnelFormState } from "./funnel/use-funnel-form-state";

/**
 * The URL is the funnel that runs (`?saved=<id>` or `?f=<encoded form>`): running pushes the edited
 * form into it, so results are shareable and the back button works.
 */
export function FunnelBuilder({ me }: { me: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const savedId = params.get("saved");
  const saved = useSavedFunnelQuery(savedId);
  const applied: FunnelForm | null = savedId
    ? saved.data
      ? readFunnelForm(saved.data.definition as unknown as FunnelQueryInput)
      : null
    : readFunnelFormSearch(params.get(FUNNEL_FORM_PARAM));
  const state = useFunnelFormState(applied);
  const result = useFunnelQuery(applied);

  return (
    <div className="flex flex-col gap-6">
      <FunnelDefinitionForm
        state={state}
        onRun={() => router.push(`${pathname}?${buildFunnelFormSearch(state.form)}`)}
      />
      {result.isError ? (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:bg-amber-950">
          {result.error.message}
        </p>
      ) : null}
      {result.isFetching ? <p>Running…</p> : null}
      {result.data ? <FunnelResults result={result.data} /> : null}
      {result.data && applied ? (
        <FunnelCorrelation key={JSON.stringify(applied)} query={buildFunnelQuery(applied)} />
      ) : null}
      <SavedFunnels form={state.form} me={me} />
    </div>
  );
}
