/** Client-side checks that mirror the auth service's rules, so people learn early. */
export const MIN_PASSWORD = 8;

export function emailProblem(email: string): string | undefined {
  if (!email.trim()) return 'Enter your email address.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
    return 'Enter an email address like name@example.com.';
  return undefined;
}

export function newPasswordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD) return `Use at least ${MIN_PASSWORD} characters.`;
  return undefined;
}
