export const KNOWN_PATHS: string[];
export function chromiumPath(env?: NodeJS.ProcessEnv, knownPaths?: readonly string[]): string | undefined;
