import rule from '../../../src/rules/no-work-before-runtime/index.js';
import { createJsRuleTester, createRuleTester } from '../../rule-tester.js';
import { at } from '../../util/probe-rule.js';

const REMEDY = 'call it in a constructor or initializer';

const report = (api: string, timing: string, line: number, column: number, endColumn: number) => ({
  messageId: 'notReady' as const,
  data: { api, outcome: 'throws NG0203', timing, remedy: REMEDY },
  ...at(line, column, endColumn),
});

const IMPORT = `import { Component, DestroyRef, Injectable, inject, runInInjectionContext, EnvironmentInjector } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
class Router {}
declare const events: { pipe(...args: unknown[]): unknown };
`;

createRuleTester().run('no-work-before-runtime (angular)', rule, {
  valid: [
    // Field initializers and constructors are injection contexts.
    `${IMPORT}@Component({ selector: 'app-root', template: '' })
export class AppComponent {
  private router = inject(Router);
  private destroyRef: DestroyRef;
  constructor() { this.destroyRef = inject(DestroyRef); }
}`,
    // Factories, runInInjectionContext, functional guards: callbacks, left alone.
    `${IMPORT}export const providers = [{ provide: Router, useFactory: () => inject(Router) }];
declare const injector: EnvironmentInjector;
runInInjectionContext(injector, () => inject(Router));
export const authGuard = () => inject(Router);`,
    // An explicit DestroyRef needs no context.
    `${IMPORT}@Component({ selector: 'x', template: '' })
export class ListComponent {
  private destroyRef = inject(DestroyRef);
  ngOnInit() { events.pipe(takeUntilDestroyed(this.destroyRef)); }
}`,
    // A lifecycle-named method of an undecorated class: who calls it is unknown.
    `${IMPORT}export class Plain { ngOnInit() { inject(Router); } }`,
    // A local inject is not Angular's.
    `import { Component } from '@angular/core';
const inject = (token: unknown) => token;
inject(1);`,
  ],
  invalid: [
    {
      code: `${IMPORT}const router = inject(Router);`,
      errors: [report('inject()', 'outside an injection context', 5, 16, 30)],
    },
    {
      code: `${IMPORT}@Injectable({ providedIn: 'root' })
export class Session {
  ngOnInit() {
    const router = inject(Router);
    events.pipe(takeUntilDestroyed());
  }
}`,
      errors: [
        report('inject()', 'in `ngOnInit()`', 8, 20, 34),
        report('takeUntilDestroyed()', 'in `ngOnInit()`', 9, 17, 37),
      ],
    },
  ],
});

createJsRuleTester().run('no-work-before-runtime (angular, JavaScript)', rule, {
  valid: [
    // espree's classes carry no decorators: an undecorated class is left alone.
    `import { inject } from '@angular/core';
export class Plain { ngOnInit() { inject(Object); } }`,
  ],
  invalid: [
    {
      code: `import { inject } from '@angular/core';
export const token = inject(Object);`,
      errors: [report('inject()', 'outside an injection context', 2, 22, 36)],
    },
  ],
});
