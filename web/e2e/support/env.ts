/**
 * Where the platform under test is, from the environment (defaults: the `MK_INSTANCE=e2e`
 * platform of `scripts/dev up`). The first admin's credentials come from MK_ADMIN_EMAIL and
 * MK_ADMIN_PASSWORD, or else from that platform's dev.env.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** The shop and its API (the edge serves both). */
export const BASE_URL = trimSlash(process.env.MK_BASE_URL ?? 'http://127.0.0.1:18080');
/** The mail catcher's HTTP API (mailtutan). */
export const MAIL_URL = trimSlash(process.env.MK_MAIL_URL ?? 'http://127.0.0.1:21080');
/** Where the page screenshots go: docs/screenshots of the repository. */
export const SCREENSHOT_DIR =
  process.env.MK_SCREENSHOT_DIR ?? path.resolve(import.meta.dirname, '../../../docs/screenshots');

const DEV_ENV = path.join(homedir(), '.cache/menuskart/e2e/dev.env');

let devEnvCache: Record<string, string> | undefined;

/** `KEY=value` lines of the e2e platform's dev.env (empty when there is none). */
function devEnv(): Record<string, string> {
  if (devEnvCache) return devEnvCache;
  const values: Record<string, string> = {};
  if (existsSync(DEV_ENV)) {
    for (const line of readFileSync(DEV_ENV, 'utf8').split('\n')) {
      const match = /^\s*([A-Z0-9_]+)=(.*)$/.exec(line);
      if (match?.[1]) values[match[1]] = (match[2] ?? '').trim().replace(/^(['"])(.*)\1$/, '$2');
    }
  }
  devEnvCache = values;
  return values;
}

/** A setting from the environment, else from dev.env; a clear error when neither has it. */
export function setting(name: string): string {
  const value = process.env[name] ?? devEnv()[name];
  if (!value) throw new Error(`${name} is not set, and ${DEV_ENV} does not have it`);
  return value;
}

export function adminCredentials(): { email: string; password: string } {
  return { email: setting('MK_ADMIN_EMAIL'), password: setting('MK_ADMIN_PASSWORD') };
}
