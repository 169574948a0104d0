import type { RuntimeApi, RuntimeDefinition } from './definition.js';

const CONTEXTS =
  'such as a constructor, a factory function, a field initializer, or a function used with `runInInjectionContext`';

/** An API that asserts an injection context unless it is handed one (an injector, a `DestroyRef`). */
const asserting = (name: string, escapeArgument: number): RuntimeApi => ({
  path: [name],
  use: 'call',
  escapeArgument,
  effect: `it throws NG0203 '${name}() can only be used within an injection context ${CONTEXTS}'`,
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
    {
      path: ['inject'],
      use: 'call',
      effect: `it throws NG0203 '\`inject()\` function must be called from an injection context ${CONTEXTS}.'`,
    },
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
    fix: 'call it in a constructor or field initializer, or inside `runInInjectionContext()`',
  },
};
