export function stampOf(root: string): string;
export function isStale(root?: string): boolean;
