// The analysis kit, loaded once: index.tsx starts the download as the pane opens, and the first analysis
// waits for it. Sessions exist only once it is here, so their synchronous steps (analyse, correct) can use it.
type Kit = typeof import("./analysisKit.ts");

let loaded: Kit | null = null;
let loading: Promise<Kit> | null = null;

export function loadKit(): Promise<Kit> {
  loading ??= import(/* webpackChunkName: "analysis" */ "./analysisKit.ts").then((kit) => (loaded = kit));
  return loading;
}

export function kit(): Kit {
  if (!loaded) throw new Error("the analysis kit is used before loadKit() resolved");
  return loaded;
}
