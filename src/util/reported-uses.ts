import type { TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

/** More than one info for the same node and kind of use (rare): kept apart from an info that is an array itself. */
class Several {
  constructor(readonly infos: unknown[]) {}
}

/**
 * The uses a reference walk (`reference-walk.ts`) has reported, so that each
 * kind of use of a node is reported once per info. A walk reaches a node a
 * second time only after one of a few events, which it announces with
 * `mayRepeat`: a variable followed again, a value passed on by `a || b` or
 * `c ? a : b` (two operands reach one parent), a default value
 * (`{ x = value } = …` reaches the pattern from two sides), `export * from`.
 * Until then the uses are only listed, three slots each, which costs far less
 * than a map entry per use (most walks, in most files, never see one of
 * those events); the first event files the list by kind of use and node.
 */
export class ReportedUses {
  private listed: unknown[] | undefined = [];
  /** By kind of use and node: one info, or `Several` (most nodes are used in one way). */
  private byType: Map<symbol, Map<Node, unknown>> | undefined;

  /** Whether the use is new (it is known from now on). */
  add(node: Node, type: symbol, info: unknown): boolean {
    if (!this.listed) return this.file(node, type, info);
    this.listed.push(node, type, info);
    return true;
  }

  /** From now on a node may be reached again: the uses listed so far are filed. */
  mayRepeat(): void {
    const { listed } = this;
    if (!listed) return;
    this.listed = undefined;
    for (let index = 0; index < listed.length; index += 3) {
      this.file(listed[index] as Node, listed[index + 1] as symbol, listed[index + 2]);
    }
  }

  private file(node: Node, type: symbol, info: unknown): boolean {
    const byType = (this.byType ??= new Map<symbol, Map<Node, unknown>>());
    let byNode = byType.get(type);
    if (!byNode) byType.set(type, (byNode = new Map<Node, unknown>()));
    const known = byNode.get(node);
    if (known === undefined) {
      byNode.set(node, info);
    } else if (known instanceof Several) {
      if (known.infos.includes(info)) return false;
      known.infos.push(info);
    } else {
      if (known === info) return false;
      byNode.set(node, new Several([known, info]));
    }
    return true;
  }
}
