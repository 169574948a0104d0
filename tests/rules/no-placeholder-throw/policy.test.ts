import rule from '../../../src/rules/no-placeholder-throw/index.js';
import { createJsRuleTester, createRuleTester } from '../../rule-tester.js';
import { locate } from '../../util/probe-rule.js';

/*
 * The policies for throws that are finished code with an unfinished text
 * (a failure guard whose message is a bare marker) and for deliberate refusals
 * (a program's own error class saying which feature is not available).
 */

/** A `placeholderMessage` report on the `occurrence`-th `throw …;` statement `statement` of `code`. */
function reported(code: string, statement: string, text: string, occurrence = 0) {
  return {
    code,
    errors: [{ messageId: 'placeholderMessage' as const, data: { text }, ...locate(code, statement, occurrence) }],
  };
}

const lines = (...parts: string[]) => parts.join('\n');

createRuleTester().run('no-placeholder-throw: failure guards with a marker message', rule, {
  valid: [
    // A missing value, checked in a function that goes on to use it: the text is what is unfinished.
    lines(
      'async function loadInvoice(id: string): Promise<Invoice> {',
      '  const invoice = await db.invoices.find(id);',
      "  if (invoice == null) { throw new Error('TODO'); }",
      '  return invoice;',
      '}',
    ),
    lines(
      'function readPort(config: Config): number {',
      "  if (config.port === undefined) throw new Error('FIXME');",
      '  return config.port;',
      '}',
    ),
    // `!x`, a mismatch between two values, `||` of checks, `typeof`: each checks for a failure.
    lines(
      'const session = (token: string) => {',
      '  const user = users.get(token);',
      "  if (!user) throw new Error('XXX');",
      '  return user;',
      '};',
    ),
    lines(
      'async function send(signed: string, hash: string) {',
      '  const tx = parse(signed);',
      '  if (tx == null || tx.hash !== hash) {',
      "    throw new Error('@TODO: the returned hash did not match');",
      '  }',
      '  return tx;',
      '}',
    ),
    lines(
      'function sizeOf(value: unknown): number {',
      "  if (typeof value !== 'string') throw new Error('TBD');",
      '  return value.length;',
      '}',
    ),
    // The same in a class method and a nested callback that do other work.
    lines(
      'class Receipt {',
      '  async getBlock(): Promise<Block> {',
      '    const block = await this.provider.getBlock(this.blockHash);',
      "    if (block === null) { throw new Error('todo'); }",
      '    return block;',
      '  }',
      '}',
    ),
    lines(
      'const address = target.getAddress().then((addr) => {',
      "  if (addr == null) { throw new Error('TODO'); }",
      '  cache.addr = addr;',
      '  return addr;',
      '});',
    ),
  ],
  invalid: [
    // A guard that chooses a case: the code for that case may be what is missing.
    reported(
      lines(
        'function exportReport(format: string) {',
        "  if (format === 'pdf') throw new Error('TODO');",
        '  return toCsv();',
        '}',
      ),
      "throw new Error('TODO');",
      'TODO',
    ),
    reported(
      lines(
        'function exportReport(format: string) {',
        "  if (format !== 'csv') throw new Error('TODO');",
        '  return toCsv();',
        '}',
      ),
      "throw new Error('TODO');",
      'TODO',
    ),
    // Throwing when something is there is no check for a missing value.
    reported(
      lines(
        'function connect(url: string) {',
        "  if (socket != null) throw new Error('TODO');",
        '  socket = open(url);',
        '}',
      ),
      "throw new Error('TODO');",
      'TODO',
    ),
    // A guard that is all the function does: a stub behind a check.
    reported(
      lines('function refund(order: Order) {', "  if (!order) { throw new Error('TODO'); }", '}'),
      "throw new Error('TODO');",
      'TODO',
    ),
    // The same text as the whole body of a method stays reported.
    reported(
      lines('class Contract {', '  fallback(): void {', "    throw new Error('TODO');", '  }', '}'),
      "throw new Error('TODO');",
      'TODO',
    ),
    // A text that says the code is missing, under a failure guard.
    reported(
      lines(
        'function load(id: string) {',
        '  const row = rows.get(id);',
        "  if (!row) throw new Error('TODO: implement lazy loading');",
        '  return row;',
        '}',
      ),
      "throw new Error('TODO: implement lazy loading');",
      'TODO: implement lazy loading',
    ),
    reported(
      lines(
        'function load(id: string) {',
        '  const row = rows.get(id);',
        "  if (!row) throw new Error('Not implemented');",
        '  return row;',
        '}',
      ),
      "throw new Error('Not implemented');",
      'Not implemented',
    ),
    // Not the whole consequent: the throw follows other work in the branch.
    reported(
      lines(
        'function load(id: string) {',
        '  const row = rows.get(id);',
        "  if (!row) { log(id); throw new Error('TODO'); }",
        '  return row;',
        '}',
      ),
      "throw new Error('TODO');",
      'TODO',
    ),
    // In the `else` branch, the throw is what runs when the check passes.
    reported(
      lines(
        'function load(id: string) {',
        '  const row = rows.get(id);',
        "  if (!row) { return fallback(id); } else { throw new Error('TODO'); }",
        '}',
      ),
      "throw new Error('TODO');",
      'TODO',
    ),
    // Outside any function.
    reported("if (!process.env.TOKEN) throw new Error('TODO');\nstart();", "throw new Error('TODO');", 'TODO'),
    // A placeholder error class stays a placeholder whatever guards it.
    (() => {
      const code = lines(
        'function load(id: string) {',
        '  const row = rows.get(id);',
        "  if (!row) throw new NotImplementedError('TODO');",
        '  return row;',
        '}',
      );
      const statement = "throw new NotImplementedError('TODO');";
      return {
        code,
        errors: [
          {
            messageId: 'placeholderErrorClass' as const,
            data: { errorClass: 'NotImplementedError' },
            ...locate(code, statement),
          },
        ],
      };
    })(),
  ],
});

