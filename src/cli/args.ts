import { parseArgs } from 'node:util';

/** What the command line asked for. */
export interface CliArguments {
  paths: string[];
  format: string;
  help: boolean;
  version: boolean;
}

/** A mistake in how the command was called or configured: exit code 2, one line on stderr. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export const HELP = `Usage: defuse [paths...] [options]

Lints the given files and directories (default: .) with every eslint-plugin-defuse
rule, ignoring any ESLint config of the project. Type-aware when a tsconfig.json is
found, syntactic otherwise.

Options:
  -f, --format <name>  ESLint formatter: stylish (default), json, or any installed one
  -h, --help           Show this help
  -v, --version        Show the version

Exit codes: 0 no problems, 1 problems found, 2 usage or configuration error.
`;

/**
 * Parses the arguments with node:util's parser in its lenient mode and checks
 * the tokens ourselves, so that a mistake reads `unknown option --foo` rather
 * than the parser's longer text.
 */
export function parseArguments(argv: readonly string[]): CliArguments {
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });

  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (!Object.hasOwn(OPTIONS, token.name)) {
      throw new UsageError(`unknown option ${token.rawName}`);
    }
    const expectsValue = OPTIONS[token.name as keyof typeof OPTIONS].type === 'string';
    if (expectsValue && (token.value === undefined || token.value === '')) {
      throw new UsageError(`option ${token.rawName} needs a value`);
    }
    if (!expectsValue && token.value !== undefined) {
      throw new UsageError(`option ${token.rawName} takes no value`);
    }
  }

  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    format: typeof values.format === 'string' ? values.format : 'stylish',
    help: values.help === true,
    version: values.version === true,
  };
}
