/**
 * Reads a Server-Sent Events body. EventSource cannot send an Authorization header, so the
 * stream is fetched through the API client and its bytes parsed by `eventsource-parser`.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** Calls `onEvent` for each event of the stream; resolves when the stream ends. */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: EventSourceMessage) => void,
): Promise<void> {
  const parser = createParser({ onEvent });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
    parser.feed(decoder.decode());
  } finally {
    reader.releaseLock();
  }
}
