/**
 * API failures as one error type. The edge answers errors as `{"error":{"code","message"}}`;
 * a failed network call becomes an ApiError too, so every screen can show a sentence.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

const FALLBACK: Record<number, string> = {
  400: 'The request was not understood.',
  401: 'Please sign in to continue.',
  403: 'You are not allowed to do that.',
  404: 'We could not find that.',
  409: 'That conflicts with the current state. Please reload and try again.',
  422: 'Some of the details are not valid.',
  429: 'Too many attempts. Please wait a moment and try again.',
  500: 'Something went wrong on our side. Please try again.',
  502: 'MenusKart is briefly unavailable. Please try again in a moment.',
  503: 'MenusKart is briefly unavailable. Please try again in a moment.',
  504: 'MenusKart took too long to answer. Please try again.',
};

/** The API's messages are lower-case fragments ("invalid email or password"); people read
 * sentences. */
export function asSentence(message: string): string {
  const text = message.trim();
  if (text.length === 0) return text;
  const capitalised = text[0]!.toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Builds an ApiError from an error body (parsed JSON, text or nothing) and its status. */
export function toApiError(body: unknown, status: number): ApiError {
  const fallback = FALLBACK[status] ?? (status >= 500 ? FALLBACK[500]! : 'Something went wrong.');
  if (isRecord(body) && isRecord(body.error)) {
    const { code, message, details } = body.error;
    return new ApiError(
      status,
      typeof code === 'string' ? code : 'error',
      typeof message === 'string' && message.trim().length > 0 ? asSentence(message) : fallback,
      isRecord(details) ? details : undefined,
    );
  }
  return new ApiError(status, 'error', fallback);
}

export const NETWORK_ERROR_MESSAGE = 'We could not reach MenusKart. Check your connection and try again.';

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError.
 * For endpoints answering 204, `data` is undefined.
 */
export async function unwrap<T>(call: Promise<Outcome<T>>): Promise<T> {
  let outcome: Outcome<T>;
  try {
    outcome = await call;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', NETWORK_ERROR_MESSAGE);
  }
  if (!outcome.response.ok) throw toApiError(outcome.error, outcome.response.status);
  return outcome.data as T;
}

/** A sentence for any error a screen catches. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}
