// Office.onReady, with a deadline: office.js can load (from a cache, or a page opened outside Office)
// and never call back, and the pane would stay blank. After the deadline (8 s: Excel on the web can take a few
// seconds to answer) the pane starts standalone.
export interface OfficeLike {
  onReady(callback: (info: { host: unknown; platform: unknown }) => void): unknown;
}

export type ReadyInfo = { host: unknown; platform: unknown } | null;

/** The onReady info, or null (standalone) when Office is absent or silent for `timeoutMs`. */
export function officeReady(office: OfficeLike | undefined, timeoutMs = 8_000): Promise<ReadyInfo> {
  if (!office || typeof office.onReady !== "function") return Promise.resolve(null);
  return new Promise((resolve) => {
    let done = false;
    const finish = (info: ReadyInfo) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(info);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    try {
      office.onReady((info) => finish(info));
    } catch {
      finish(null);
    }
  });
}
