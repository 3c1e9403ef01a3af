import { describe, expect, it } from 'vitest';
import { readEventStream } from './sse';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      chunks.forEach((c) => controller.enqueue(encoder.encode(c)));
      controller.close();
    },
  });
}

describe('readEventStream', () => {
  it('reads events split across chunks and skips keep-alive comments', async () => {
    const seen: { event: string | undefined; data: string }[] = [];
    await readEventStream(
      streamOf([
        'event: status\ndata: {"status":"pend',
        'ing_payment"}\n\n: keep-alive\n\n',
        'event: status\ndata: {"status":"paid"}\n\n',
      ]),
      (e) => seen.push({ event: e.event, data: e.data }),
    );
    expect(seen).toEqual([
      { event: 'status', data: '{"status":"pending_payment"}' },
      { event: 'status', data: '{"status":"paid"}' },
    ]);
  });
});
