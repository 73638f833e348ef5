// A small MediaGen caller typed by the types `npm run types` generates from docs/openapi.json.
// The tests type-check it with tsc: when the API document changes under it, this file stops compiling.
import type { components, paths } from "./mediagen-api";

type JobRequest = components["schemas"]["JobRequest"];
type JobAccepted = paths["/api/jobs"]["post"]["responses"]["202"]["content"]["application/json"];
type JobState = paths["/api/jobs/{id}"]["get"]["responses"]["200"]["content"]["application/json"];
type JobPage = components["schemas"]["JobPage"];
type Problem = components["schemas"]["ProblemDetails"];

const request: JobRequest = {
  kind: "image",
  provider: "comet",
  params: { prompt: "A lighthouse at dusk, watercolor", size: "1024x1024" },
  output: { container: "media", folder: "examples" },
  callbackUrl: "https://example.com/hooks/mediagen",
  callbackEvents: ["started", "output", "completed"],
};

// @ts-expect-error an event the API does not deliver is refused by the types.
const wrongEvent: JobRequest = { kind: "image", provider: "comet", params: {}, callbackEvents: ["finished"] };

/** What a finished job's time went into, for billing (null until it ended). */
export function billableSeconds(state: JobState): number | null {
  const metrics = state.metrics;
  return metrics ? Number(metrics.providerSeconds) + Number(metrics.copySeconds) : null;
}

// @ts-expect-error a kind the API does not know is refused by the types, not by the server at run time.
const wrongKind: JobRequest = { kind: "hologram", provider: "comet", params: {} };

export async function startAndWait(baseUrl: string, apiKey: string): Promise<JobState> {
  const headers = { "content-type": "application/json", "x-functions-key": apiKey };
  const started = await fetch(`${baseUrl}/api/jobs`, { method: "POST", headers, body: JSON.stringify(request) });
  if (started.status !== 202 && started.status !== 200) {
    const problem = (await started.json()) as Problem;
    throw new Error(`${started.status}: ${problem.title ?? "refused"} ${problem.detail ?? ""}`);
  }

  const accepted = (await started.json()) as JobAccepted;
  for (;;) {
    const state = (await (await fetch(accepted.statusQueryGetUri, { headers })).json()) as JobState;
    if (state.status === "Completed" || state.status === "Failed" || state.status === "Canceled") {
      return state;
    }

    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export async function listFirstPage(baseUrl: string, apiKey: string): Promise<string[]> {
  const page = (await (await fetch(`${baseUrl}/api/jobs?pageSize=10`, { headers: { "x-functions-key": apiKey } })).json()) as JobPage;
  return page.jobs.map((job) => `${job.id} ${job.kind} ${job.status}`);
}

export const refused = [wrongKind, wrongEvent];
