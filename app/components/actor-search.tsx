// The co-lead field: a text field where the proposer types actors' names, in place of a <select>
// of every approved actor (thousands of options, shipped twice: in the HTML and in the loader
// data). Without JavaScript the typed names are sent with the form and resolved by the server,
// which answers an unknown or ambiguous name with a message and the candidates as checkboxes.
// With JavaScript the field becomes a WAI-ARIA combobox (list autocomplete): it asks
// /initiatives/co-leads.json for the first matches of what is typed, arrows move through them,
// Enter or a click adds one to the chosen co-leads (checkboxes, as the server renders them).
// Its state starts from the props: the page gives it a new key for each answer of the server.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "~/i18n/react";
import { ErrorList } from "~/components/forms";

export interface ActorOption {
  id: string;
  name: string;
}

export interface ActorProblem {
  text: string;
  reason: "none" | "several" | "proposer";
  matches: ActorOption[];
}

const SUGGESTIONS_URL = "/initiatives/co-leads.json";
const DEBOUNCE_MS = 150;

export function ActorSearch({
  id,
  queryName,
  choiceName,
  label,
  hint,
  defaultQuery = "",
  chosen: initialChosen = [],
  problems = [],
  errors,
}: {
  id: string;
  /** The text field's name: what is typed and not chosen is resolved by the server. */
  queryName: string;
  /** The checkboxes' name: one actor id each. */
  choiceName: string;
  label: string;
  hint: string;
  defaultQuery?: string;
  chosen?: ActorOption[];
  problems?: ActorProblem[];
  /** Other errors of the field, as keys of the "coalitions" namespace. */
  errors?: string[];
}) {
  const { t, i18n } = useTranslation("coalitions");
  const listboxId = useId();
  const statusId = useId();
  const [enhanced, setEnhanced] = useState(false);
  const [chosen, setChosen] = useState(initialChosen);
  const [query, setQuery] = useState(defaultQuery);
  const [options, setOptions] = useState<ActorOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const request = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The role and the list only once JavaScript runs: before, it is a plain text field.
  useEffect(() => setEnhanced(true), []);
  useEffect(() => () => {
    clearTimeout(timer.current);
    request.current?.abort();
  }, []);

  function lookUp(text: string) {
    clearTimeout(timer.current);
    request.current?.abort();
    // What comes after the last semicolon is the name being typed.
    const prefix = text.split(";").pop()?.trim() ?? "";
    if (prefix.length === 0) {
      setOptions([]);
      setOpen(false);
      return;
    }
    timer.current = setTimeout(async () => {
      const controller = new AbortController();
      request.current = controller;
      try {
        // The page's language, which a ?lng= link may have chosen over the visitor's usual one.
        const res = await fetch(`${SUGGESTIONS_URL}?${new URLSearchParams({ q: prefix, lng: i18n.language })}`, { signal: controller.signal, headers: { Accept: "application/json" } });
        if (!res.ok) return;
        const body = (await res.json()) as { actors: ActorOption[] };
        setOptions(body.actors);
        setActive(-1);
        setOpen(true);
      } catch {
        // Aborted by the next keystroke, or offline: the typed text still goes with the form.
      }
    }, DEBOUNCE_MS);
  }

  function choose(option: ActorOption) {
    setChosen((list) => (list.some((a) => a.id === option.id) ? list : [...list, option]));
    // The chosen name leaves the text; names typed before it (with semicolons) stay.
    setQuery((text) => {
      const cut = text.lastIndexOf(";");
      return cut < 0 ? "" : `${text.slice(0, cut + 1)} `;
    });
    setOptions([]);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (options.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (event.key === "Enter" && open && active >= 0) {
      // Enter picks the highlighted actor instead of sending the form.
      event.preventDefault();
      const option = options[active];
      if (option) choose(option);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const errorId = `${id}-error`;
  const invalid = problems.length > 0 || (errors?.length ?? 0) > 0;
  const expanded = enhanced && open && options.length > 0;
  const activeId = expanded && active >= 0 ? `${listboxId}-${active}` : undefined;
  return (
    <div className="mb-5">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        {hint}
      </p>
      {chosen.length > 0 ? (
        <fieldset className="mt-2">
          <legend className="text-sm font-medium">{t("propose.coLeadsChosen")}</legend>
          <ul className="mt-1 flex flex-wrap gap-2">
            {chosen.map((a) => (
              <li key={a.id}>
                <label className="inline-flex items-center gap-2 rounded border border-slate-400 px-2 py-1">
                  <input type="checkbox" name={choiceName} value={a.id} defaultChecked />
                  {a.name}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <div className="relative mt-1 max-w-2xl">
        <input
          id={id}
          name={queryName}
          type="text"
          autoComplete="off"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            lookUp(e.target.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          aria-describedby={[`${id}-hint`, invalid ? errorId : null].filter(Boolean).join(" ")}
          aria-invalid={invalid || undefined}
          {...(enhanced
            ? {
                role: "combobox",
                "aria-autocomplete": "list" as const,
                "aria-expanded": expanded,
                "aria-controls": listboxId,
                "aria-activedescendant": activeId,
              }
            : {})}
          className="block w-full rounded border border-slate-500 px-3 py-2 aria-[invalid]:border-red-700"
        />
        {enhanced ? (
          <div
            id={listboxId}
            role="listbox"
            aria-label={t("propose.coLeadSuggestions")}
            hidden={!expanded}
            className="absolute z-10 mt-1 max-h-72 w-full overflow-auto rounded border border-slate-500 bg-white shadow"
          >
            {options.map((o, i) => (
              <div
                key={o.id}
                id={`${listboxId}-${i}`}
                role="option"
                // The field keeps the focus; the active option is named by aria-activedescendant.
                tabIndex={-1}
                aria-selected={i === active}
                // mousedown, not click: the field keeps the focus (its blur would close the list first).
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(o);
                }}
                className={`cursor-pointer px-3 py-2 ${i === active ? "bg-brand-700 text-white" : "hover:bg-slate-100"}`}
              >
                {o.name}
              </div>
            ))}
          </div>
        ) : null}
      </div>
      {enhanced ? (
        // A live region, not role="status": the page's own notices are its status messages.
        <p id={statusId} aria-live="polite" aria-atomic="true" className="sr-only">
          {expanded ? t("propose.coLeadSuggestionCount", { count: options.length }) : ""}
        </p>
      ) : null}
      {invalid ? (
        <div id={errorId} className="mt-1 space-y-2 text-sm">
          <ErrorList errors={errors} ns="coalitions" />
          {problems.map((p) => (
            <div key={`${p.reason}-${p.text}`}>
              <p className="font-medium text-red-800">{t(`propose.coLead${p.reason === "none" ? "None" : p.reason === "several" ? "Several" : "Proposer"}`, { name: p.text })}</p>
              {p.matches.length > 0 ? (
                <ul className="mt-1 flex flex-wrap gap-2">
                  {p.matches.map((m) => (
                    <li key={m.id}>
                      <label className="inline-flex items-center gap-2 rounded border border-slate-400 px-2 py-1">
                        <input type="checkbox" name={choiceName} value={m.id} />
                        {m.name}
                      </label>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
