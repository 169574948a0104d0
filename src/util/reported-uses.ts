import type { TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

/** More than one info for the same node and kind of use (rare): kept apart from an info that is an array itself. */
class Several {
  constructor(readonly infos: unknown[]) {}
}

/** Files one use (`ReportedUses` answers whether it was new). */
export type FileUse = (node: Node, type: symbol, info: unknown) => void;

/**
 * Where a walk's uses already are, so that they need no copy of their own
 * until a repeat is possible: `replay` files every use emitted so far whose
 * info `replays` (the others are listed as they come).
 */
export interface EmittedUses {
  replays(info: unknown): boolean;
  replay(file: FileUse): void;
}

/** Every use, read back from the one list the walk keeps them in. */
export function usesIn(list: readonly { node: Node; type: symbol; info: unknown }[]): EmittedUses {
  return {
    replays: () => true,
    replay: (file) => list.forEach(({ node, type, info }) => file(node, type, info)),
  };
}

/** Nothing emitted can be read back: every use is listed. */
const NOT_KEPT: EmittedUses = { replays: () => false, replay: () => undefined };

/**
 * The uses a reference walk (`reference-walk.ts`) has reported, so that each
 * kind of use of a node is reported once per info. A walk reaches a node a
 * second time only after one of a few events, which it announces with
 * `mayRepeat`: a variable followed again, a value passed on by `a || b` or
 * `c ? a : b` (two operands reach one parent), a default value
 * (`{ x = value } = …` reaches the pattern from two sides), `export * from`.
 * Until then a use needs no record (most walks, in most files, never see one
 * of those events): the first event files the uses by kind of use and node,
 * read back from where the walk emitted them (`EmittedUses`), or from a list
 * of three slots per use for those that cannot be read back.
 */
export class ReportedUses {
  private listed: unknown[] | undefined = [];
  /** By kind of use and node: one info, or `Several` (most nodes are used in one way). */
  private byType: Map<symbol, Map<Node, unknown>> | undefined;

  constructor(private readonly emitted: EmittedUses = NOT_KEPT) {}

  /** Whether the use is new (it is known from now on). */
  add(node: Node, type: symbol, info: unknown): boolean {
    if (!this.listed) return this.file(node, type, info);
    if (!this.emitted.replays(info)) this.listed.push(node, type, info);
    return true;
  }

  /** From now on a node may be reached again: the uses reported so far are filed. */
  mayRepeat(): void {
    const { listed } = this;
    if (!listed) return;
    this.listed = undefined;
    for (let index = 0; index < listed.length; index += 3) {
      this.file(listed[index] as Node, listed[index + 1] as symbol, listed[index + 2]);
    }
    this.emitted.replay((node, type, info) => this.file(node, type, info));
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
