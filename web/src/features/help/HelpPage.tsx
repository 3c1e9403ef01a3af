import { Link, useParams } from 'react-router';
import { NotFound } from '../../app/NotFound';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { HELP_TOPICS, helpTopic } from './topics';

/** One help or policy page (`/help/:topic`), with links to the others. */
export function HelpPage() {
  const topic = helpTopic(useParams().topic);
  useDocumentTitle(topic?.title ?? 'Page not found');
  if (!topic) return <NotFound />;
  return (
    <div className="mx-auto grid max-w-5xl gap-8 lg:grid-cols-[1fr_16rem]">
      <article aria-labelledby="help-heading">
        <h1 id="help-heading" className="text-3xl font-bold">
          {topic.title}
        </h1>
        <p className="mt-2 text-lg text-stone-700">{topic.summary}</p>
        {topic.sections.map((section) => (
          <section key={section.heading} className="mt-8">
            <h2 className="text-xl font-semibold">{section.heading}</h2>
            {section.paragraphs.map((text) => (
              <p key={text} className="mt-3 leading-relaxed text-stone-800">
                {text}
              </p>
            ))}
          </section>
        ))}
      </article>
      <nav aria-label="Help topics" className="h-fit rounded-2xl border border-stone-200 bg-white p-5">
        <h2 className="text-sm font-semibold text-stone-900">Help</h2>
        <ul className="mt-2 space-y-1 text-sm">
          {HELP_TOPICS.map((other) => (
            <li key={other.slug}>
              <Link
                to={`/help/${other.slug}`}
                aria-current={other.slug === topic.slug ? 'page' : undefined}
                className="text-orange-800 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-stone-900"
              >
                {other.title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