createRuleTester().run('no-placeholder-throw: guards and messagePatterns', rule, {
  valid: [],
  invalid: [
    {
      // A marker of the team's own is reported wherever it stands.
      ...reported(
        lines(
          'function load(id: string) {',
          '  const row = rows.get(id);',
          "  if (!row) throw new Error('WIP');",
          '  return row;',
          '}',
        ),
        "throw new Error('WIP');",
        'WIP',
      ),
      options: [{ messagePatterns: ['^wip$'] }],
    },
  ],
});

createJsRuleTester().run('no-placeholder-throw: deliberate refusals by a program error class', rule, {
  valid: [
    // A command's own error class telling the user an option does nothing yet.
    lines(
      'async function deployChannel(channelId, options) {',
      '  if (options.open) {',
      "    throw new CliError('open is not yet implemented');",
      '  }',
      '  return deploy(channelId);',
      '}',
    ),
    "throw new errors.DeployError('Updating Cloud Run functions is not yet implemented.');",
    'throw new HttpException(`${method} is not implemented`, 501);',
  ],
  invalid: [
    // The quick fix's text says nothing of its own, whatever the class.
    reported(
      "class Mailer {\n  send() {\n    throw new MailerError('Method not implemented.');\n  }\n}",
      "throw new MailerError('Method not implemented.');",
      'Method not implemented.',
    ),
    // A text that names only the function it stands in.
    reported(
      "function sync() {\n  throw new AppError('sync is not implemented');\n}",
      "throw new AppError('sync is not implemented');",
      'sync is not implemented',
    ),
    // A marker or no subject: still unfinished.
    reported(
      "throw new CliError('TODO: open the browser');",
      "throw new CliError('TODO: open the browser');",
      'TODO: open the browser',
    ),
    reported(
      "throw new CliError('Not implemented yet');",
      "throw new CliError('Not implemented yet');",
      'Not implemented yet',
    ),
    // `Error` and the built-in classes are what code throws at code: the sentence is no refusal to a user.
    reported(
      "throw new Error('open is not yet implemented');",
      "throw new Error('open is not yet implemented');",
      'open is not yet implemented',
    ),
    reported(
      "throw new TypeError('Cloud Run functions are not implemented');",
      "throw new TypeError('Cloud Run functions are not implemented');",
      'Cloud Run functions are not implemented',
    ),
  ],
});
