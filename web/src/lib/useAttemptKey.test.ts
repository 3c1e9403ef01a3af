import { describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import { ApiError } from '../api/errors';
import { useAttemptKey } from './useAttemptKey';

describe('useAttemptKey', () => {
  it('keeps one key for an attempt, across re-renders and repeated clicks', () => {
    const { result, rerender } = renderHook(() => useAttemptKey());
    const first = result.current.key();
    rerender();
    expect(result.current.key()).toBe(first);
  });

  it('keeps the key after a lost answer, so the retry replays the same attempt', () => {
    const { result } = renderHook(() => useAttemptKey());
    const first = result.current.key();
    result.current.settle(new ApiError(0, 'network', 'offline'));
    expect(result.current.key()).toBe(first);
    result.current.settle(new ApiError(504, 'timeout', 'slow'));
    expect(result.current.key()).toBe(first);
  });

  it('starts a new attempt after a definite answer', () => {
    const { result } = renderHook(() => useAttemptKey());
    const first = result.current.key();
    result.current.settle(new ApiError(402, 'payment_declined', 'declined'));
    const second = result.current.key();
    expect(second).not.toBe(first);
    result.current.settle();
    expect(result.current.key()).not.toBe(second);
  });
});
