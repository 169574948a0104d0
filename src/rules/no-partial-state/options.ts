import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

export interface RuleOptions {
  /** Also lint test files, whose test doubles are partial objects on purpose. */
  checkTestFiles?: boolean;
  /** Also report `{} as T` when nothing shows a missing property being used before it is set. */
  reportEmptyWithoutEvidence?: boolean;
  /** Also report a partial `{ … } as T` when nothing shows a missing property being read before it is set. */
  reportPartialWithoutEvidence?: boolean;
}

export type Options = [RuleOptions];

export const DEFAULT_OPTIONS: Required<RuleOptions> = {
  checkTestFiles: false,
  reportEmptyWithoutEvidence: false,
  reportPartialWithoutEvidence: false,
};

/** The rule's one option object. */
export const OPTIONS_SCHEMA: JSONSchema4 = {
  type: 'object',
  additionalProperties: false,
  properties: {
    checkTestFiles: {
      type: 'boolean',
      description:
        'Also lint test files (`*.test.*`, `*.spec.*`, `__tests__/`, `tests/`, `__mocks__/`, `e2e/`, …), where partial test doubles are the point. Default `false`.',
    },
    reportEmptyWithoutEvidence: {
      type: 'boolean',
      description:
        'Also report an empty `{}` asserted to a type when no code in the file reads or updates a missing property before it is set. Default `false`.',
    },
    reportPartialWithoutEvidence: {
      type: 'boolean',
      description:
        'Also report an object literal asserted to a type it only partly builds when no code in the file (or in the function it is passed to) reads a missing property before it is set. Default `false`.',
    },
  },
};
