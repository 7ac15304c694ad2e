// Blueprint documents (blueprints/*.json): the metric recipe of a device.
import { DocumentError } from '../errors.js';
import type { Kwargs } from '../functions/types.js';
import { describe, expectArray, expectObject, expectString, isObject, optionalString } from './json.js';

export const DEFAULT_MODULE = 'scdata.device.process';

export interface BlueprintMetric {
  readonly name: string;
  readonly description: string | null;
  /** API sensor id the result is posted to, or null. */
  readonly id: number | null;
  readonly function: string;
  readonly module: string;
  readonly unit: string | null;
  /** Read but ignored by the original (quirk Q6): posting follows `id`. */
  readonly post: boolean;
  readonly args: readonly unknown[];
  readonly kwargs: Kwargs;
  readonly dependsOn: readonly string[];
}

export interface Blueprint {
  readonly meta: unknown;
  readonly metrics: readonly BlueprintMetric[];
}

/** Validate a parsed blueprint; only `meta` and `metrics` are allowed at the top level (as the original). */
export function parseBlueprint(json: unknown, label = 'blueprint'): Blueprint {
  const root = expectObject(json, label, 'the document');
  for (const key of Object.keys(root)) {
    if (key !== 'meta' && key !== 'metrics')
      throw new DocumentError(`${label}: unknown top-level key '${key}'`);
  }
  const metrics = expectArray(root.metrics ?? [], label, 'metrics').map((m, i) => parseMetric(m, label, i));
  const seen = new Set<string>();
  for (const metric of metrics) {
    if (seen.has(metric.name)) throw new DocumentError(`${label}: metric '${metric.name}' is defined twice`);
    seen.add(metric.name);
  }
  return { meta: root.meta ?? null, metrics };
}

function parseMetric(json: unknown, label: string, position: number): BlueprintMetric {
  const m = expectObject(json, label, `metrics[${position}]`);
  const name = expectString(m.name, label, `metrics[${position}].name`);
  const where = `metric ${name}`;
  const id = m.id ?? null;
  if (id !== null && !(typeof id === 'number' && Number.isInteger(id))) {
    throw new DocumentError(`${label}: ${where}: id must be an integer or null, got ${describe(id)}`);
  }
  const post = m.post ?? false;
  if (typeof post !== 'boolean') throw new DocumentError(`${label}: ${where}: post must be a boolean`);
  const kwargs = m.kwargs ?? {};
  if (!isObject(kwargs))
    throw new DocumentError(`${label}: ${where}: kwargs must be an object, got ${describe(kwargs)}`);
  const dependsOn = expectArray(m.depends_on ?? [], label, `${where}: depends_on`).map((d) =>
    expectString(d, label, `${where}: depends_on entries`),
  );
  return {
    name,
    description: optionalString(m.description, label, `${where}: description`),
    id,
    function: expectString(m.function, label, `${where}: function`),
    module: optionalString(m.module, label, `${where}: module`) ?? DEFAULT_MODULE,
    unit: optionalString(m.unit, label, `${where}: unit`),
    post,
    args: expectArray(m.args ?? [], label, `${where}: args`),
    kwargs,
    dependsOn,
  };
}
