// Just enough of vue-router (and of .vue single-file components) for examples/vue to type-check.
declare module 'vue-router' {
  export interface RouteLocation {
    path: string;
    meta: Record<string, unknown>;
  }
  export interface RouteRecord {
    path: string;
    component: () => Promise<unknown>;
    meta?: Record<string, unknown>;
  }
  export interface Router {
    beforeEach(guard: (to: RouteLocation) => boolean | string | void): () => void;
  }
  export function createRouter(options: { history: unknown; routes: RouteRecord[] }): Router;
  export function createWebHistory(base?: string): unknown;
}

declare module '*.vue' {
  const component: unknown;
  export default component;
}
