// Where the browser for the HTML report tests is: $CHROMIUM_PATH, else the
// first Chromium or Google Chrome on PATH, else where Chrome installs itself. Shared by the test command's install step and the
// tests, so both agree on which browser "is installed".
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
/** Where Google Chrome and Chromium install themselves outside PATH. */
export const KNOWN_PATHS = ['/opt/google/chrome/chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @returns {string | undefined} */
export function chromiumPath(env = process.env, knownPaths = KNOWN_PATHS) {
  if (env.CHROMIUM_PATH) return executable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) if (executable(join(dir, name))) return join(dir, name);
  }
  return knownPaths.find(executable);
}
