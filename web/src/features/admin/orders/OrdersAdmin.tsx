import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useDocumentTitle } from '../../../components/useDocumentTitle';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/TextField';

/** Opens an order by its id (or a link to it). */
export function OrdersAdmin() {
  useDocumentTitle('Orders · Admin');
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    const id = text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i)?.[0];
    if (!id) {
      setProblem('Paste an order id (or a link to the order).');
      return;
    }
    setProblem(undefined);
    void navigate(`/admin/orders/${id.toLowerCase()}`);
  }

  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">Orders</h1>
      <form
        onSubmit={submit}
        noValidate
        className="flex flex-wrap items-end gap-2 rounded-2xl border border-stone-200 bg-white p-5"
      >
        <TextField
          label="Order id"
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={problem}
          className="min-w-0 flex-1"
        />
        <Button type="submit">Open order</Button>
      </form>
    </div>
  );
}
