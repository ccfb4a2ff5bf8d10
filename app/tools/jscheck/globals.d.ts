// What the page's scripts (web/*.js) share with go-app's wasm_exec.js and
// app.js, with the page's inline script and with each other, for tsc.

// go-app's wasm_exec.js.
declare class Go {
  importObject: WebAssembly.Imports;
  run(instance: WebAssembly.Instance): Promise<void>;
}

// go-app's app.js (globals, some reassigned by boot.js).
declare var goappInitServiceWorker: () => void;
declare var goappOnUpdate: () => void;
declare var goappShowInstallPrompt: () => void;
declare var goappOnAppInstallChange: () => void;
declare var deferredPrompt: BeforeInstallPromptEvent | null;

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: string }>;
}

// boot.js → compile-worker.js.
interface CompileRequest {
  url: string;
  priority: "high" | "low";
  count: boolean;
}
declare function explainerCompile(req: CompileRequest, post: (msg: { loaded: number }) => void): Promise<WebAssembly.Module>;

interface Window {
  // The page's inline script (app/server/page.go, earlyJS).
  explainerEarly?: () => Event[];
  // boot.js's handle, for the tests and the benchmark.
  explainerBoot: { start(): Promise<void>; keepOffline(): void; readonly state: string };
  // embed.js's handle on a host page.
  explainerEmbed: { scan(): void };
}

interface Navigator {
  // The Network Information API, Chromium only.
  readonly connection?: { saveData?: boolean; effectiveType?: string };
}

interface RequestInit {
  // Fetch priority, not yet in every lib.dom.
  priority?: "high" | "low" | "auto";
}
