import type { TSESTree } from '@typescript-eslint/utils';

import { createRule } from '../../util/create-rule.js';
import type { FatalFile, MessageIds } from './context.js';
import { isElectronAppModule } from './electron-app.js';
import { createExitCodeAnalysis } from './exit-code.js';
import { reportFailureExits } from './failure-exits.js';
import { hasTopLevelCandidate, importsElectron, isVueComponent } from './handlers.js';
import { locationOf, suggestionsFor } from './suggestions.js';
import { findTopLevelHandlers } from './top-level.js';
import { endsFatally, receiverMayBeThenable } from './verdict.js';

const RULE_NAME = 'no-zero-exit-on-fatal';

/** Whether the file belongs to an Electron app's process, whose exit code nobody reads. */
function isElectronApp(context: FatalFile['context']): boolean {
  return importsElectron(context.sourceCode) || isElectronAppModule(context.filename, context.sourceCode.text);
}

/**
 * Reports the handlers that let a fatal error end the process with code 0, once the file's code paths are known;
 * then, when the file has exits (`searchExits`) and is not an Electron app's (asked only when one is found), the
 * exits with code 0 after an error.
 */
function reportAll(
  file: FatalFile,
  searchExits: boolean,
  electronApp: () => boolean,
  listeners: ReadonlySet<TSESTree.Node>,
): void {
  for (const handler of file.handlers) {
    if (endsFatally(file, handler) !== false) continue;
    if (handler.kind !== 'catch' && !receiverMayBeThenable(file, handler.receiver)) continue;
    // An Electron app's fatal-error listener that logs and goes on keeps the desktop app running on purpose.
    if (listeners.has(handler.node) && electronApp()) continue;
    file.context.report({
      loc: locationOf(file.sourceCode, handler),
      messageId: 'exitsZero',
      suggest: suggestionsFor(file, handler),
    });
  }
  // The top-level handlers are judged as a whole, their exits included.
  if (searchExits)
    reportFailureExits(
      file.context,
      file.handlers.map((handler) => handler.node),
      () => !electronApp(),
    );
}

export default createRule<[], MessageIds>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow entry-point error handlers that log a fatal error and let the process exit with code 0',
      recommended: 'recommended',
      usesTypeInformation: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      exitsZero:
        'This handler logs the fatal error and the process then exits with code 0, so restarts and CI see success; set `process.exitCode = 1` or rethrow.',
      // Reported in failure-exits.ts, where this lint rule cannot see it.
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids
      exitsZeroAfterError:
        'This exit ends the process with code 0 right after an error was logged, so restarts and CI see success; pass a non-zero code such as 1.',
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids
      exitNonZero: 'Exit with code 1.',
      // The suggestions are made in suggestions.ts, where this lint rule cannot see them.
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids
      setExitCode: 'Set `process.exitCode = 1` in the handler.',
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids
      wrapHandler: 'Wrap `{{handler}}` in a handler that also sets `process.exitCode = 1`.',
    },
  },
  create(context) {
    const { sourceCode } = context;
    if (isVueComponent(context.filename)) return {};
    // Cheap filters: a file with none of the handled shapes is left alone.
    const exits = /\bexit\s*(?:\?\.\s*)?\(/.test(sourceCode.text);
    const found =
      /\.\s*(?:catch|then)\b|\bcatch\s*[({]|Exception|Rejection/.test(sourceCode.text) &&
      // Structural filter: only statements of the module's own code are judged as handlers.
      hasTopLevelCandidate(sourceCode)
        ? findTopLevelHandlers(sourceCode)
        : undefined;
    // Without a handler, the code paths decide nothing: only the exits after an error are searched.
    if (!found || found.handlers.length === 0) {
      if (!exits) return {};
      return {
        'Program:exit'() {
          reportFailureExits(context, [], () => !isElectronApp(context));
        },
      };
    }
    let electronProcess: boolean | undefined;
    const electronApp = (): boolean => (electronProcess ??= isElectronApp(context));

    const file: FatalFile = {
      context,
      sourceCode,
      analysis: createExitCodeAnalysis(sourceCode, () => reportAll(file, exits, electronApp, found.listeners)),
      handlers: found.handlers,
      listenCalls: found.listenCalls,
    };
    return file.analysis.listeners;
  },
});
