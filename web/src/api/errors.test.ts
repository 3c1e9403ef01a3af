import { describe, expect, it } from 'vitest';
import { asSentence, toApiError } from './errors';

describe('toApiError', () => {
  it('turns the API message into a sentence and keeps code and details', () => {
    const error = toApiError({ error: { code: 'unauthorized', message: 'invalid email or password' } }, 401);
    expect(error.message).toBe('Invalid email or password.');
    expect(error.code).toBe('unauthorized');
    const declined = toApiError(
      { error: { code: 'payment_declined', message: 'Declined!', details: { reason: 'card_declined' } } },
      402,
    );
    expect(declined.message).toBe('Declined!');
    expect(declined.details).toEqual({ reason: 'card_declined' });
  });

  it('says something in words when the body says nothing', () => {
    expect(toApiError('', 503).message).toBe(
      'MenusKart is briefly unavailable. Please try again in a moment.',
    );
    expect(toApiError({ error: { code: 'x', message: '  ' } }, 418).message).toBe('Something went wrong.');
  });
});

describe('asSentence', () => {
  it('capitalises and ends with a full stop only when needed', () => {
    expect(asSentence('no such order')).toBe('No such order.');
    expect(asSentence('Already fine.')).toBe('Already fine.');
    expect(asSentence('')).toBe('');
  });
});
