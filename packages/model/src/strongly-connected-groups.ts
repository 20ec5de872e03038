/**
 * Tarjan's algorithm over node indexes: groups of nodes that can each reach all the others, members
 * in ascending order. Validation's loop check and the console's flow map both find loops with it.
 */
export function stronglyConnectedGroups(
  nodeCount: number,
  edges: readonly (readonly number[])[],
): number[][] {
  const order = new Array<number>(nodeCount).fill(-1);
  const lowest = new Array<number>(nodeCount).fill(0);
  const onStack = new Array<boolean>(nodeCount).fill(false);
  const stack: number[] = [];
  const groups: number[][] = [];
  let counter = 0;
  const visit = (node: number): void => {
    order[node] = counter;
    lowest[node] = counter;
    counter += 1;
    stack.push(node);
    onStack[node] = true;
    for (const next of edges[node] ?? []) {
      if (order[next] === -1) {
        visit(next);
        lowest[node] = Math.min(lowest[node] as number, lowest[next] as number);
      } else if (onStack[next]) {
        lowest[node] = Math.min(lowest[node] as number, order[next] as number);
      }
    }
    if (lowest[node] !== order[node]) return;
    const group: number[] = [];
    for (;;) {
      const member = stack.pop() as number;
      onStack[member] = false;
      group.push(member);
      if (member === node) break;
    }
    groups.push(group.sort((left, right) => left - right));
  };
  for (let node = 0; node < nodeCount; node += 1) if (order[node] === -1) visit(node);
  return groups;
}
