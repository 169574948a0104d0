// Just enough of Pinia for examples/vue to type-check.
declare module 'pinia' {
  export interface Pinia {
    readonly installed: true;
  }
  export function createPinia(): Pinia;
  export function defineStore<Id extends string, State extends object, Actions extends object>(
    id: Id,
    options: { state: () => State; actions?: Actions & ThisType<State & Actions> },
  ): (pinia?: Pinia) => State & Actions;
}
