import { parseArgs } from 'node:util';

/** What the command line asked for. */
export interface CliArguments {
  paths: string[];
  format: string;
  ignorePatterns: string[];
  quiet: boolean;
  outputFile: string | undefined;
  maxWarnings: number | undefined;
  help: boolean;
  version: boolean;
}

/** A mistake in how the command was called or configured: exit code 2, one line on stderr. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'ignore-pattern': { type: 'string', multiple: true },
  quiet: { type: 'boolean' },
  'output-file': { type: 'string', short: 'o' },
  'max-warnings': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export const HELP = `Usage: defuse [paths...] [options]

Lints the given files, directories and glob patterns (default: .) with every
eslint-plugin-defuse rule, ignoring any ESLint config of the project except its
ignores. Each TypeScript file gets type information from the nearest tsconfig.json
that includes it; stderr says which files were linted without, and why.

Options:
  -f, --format <name>          ESLint formatter: stylish (default), json, or any installed one
  --ignore-pattern <pattern>   Skip files matching a .gitignore-style pattern (repeatable)
  --quiet                      Report errors only, not warnings
  -o, --output-file <path>     Write the report to a file instead of stdout
  --max-warnings <number>      Exit 1 when there are more warnings than this
  -h, --help                   Show this help
  -v, --version                Show the version

Exit codes: 0 no problems, 1 problems found, 2 usage or configuration error, or a
file whose lint failed.
`;

type OptionName = keyof typeof OPTIONS;

/**
 * Parses the arguments with node:util's parser in its lenient mode and checks
 * the tokens ourselves, so that a mistake reads `unknown option --foo` rather
 * than the parser's longer text. `-f=json` is read as `-f json`, as ESLint does.
 */
export function parseArguments(argv: readonly string[]): CliArguments {
  const { positionals, tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });

  const strings = new Map<OptionName, string[]>();
  const flags = new Set<OptionName>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (!Object.hasOwn(OPTIONS, token.name)) {
      throw new UsageError(`unknown option ${token.rawName}`);
    }
    const name = token.name as OptionName;
    if (OPTIONS[name].type === 'string') {
      const value = token.rawName.length === 2 && token.inlineValue ? token.value.replace(/^=/, '') : token.value;
      if (value === undefined || value === '') throw new UsageError(`option ${token.rawName} needs a value`);
      strings.set(name, [...(strings.get(name) ?? []), value]);
    } else {
      if (token.value !== undefined) throw new UsageError(`option ${token.rawName} takes no value`);
      flags.add(name);
    }
  }

  const last = (name: OptionName): string | undefined => strings.get(name)?.at(-1);
  const maxWarnings = last('max-warnings');
  if (maxWarnings !== undefined && !/^-?\d+$/.test(maxWarnings)) {
    throw new UsageError(`option --max-warnings needs a whole number, not "${maxWarnings}"`);
  }

  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    format: last('format') ?? 'stylish',
    ignorePatterns: strings.get('ignore-pattern') ?? [],
    quiet: flags.has('quiet'),
    outputFile: last('output-file'),
    // ESLint's default, -1, means no limit.
    maxWarnings: maxWarnings === undefined || Number(maxWarnings) < 0 ? undefined : Number(maxWarnings),
    help: flags.has('help'),
    version: flags.has('version'),
  };
}
