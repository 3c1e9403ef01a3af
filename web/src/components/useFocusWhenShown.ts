import { useEffect, type RefObject } from 'react';

/**
 * Moves focus to the element and scrolls it to the middle of the screen each time `shown`
 * becomes a new truthy value (a new object per failed attempt). For messages that stop a
 * task: on a phone the message may render far from the button that was pressed, and a screen
 * reader user must land on it. Centred, because a sticky header covers the top of the screen.
 */
export function useFocusWhenShown(ref: RefObject<HTMLElement | null>, shown: unknown): void {
  useEffect(() => {
    const element = ref.current;
    if (!shown || !element) return;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: 'center' });
  }, [ref, shown]);
}
