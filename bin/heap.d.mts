// Types of bin/heap.mjs (plain JavaScript: it runs before any build), for the TypeScript that imports it.
export const BIG_INPUT_BYTES: number;
export function heapShareMb(totalmem: number, count?: number): number;
export function heapFlag(
  argv: string[],
  sys: { execArgv: string[]; env: Record<string, string | undefined>; totalmem: number; heapLimit: number; sizeOf: (path: string) => number | null },
): string | null;
export function fileSize(path: string): number | null;
