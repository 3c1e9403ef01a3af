import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../../../auth/useSession';
import { Button } from '../../../components/Button';
import { PageOfItems } from '../../../components/PageOfItems';
import { Pagination } from '../../../components/Pagination';
import { TextField } from '../../../components/TextField';
import { useDocumentTitle } from '../../../components/useDocumentTitle';
import { formatDate } from '../../../lib/date';
import { AdminRoleButton } from './AdminRoleButton';
import { PEOPLE_PER_PAGE, usePeople } from './api';

function hrefFor(email: string, page: number): string {
  const params = new URLSearchParams();
  if (email) params.set('email', email);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/admin/people?${query}` : '/admin/people';
}

/** Every account, newest first, found by email; who is an admin, and making or unmaking one. */
export function PeoplePage() {
  useDocumentTitle('People · Admin');
  const { userId } = useSession();
  const [params, setParams] = useSearchParams();
  const email = params.get('email') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(email);
  const people = usePeople(email, page);

  function search(event: FormEvent) {
    event.preventDefault();
    const wanted = text.trim();
    setParams(wanted ? { email: wanted } : {});
  }

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">People</h1>
      <form
        onSubmit={search}
        role="search"
        aria-label="People"
        className="flex flex-wrap items-end gap-2 rounded-2xl border border-stone-200 bg-white p-4"
      >
        <TextField
          label="Email"
          type="search"
          value={text}
          placeholder="ada@"
          onChange={(e) => setText(e.target.value)}
          className="min-w-0 flex-1 basis-48"
        />
        <Button type="submit" variant="secondary">
          Search people
        </Button>
      </form>
      <PageOfItems
        query={people}
        errorTitle="People did not load."
        empty={
          <p className="rounded-2xl border border-dashed border-stone-300 p-6 text-center text-stone-600">
            Nobody matches.
          </p>
        }
      >
        {(found) => (
          <>
            <div className="overflow-x-auto rounded-2xl border border-stone-200 bg-white">
              <table className="w-full min-w-[36rem] text-sm">
                <caption className="sr-only">Accounts, {found.total} in all, newest first</caption>
                <thead className="bg-stone-50 text-left text-stone-700">
                  <tr>
                    <th scope="col" className="px-4 py-3 font-semibold">
                      Person
                    </th>
                    <th scope="col" className="px-4 py-3 font-semibold">
                      Joined
                    </th>
                    <th scope="col" className="px-4 py-3 font-semibold">
                      Admin
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {found.items.map((p) => (
                    <tr key={p.id}>
                      <td className="px-4 py-2">
                        <span className="block font-medium text-stone-900">{p.name}</span>
                        <span className="block break-all text-stone-700">{p.email}</span>
                      </td>
                      <td className="px-4 py-2 text-stone-700">{formatDate(p.created_at)}</td>
                      <td className="px-4 py-2">
                        <AdminRoleButton person={p} isMe={p.id === userId} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              page={page}
              perPage={PEOPLE_PER_PAGE}
              total={found.total}
              hrefFor={(n) => hrefFor(email, n)}
              label="People pages"
            />
          </>
        )}
      </PageOfItems>
    </div>
  );
}
