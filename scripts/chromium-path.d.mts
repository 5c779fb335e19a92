export function chromiumPath(env?: NodeJS.ProcessEnv): string | undefined;
