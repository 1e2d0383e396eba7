import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
/** Debian's chromium package; the browser tests skip with this reason where it is not installed. */
export const CHROMIUM = "/usr/bin/chromium";
export const noChromium = existsSync(CHROMIUM)
    ? false
    : "Debian's chromium is not installed (.ci/run installs it)";
/**
 * Headless Chromium with a fresh profile in `profileDir`. Without the background-networking flags it
 * keeps trying to reach the network.
 */
export function launchChromium(profileDir, options = {}) {
    return chromium.launchPersistentContext(profileDir, {
        executablePath: CHROMIUM,
        headless: true,
        args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--disable-component-update",
            "--disable-sync",
        ],
        ...options,
    });
}
