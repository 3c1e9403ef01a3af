/** The platform's mail catcher (mailtutan's HTTP API): the emails the shop sent. */
import { expect } from '@playwright/test';
import { MAIL_URL } from './env';

interface MessageSummary {
  id: number | string;
  recipients: string[];
  subject: string;
  created_at: string;
}

export interface Email {
  subject: string;
  text: string;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

const addressedTo = (message: MessageSummary, to: string) =>
  message.recipients.some((r) => r.toLowerCase().includes(to.toLowerCase()));

/**
 * Waits for the newest email to `to` whose subject matches, and returns it with its text body.
 * (The addresses are unique per test, so other tests' mail never matches.)
 */
export async function waitForEmail(to: string, subject: RegExp, timeout = 30_000): Promise<Email> {
  let found: MessageSummary | undefined;
  await expect
    .poll(
      async () => {
        const messages = await getJson<MessageSummary[]>(`${MAIL_URL}/api/messages`);
        found = messages.filter((m) => addressedTo(m, to) && subject.test(m.subject)).at(-1);
        return found?.subject;
      },
      { message: `an email to ${to} with a subject like ${subject}`, timeout },
    )
    .toMatch(subject);
  const message = found as MessageSummary;
  const response = await fetch(`${MAIL_URL}/api/messages/${message.id}/plain`);
  if (!response.ok) throw new Error(`email ${message.id}: HTTP ${response.status}`);
  return { subject: message.subject, text: await response.text() };
}

/** The first link in an email's text to the shop's page `pagePath` (e.g. "/reset-password"). */
export function linkIn(email: Email, pagePath: string): string {
  const link = email.text.match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname === pagePath);
  if (!link) throw new Error(`no link to ${pagePath} in the email "${email.subject}":\n${email.text}`);
  return link;
}
