export function normalisePublicUrl(raw: unknown): string | Error;
export function manifestForPublicUrl(xml: string, base: string): string;
