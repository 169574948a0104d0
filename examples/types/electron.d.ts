// Just enough of Electron's main-process API for examples/electron to type-check.
declare module 'electron' {
  interface BrowserWindowOptions {
    width?: number;
    height?: number;
    show?: boolean;
  }
  export class BrowserWindow {
    constructor(options?: BrowserWindowOptions);
    loadURL(url: string): Promise<void>;
    show(): void;
    static getAllWindows(): BrowserWindow[];
  }
  interface App {
    whenReady(): Promise<void>;
    isReady(): boolean;
    quit(): void;
    on(event: 'window-all-closed' | 'activate', listener: () => void): this;
  }
  export const app: App;
}
