// The shape shared by /about, /privacy and /accessibility: a title, an introduction and
// sections of paragraphs, all from the "pages" namespace, with the secretariat's contact.
import { useTranslation } from "~/i18n/react";

interface Section {
  heading: string;
  paragraphs: string[];
}

export function TrustPage({ page, contact, extra }: { page: "about" | "privacy" | "accessibility"; contact: { email: string; address: string }; extra?: React.ReactNode }) {
  const { t } = useTranslation("pages");
  const values = { email: contact.email, address: contact.address };
  const sections = t(`${page}.sections`, { ...values, returnObjects: true }) as unknown as Section[];
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold">{t(`${page}.title`)}</h1>
      <p className="mt-3 text-lg text-slate-800">{t(`${page}.intro`, values)}</p>
      {extra}
      {sections.map((section) => (
        <section key={section.heading} className="mt-8">
          <h2 className="text-2xl font-semibold">{section.heading}</h2>
          {section.paragraphs.map((p) => (
            <p key={p} className="mt-3">
              {p}
            </p>
          ))}
        </section>
      ))}
      <section className="mt-8 rounded-lg border border-slate-300 bg-slate-50 p-5" aria-labelledby="contact-title">
        <h2 id="contact-title" className="text-xl font-semibold">
          {t("contact.title")}
        </h2>
        <address className="mt-2 not-italic">
          {contact.address}
          <br />
          <a href={`mailto:${contact.email}`} className="underline">
            {contact.email}
          </a>
        </address>
      </section>
    </article>
  );
}
