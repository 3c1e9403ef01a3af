import { Spinner } from './Spinner';

export function PageSpinner({ label = 'Loading page' }: { label?: string }) {
  return (
    <div className="flex justify-center py-24">
      <Spinner label={label} />
    </div>
  );
}
