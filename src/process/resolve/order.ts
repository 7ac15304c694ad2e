// Processing order (spec §2.5): Kahn's algorithm with a FIFO queue, in blueprint order.
import { BlueprintError } from '../errors.js';

export interface DependencyNode {
  readonly name: string;
  readonly dependsOn: readonly string[];
}

/**
 * Names in processing order: the queue starts with the metrics without dependencies (blueprint order);
 * taking a metric decrements, in blueprint order, the unmet count of every metric listing it, which joins
 * the queue at zero. A cycle or an unknown dependency is a BlueprintError naming the metrics involved.
 */
export function processingOrder(nodes: readonly DependencyNode[], label = 'blueprint'): string[] {
  const unmet = nodes.map((node) => node.dependsOn.length);
  const queue: number[] = [];
  nodes.forEach((_, i) => {
    if (unmet[i] === 0) queue.push(i);
  });
  const order: string[] = [];
  for (let head = 0; head < queue.length; head++) {
    const taken = nodes[queue[head]!]!.name;
    order.push(taken);
    nodes.forEach((node, i) => {
      if (!node.dependsOn.includes(taken)) return;
      unmet[i] = unmet[i]! - 1;
      if (unmet[i] === 0) queue.push(i);
    });
  }
  if (order.length === nodes.length) return order;
  const known = new Set(nodes.map((node) => node.name));
  const unknown = nodes.flatMap((node) =>
    node.dependsOn.filter((dep) => !known.has(dep)).map((dep) => `${node.name} -> ${dep}`),
  );
  if (unknown.length > 0)
    throw new BlueprintError(`${label}: depends_on names unknown metrics: ${unknown.join(', ')}`);
  const done = new Set(order);
  const stuck = nodes.filter((node) => !done.has(node.name)).map((node) => node.name);
  throw new BlueprintError(
    `${label}: dependency cycle (or repeated depends_on entry) among ${stuck.join(', ')}`,
  );
}
