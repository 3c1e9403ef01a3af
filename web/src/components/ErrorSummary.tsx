import { useId, type MouseEvent } from 'react';
import { FocusedAlert } from './FocusedAlert';

export interface FieldProblem {
  /** The id of the field the problem is about. */
  fieldId: string;
  message: string;
}

interface ErrorSummaryProps {
  /** A new array per failed attempt: each one takes focus again. */
  problems: FieldProblem[];
  title?: string;
}

/** Goes to the field itself: following `#id` alone would scroll without focusing it. */
function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const field = document.getElementById(fieldId);
  if (!field) return;
  event.preventDefault();
  field.focus({ preventScroll: true });
  field.scrollIntoView({ block: 'center' });
}

/**
 * The problems that stop a form, listed at its top, each linked to its field (as the GOV.UK
 * design system's error summary does). Shown, focused and scrolled into view on submit.
 */
export function ErrorSummary({ problems, title = 'Please check these details' }: ErrorSummaryProps) {
  const headingId = useId();
  if (problems.length === 0) return null;
  return (
    <FocusedAlert cause={problems} labelledBy={headingId} className="mb-4">
      <h3 id={headingId} className="font-semibold">
        {title}
      </h3>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
        {problems.map((problem) => (
          <li key={problem.fieldId}>
            <a
              href={`#${problem.fieldId}`}
              onClick={(event) => focusField(event, problem.fieldId)}
              className="font-medium underline"
            >
              {problem.message}
            </a>
          </li>
        ))}
      </ul>
    </FocusedAlert>
  );
}
