import type { RuntimeApi, RuntimeDefinition } from './definition.js';

/** An API that asserts an injection context unless it is handed one (an injector, a `DestroyRef`). */
const asserting = (name: string, escapeArgument: number): RuntimeApi => ({
  path: [name],
  use: 'call',
  escapeArgument,
  outcome: 'throws NG0203',
});

/**
 * Angular: `inject()` and the APIs built on it need an injection context:
 * constructors, field initializers, factories, `runInInjectionContext`,
 * functional guards and interceptors. Module top level and lifecycle methods
 * of decorated classes (`ngOnInit`, …) have none; other functions and
 * callbacks may be called in one and are left alone.
 */
export const angular: RuntimeDefinition = {
  name: 'angular',
  kind: 'scoped',
  modules: ['@angular/core', '@angular/core/rxjs-interop'],
  requires: [
    { path: ['inject'], use: 'call', outcome: 'throws NG0203' },
    asserting('effect', 1),
    asserting('afterNextRender', 1),
    asserting('toSignal', 1),
    asserting('toObservable', 1),
    asserting('takeUntilDestroyed', 0),
  ],
  outside: {
    methods: [
      'ngOnChanges',
      'ngOnInit',
      'ngDoCheck',
      'ngAfterContentInit',
      'ngAfterContentChecked',
      'ngAfterViewInit',
      'ngAfterViewChecked',
      'ngOnDestroy',
    ],
  },
  wording: {
    before: 'outside an injection context',
    fix: 'call it in a constructor or initializer',
  },
};
